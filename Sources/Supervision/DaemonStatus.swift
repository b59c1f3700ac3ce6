/// One line of `castor status`: what the supervisor knows of a daemon. Also its JSON (`castor status --json`).
public struct DaemonStatus: Codable, Equatable, Sendable {
    /// `up`, `starting`, `backoff`, `crash-loop`, `stopping` or `stopped`.
    public var state: String
    public var name: String
    public var pid: Int32?
    /// Seconds since the current process started.
    public var uptime: Double?
    /// How many times the supervisor started the daemon again (after an exit or on request).
    public var restarts: Int
    /// How the previous process ended (`exit 1`, `killed by SIGKILL`).
    public var lastExit: String?
    /// Seconds until the next restart, while waiting for one.
    public var nextStartIn: Double?

    public init(
        name: String, state: String, pid: Int32?, uptime: Double?, restarts: Int, lastExit: String?,
        nextStartIn: Double?
    ) {
        self.name = name
        self.state = state
        self.pid = pid
        self.uptime = uptime
        self.restarts = restarts
        self.lastExit = lastExit
        self.nextStartIn = nextStartIn
    }

    enum CodingKeys: String, CodingKey {
        case name, state, pid, uptime, restarts
        case lastExit = "last_exit"
        case nextStartIn = "next_start_in"
    }
}
