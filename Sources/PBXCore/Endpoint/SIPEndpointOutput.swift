import CastorModel

/// A message for the transport: bytes and where they go.
public struct SIPOutbound: Sendable, Hashable {
    public var bytes: [UInt8]
    public var destination: SIPDestination

    public init(bytes: [UInt8], destination: SIPDestination) {
        self.bytes = bytes
        self.destination = destination
    }
}

/// What the endpoint asks of the service for one batch of input: binding changes to store, then messages to
/// send — in that order, so that no 200 OK leaves before the binding it acknowledges is stored.
public struct SIPEndpointOutput: Sendable {
    public var changes: [SIPBindingChange] = []
    public var messages: [SIPOutbound] = []
    public var events: [SIPEndpointEvent] = []

    public init() {}

    public var isEmpty: Bool { changes.isEmpty && messages.isEmpty && events.isEmpty }
}

/// What happened, for logs and metrics (never a hot-path allocation beyond the enum).
public enum SIPEndpointEvent: Sendable, Equatable {
    case malformed(source: SIPSource, reason: String)
    case registrar(RegistrarOutcome.Event, source: SIPSource)
    case qualified(username: String, contact: String, reachable: Bool)
}
