import CastorModel

/// A message for the transport: bytes and where they go.
public struct SIPOutbound: Sendable, Hashable {
    public var bytes: [UInt8]
    public var destination: SIPDestination
    /// The message acknowledges binding changes (a REGISTER's 200): it must not leave before they are
    /// stored, the first time or when a retransmitted request makes the transaction send it again.
    public var afterCommit: Bool

    public init(bytes: [UInt8], destination: SIPDestination, afterCommit: Bool = false) {
        self.bytes = bytes
        self.destination = destination
        self.afterCommit = afterCommit
    }
}

/// What the endpoint asks of the service for one batch of input: binding changes to store, and messages to
/// send; those marked `afterCommit` only once the changes (and any stored before) are committed, so that
/// no 200 OK leaves before the binding it acknowledges is stored. The others may leave at once.
public struct SIPEndpointOutput: Sendable {
    public var changes: [SIPBindingChange] = []
    public var messages: [SIPOutbound] = []
    public var events: [SIPEndpointEvent] = []
    /// Calls that ended: their CDR rows, to store (not before any message: nothing waits for them).
    public var records: [CallDetailRecord] = []
    /// Phones provisioning themselves: store work for the service (a right provisioning code), and what to log
    /// of codes and check-sync NOTIFYs.
    public var provisioning: [ProvisioningAction] = []

    public init() {}

    public var isEmpty: Bool {
        changes.isEmpty && messages.isEmpty && events.isEmpty && records.isEmpty && provisioning.isEmpty
    }
}

/// What happened, for logs and metrics (never a hot-path allocation beyond the enum).
public enum SIPEndpointEvent: Sendable, Equatable {
    case malformed(source: SIPSource, reason: String)
    case registrar(RegistrarOutcome.Event, source: SIPSource)
    case qualified(contact: String, reachable: Bool)
    case call(CallEvent)
}

/// What happened to a call, for the log.
public enum CallEvent: Sendable, Equatable {
    case started(caller: String, callee: String, forks: Int)
    case refused(caller: String, dialled: String, status: Int)
    case answered(caller: String, callee: String)
    case ended(caller: String, callee: String, by: String)
}
