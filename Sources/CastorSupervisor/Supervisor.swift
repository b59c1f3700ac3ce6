import CastorControl
import CastorCore
import Dispatch
import Foundation
import Logging
import Subprocess
import Supervision

#if canImport(Glibc)
    import Glibc
#endif

/// `castor run`: starts each daemon as a child process, restarts what dies, forwards SIGHUP as reload, and
/// on SIGTERM/SIGINT stops the daemons in reverse order and returns.
///
/// It drives one `DaemonSupervision` state machine per daemon and carries out their actions: spawning
/// (swift-subprocess, which waits for and reaps every child, so none is left a zombie), signals, and timers.
///
/// ```swift
/// let supervisor = Supervisor(configuration: configuration, logger: logger)
/// try await supervisor.run()   // returns after SIGTERM once every child has exited
/// ```
public actor Supervisor {
    /// What to run and how.
    public struct Configuration: Sendable {
        /// The `castor` executable the children run.
        public var executable: String
        public var runDir: String
        public var daemons: [(name: String, arguments: [String])]
        public var policy: RestartPolicy

        public init(
            executable: String, runDir: String, daemons: [(name: String, arguments: [String])], policy: RestartPolicy
        ) {
            self.executable = executable
            self.runDir = runDir
            self.daemons = daemons
            self.policy = policy
        }
    }

    public static func socketPath(runDir: String) -> String { runDir + "/supervisor.sock" }

    private let configuration: Configuration
    private let logger: Logger
    private let clock = SystemMonotonicClock()
    private var machines: [String: DaemonSupervision] = [:]
    private let order: [String]
    /// Callers of `stopAll` waiting for a daemon to reach `stopped`.
    private var stopWaiters: [String: [CheckedContinuation<Void, Never>]] = [:]
    private var shuttingDown = false

    public init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        order = configuration.daemons.map(\.name)
        for daemon in configuration.daemons {
            machines[daemon.name] = DaemonSupervision(name: daemon.name, policy: configuration.policy)
        }
    }

    /// Runs until SIGTERM or SIGINT, then stops every daemon (reverse order) and returns.
    public func run() async throws {
        let signals = SignalStream(signals: [SIGTERM, SIGINT, SIGHUP])
        try FileManager.default.createDirectory(atPath: configuration.runDir, withIntermediateDirectories: true)
        let control = try await ControlServer.bind(path: Self.socketPath(runDir: configuration.runDir)) {
            [weak self] data in
            guard let self else { return Data() }
            return await self.handle(data)
        }
        let controlTask = Task { try await control.run() }
        logger.info(
            "supervisor started",
            metadata: ["supervisor.daemons": "\(order.joined(separator: ","))", "supervisor.pid": "\(getpid())"])

        for name in order { perform(machines[name]!.start(now: clock.now), for: name) }

        for await signal in signals.stream {
            if signal == SIGHUP {
                logger.info("reload requested (SIGHUP): forwarding to daemons")
                forward(SIGHUP, except: nil)
                continue
            }
            logger.info("stopping on \(ExitStatus.signalName(signal))")
            break
        }
        await stopAll()
        signals.cancel()
        controlTask.cancel()
        _ = try? await controlTask.value
        logger.info("supervisor stopped")
    }

    /// Stops the daemons one by one, last started first, each with SIGTERM then SIGKILL after the grace period.
    func stopAll() async {
        shuttingDown = true
        for name in order.reversed() {
            perform(machines[name]!.stop(now: clock.now), for: name)
            if machines[name]!.isStopped { continue }
            await withCheckedContinuation { continuation in
                stopWaiters[name, default: []].append(continuation)
            }
        }
    }

    // MARK: Carrying out the state machines' actions

    private func perform(_ actions: [DaemonSupervision.Action], for name: String) {
        for action in actions {
            switch action {
            case .spawn:
                spawn(name)
            case .signal(let pid, let signal):
                logger.info(
                    "signalling daemon",
                    metadata: ["daemon": "\(name)", "pid": "\(pid)", "signal": "\(ExitStatus.signalName(signal))"])
                kill(pid, signal)
            case .wake(let at):
                let delay = at - clock.now
                Task { [weak self] in
                    if delay > .zero { try? await Task.sleep(for: delay) }
                    await self?.wake(name)
                }
            }
        }
        if machines[name]?.isStopped == true, let waiters = stopWaiters.removeValue(forKey: name) {
            for waiter in waiters { waiter.resume() }
        }
    }

    private func wake(_ name: String) {
        guard var machine = machines[name] else { return }
        let actions = machine.wake(now: clock.now)
        machines[name] = machine
        perform(actions, for: name)
    }

    private func spawn(_ name: String) {
        guard let daemon = configuration.daemons.first(where: { $0.name == name }) else { return }
        let executable = configuration.executable
        let socket = Self.socketPath(runDir: configuration.runDir)
        let environment = Environment.inherit.updating([
            "CASTOR_SUPERVISOR_SOCKET": socket,
            "CASTOR_SUPERVISOR_PID": String(getpid()),
            "CASTOR_DAEMON": name,
        ])
        Task { [weak self] in
            let status: ExitStatus
            do {
                let result = try await Subprocess.run(
                    .path(.init(executable)), arguments: Arguments(daemon.arguments), environment: environment,
                    input: .none, output: .currentStandardOutput, error: .currentStandardError
                ) { execution in
                    await self?.spawned(name, pid: execution.processIdentifier.value)
                }
                switch result.terminationStatus {
                case .exited(let code): status = .exited(code: code)
                case .signaled(let signal): status = .signalled(signal: signal)
                }
            } catch {
                status = .spawnFailed(reason: "\(error)")
            }
            await self?.exited(name, status: status)
        }
    }

    private func spawned(_ name: String, pid: Int32) {
        guard var machine = machines[name] else { return }
        logger.info("daemon started", metadata: ["daemon": "\(name)", "pid": "\(pid)"])
        let actions = machine.spawned(pid: pid, now: clock.now)
        machines[name] = machine
        perform(actions, for: name)
    }

    private func exited(_ name: String, status: ExitStatus) {
        guard var machine = machines[name] else { return }
        let actions = machine.exited(status, now: clock.now)
        machines[name] = machine
        let level: Logger.Level = shuttingDown || status.isSuccess ? .info : .warning
        var metadata: Logger.Metadata = ["daemon": "\(name)", "exit": "\(status)"]
        if case .wake(let at)? = actions.first {
            metadata["restart_in"] = "\((at - clock.now).seconds)s"
            if machine.isCrashLooping(now: clock.now) { metadata["crash_loop"] = "true" }
        }
        logger.log(level: level, "daemon exited", metadata: metadata)
        perform(actions, for: name)
    }

    private func forward(_ signal: Int32, except: String?) {
        for name in order where name != except {
            if let pid = machines[name]?.pid { kill(pid, signal) }
        }
    }

    // MARK: Control socket

    private func handle(_ data: Data) -> Data {
        let reply: SupervisorReply
        if let request = try? JSONDecoder().decode(SupervisorRequest.self, from: data) {
            reply = answer(request)
        } else {
            reply = SupervisorReply(ok: false, error: "not a request: expected a JSON object with a \"command\"")
        }
        return (try? JSONEncoder().encode(reply)) ?? Data("{\"ok\":false}".utf8)
    }

    private func answer(_ request: SupervisorRequest) -> SupervisorReply {
        switch request.command {
        case "status":
            let now = clock.now
            return SupervisorReply(
                ok: true, supervisorPID: getpid(), daemons: order.compactMap { machines[$0]?.status(now: now) })
        case "ready":
            guard let name = request.name, let pid = request.pid, var machine = machines[name] else {
                return SupervisorReply(ok: false, error: "ready needs the name of a supervised daemon and its pid")
            }
            machine.ready(pid: pid, now: clock.now)
            machines[name] = machine
            logger.info("daemon ready", metadata: ["daemon": "\(name)", "pid": "\(pid)"])
            return SupervisorReply(ok: true)
        case "restart":
            guard let name = request.name, var machine = machines[name] else {
                return SupervisorReply(
                    ok: false,
                    error: "no daemon named \"\(request.name ?? "")\" (running: \(order.joined(separator: ", ")))")
            }
            guard !shuttingDown else { return SupervisorReply(ok: false, error: "the supervisor is shutting down") }
            logger.info("restart requested", metadata: ["daemon": "\(name)"])
            let actions = machine.restart(now: clock.now)
            machines[name] = machine
            perform(actions, for: name)
            return SupervisorReply(ok: true)
        case "reload":
            forward(SIGHUP, except: request.except)
            return SupervisorReply(ok: true)
        default:
            return SupervisorReply(
                ok: false, error: "unknown command \"\(request.command)\" (status, restart, reload, ready)")
        }
    }
}
