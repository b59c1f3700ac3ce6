import CastorCore

/// The life of one supervised daemon as a state machine: events in, `Action`s out. It never reads a clock,
/// starts a process or sends a signal itself; `CastorSupervisor` does what the actions say and feeds back
/// what happened, and tests drive every timer with instants of their choosing.
///
/// ```
///   start ─▶ starting ──ready──▶ up ──exit──▶ backoff ──wake(delay)──▶ starting …
///               │                 │                 ▲
///               └──────exit───────┴─────────────────┘
///   stop: starting/up ─▶ stopping (SIGTERM; SIGKILL at the grace deadline) ──exit──▶ stopped
/// ```
public struct DaemonSupervision: Sendable {
    /// What the driver must do.
    public enum Action: Equatable, Sendable {
        /// Start a new process of the daemon, then report `spawned(pid:now:)` or `exited(_:now:)`.
        case spawn
        /// Send `signal` to the process.
        case signal(pid: Int32, signal: Int32)
        /// Call `wake(now:)` at (or after) this instant.
        case wake(at: MonotonicInstant)
    }

    enum State: Equatable {
        case stopped
        /// Waiting for `spawned(pid:)` after a `.spawn` action.
        case spawning
        case starting(pid: Int32, since: MonotonicInstant)
        case up(pid: Int32, since: MonotonicInstant)
        case backoff(until: MonotonicInstant)
        case stopping(pid: Int32, since: MonotonicInstant, killAt: MonotonicInstant, thenRestart: Bool)
    }

    public let name: String
    public var policy: RestartPolicy
    private(set) var state: State = .stopped
    /// Consecutive exits without a stable run in between.
    private var failures = 0
    private var restarts = 0
    private var recentExits: [MonotonicInstant] = []
    private var lastExit: ExitStatus?
    /// Set by `stop`: the daemon must not come back on its own.
    private var wanted = false

    public static let sigterm: Int32 = 15
    public static let sigkill: Int32 = 9

    public init(name: String, policy: RestartPolicy) {
        self.name = name
        self.policy = policy
    }

    /// Whether the daemon is stopped and not coming back (after `stop`).
    public var isStopped: Bool { state == .stopped }

    /// The pid of the running process, if any.
    public var pid: Int32? {
        switch state {
        case .starting(let pid, _), .up(let pid, _), .stopping(let pid, _, _, _): return pid
        case .stopped, .spawning, .backoff: return nil
        }
    }

    /// Whether exits came so often that the daemon counts as crash-looping.
    public func isCrashLooping(now: MonotonicInstant) -> Bool {
        recentExits.filter { now - $0 <= policy.crashLoopWindow }.count >= policy.crashLoopRestarts
    }

    // MARK: Events

    /// The supervisor starts: bring the daemon up.
    public mutating func start(now: MonotonicInstant) -> [Action] {
        wanted = true
        switch state {
        case .stopped, .backoff:
            state = .spawning
            return [.spawn]
        case .spawning, .starting, .up, .stopping:
            return []
        }
    }

    /// The process of the last `.spawn` runs with this pid.
    public mutating func spawned(pid: Int32, now: MonotonicInstant) -> [Action] {
        guard state == .spawning else {
            // Spawned while we were told to stop in between: stop it at once.
            return wanted ? [] : [.signal(pid: pid, signal: Self.sigterm)]
        }
        state = .starting(pid: pid, since: now)
        return []
    }

    /// The daemon said it is ready (its sockets are bound).
    public mutating func ready(pid: Int32, now: MonotonicInstant) {
        if case .starting(let current, let since) = state, current == pid {
            state = .up(pid: pid, since: since)
        }
    }

    /// The process ended (or could not be spawned).
    public mutating func exited(_ status: ExitStatus, now: MonotonicInstant) -> [Action] {
        lastExit = status
        switch state {
        case .stopping(_, _, _, let thenRestart):
            if thenRestart && wanted {
                restarts += 1
                state = .spawning
                return [.spawn]
            }
            state = .stopped
            return []
        case .starting(_, let since), .up(_, let since):
            if now - since >= policy.stableAfter { failures = 0 }
            return scheduleRestart(now: now)
        case .spawning:
            return scheduleRestart(now: now)
        case .stopped, .backoff:
            return []
        }
    }

    /// A timer set by a `.wake` action fired.
    public mutating func wake(now: MonotonicInstant) -> [Action] {
        switch state {
        case .backoff(let until):
            guard now >= until else { return [.wake(at: until)] }
            restarts += 1
            state = .spawning
            return [.spawn]
        case .stopping(let pid, _, let killAt, _):
            guard now >= killAt else { return [.wake(at: killAt)] }
            return [.signal(pid: pid, signal: Self.sigkill)]
        case .stopped, .spawning, .starting, .up:
            return []
        }
    }

    /// Stop the daemon for good: SIGTERM now, SIGKILL after the grace period.
    public mutating func stop(now: MonotonicInstant) -> [Action] {
        wanted = false
        return terminate(now: now, thenRestart: false)
    }

    /// `castor service restart NAME`: stop the running process (if any) and start a new one at once,
    /// forgetting past failures.
    public mutating func restart(now: MonotonicInstant) -> [Action] {
        wanted = true
        failures = 0
        recentExits.removeAll()
        switch state {
        case .stopped, .backoff:
            restarts += 1
            state = .spawning
            return [.spawn]
        case .spawning:
            return []
        case .starting, .up, .stopping:
            return terminate(now: now, thenRestart: true)
        }
    }

    private mutating func terminate(now: MonotonicInstant, thenRestart: Bool) -> [Action] {
        switch state {
        case .starting(let pid, let since), .up(let pid, let since):
            let killAt = now + policy.stopGracePeriod
            state = .stopping(pid: pid, since: since, killAt: killAt, thenRestart: thenRestart)
            return [.signal(pid: pid, signal: Self.sigterm), .wake(at: killAt)]
        case .stopping(let pid, let since, let killAt, _):
            state = .stopping(pid: pid, since: since, killAt: killAt, thenRestart: thenRestart)
            return []
        case .backoff, .spawning:
            // A process being spawned is signalled when `spawned` reports it (see there).
            state = thenRestart ? state : .stopped
            return []
        case .stopped:
            return []
        }
    }

    private mutating func scheduleRestart(now: MonotonicInstant) -> [Action] {
        recentExits.append(now)
        recentExits.removeAll { now - $0 > policy.crashLoopWindow }
        guard wanted else {
            state = .stopped
            return []
        }
        failures += 1
        let until = now + policy.delay(afterFailures: failures)
        state = .backoff(until: until)
        return [.wake(at: until)]
    }

    // MARK: Report

    public func status(now: MonotonicInstant) -> DaemonStatus {
        var status = DaemonStatus(
            name: name, state: "stopped", pid: nil, uptime: nil, restarts: restarts, lastExit: lastExit?.description,
            nextStartIn: nil)
        switch state {
        case .stopped: status.state = "stopped"
        case .spawning: status.state = "starting"
        case .starting(let pid, let since):
            status.state = "starting"
            status.pid = pid
            status.uptime = (now - since).seconds
        case .up(let pid, let since):
            status.state = "up"
            status.pid = pid
            status.uptime = (now - since).seconds
        case .backoff(let until):
            status.state = isCrashLooping(now: now) ? "crash-loop" : "backoff"
            status.nextStartIn = max(0, (until - now).seconds)
        case .stopping(let pid, let since, _, _):
            status.state = "stopping"
            status.pid = pid
            status.uptime = (now - since).seconds
        }
        return status
    }
}
