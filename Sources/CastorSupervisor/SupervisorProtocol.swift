import Supervision

/// A request on the supervisor's control socket (`<run dir>/supervisor.sock`), one JSON object a line.
///
/// - `{"command":"status"}` → every daemon's `DaemonStatus`
/// - `{"command":"restart","name":"api"}` → stop the daemon and start it again at once
/// - `{"command":"reload"}` (optionally `"except":"api"`) → SIGHUP to every running daemon: data changed
/// - `{"command":"ready","name":"api","pid":1234}` → sent by a daemon once its sockets are bound
public struct SupervisorRequest: Codable, Sendable, Equatable {
    public var command: String
    public var name: String?
    public var pid: Int32?
    public var except: String?

    public init(command: String, name: String? = nil, pid: Int32? = nil, except: String? = nil) {
        self.command = command
        self.name = name
        self.pid = pid
        self.except = except
    }

    public static let status = SupervisorRequest(command: "status")
}

/// The supervisor's answer.
public struct SupervisorReply: Codable, Sendable, Equatable {
    public var ok: Bool
    public var error: String?
    public var supervisorPID: Int32?
    public var daemons: [DaemonStatus]?

    public init(ok: Bool, error: String? = nil, supervisorPID: Int32? = nil, daemons: [DaemonStatus]? = nil) {
        self.ok = ok
        self.error = error
        self.supervisorPID = supervisorPID
        self.daemons = daemons
    }

    enum CodingKeys: String, CodingKey {
        case ok, error, daemons
        case supervisorPID = "supervisor_pid"
    }
}
