/// How the supervisor restarts a daemon that exits on its own, as `castor.yaml`'s `supervisor:` section sets it.
///
/// The delay doubles with each consecutive failure, from `initialDelay` up to `maxDelay`; a process that stayed
/// up for `stableAfter` has its failure count reset (as runit and systemd do). When `crashLoopRestarts` exits
/// fall within `crashLoopWindow`, the daemon is reported as `crash-loop` (it keeps being restarted at the
/// capped delay: a lab appliance should heal once the cause — a port in use, a bad config — is fixed).
public struct RestartPolicy: Equatable, Sendable {
    public var initialDelay: Duration
    public var maxDelay: Duration
    public var stableAfter: Duration
    public var crashLoopRestarts: Int
    public var crashLoopWindow: Duration
    /// How long a daemon gets between SIGTERM and SIGKILL.
    public var stopGracePeriod: Duration

    public init(
        initialDelay: Duration = .milliseconds(500), maxDelay: Duration = .seconds(30),
        stableAfter: Duration = .seconds(10),
        crashLoopRestarts: Int = 5, crashLoopWindow: Duration = .seconds(60), stopGracePeriod: Duration = .seconds(10)
    ) {
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.stableAfter = stableAfter
        self.crashLoopRestarts = crashLoopRestarts
        self.crashLoopWindow = crashLoopWindow
        self.stopGracePeriod = stopGracePeriod
    }

    /// The delay before restart number `failures` (1 for the first consecutive failure).
    public func delay(afterFailures failures: Int) -> Duration {
        guard failures > 1 else { return initialDelay }
        var delay = initialDelay
        for _ in 1..<failures {
            delay = delay * 2
            if delay >= maxDelay { return maxDelay }
        }
        return delay
    }
}
