import CastorControl

/// Talks to a running `castor run` over its control socket (what `castor status` and
/// `castor service restart` use).
public struct SupervisorClient: Sendable {
    let client: ControlClient

    public init(socketPath: String) {
        client = ControlClient(path: socketPath, timeout: .seconds(20))
    }

    public init(runDir: String) {
        self.init(socketPath: Supervisor.socketPath(runDir: runDir))
    }

    public func send(_ request: SupervisorRequest) throws -> SupervisorReply {
        try client.send(request, as: SupervisorReply.self)
    }
}
