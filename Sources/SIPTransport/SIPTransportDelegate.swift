/// What a ``SIPTransport`` tells its user: the messages it received, and the connections it lost. Every
/// method is called on the transport's event loop, never re-entrantly from within
/// ``SIPTransport/send(_:to:)``.
///
/// ```swift
/// final class Registrar: SIPTransportDelegate {
///     func transport(_ transport: SIPTransport, received batch: [SIPInboundMessage]) {
///         for message in batch { handle(message, via: transport) }
///     }
/// }
/// ```
///
/// The transport holds its delegate weakly: the caller keeps it alive as long as the transport runs.
public protocol SIPTransportDelegate: AnyObject {
    /// The messages of one read cycle, in arrival order: up to a few hundred UDP datagrams read with
    /// recvmmsg, or what one read of a connection completed. Messages of one connection keep their order
    /// across batches.
    func transport(_ transport: SIPTransport, received batch: [SIPInboundMessage])

    /// A TCP or TLS connection closed (by the peer, an error, a limit or a timeout): a ``SIPPeer`` naming it
    /// will be sent over another connection. Optional.
    func transport(_ transport: SIPTransport, connectionClosed connection: SIPConnectionID)

    /// An outbound connection that ``SIPTransport/send(_:to:)`` opened could not be established (refused,
    /// timed out, TLS handshake failed): the messages waiting for it are lost. A transport error for the
    /// transaction layer (RFC 3261 §17.1.1.2, §18.4). Optional.
    func transport(_ transport: SIPTransport, failedToConnectTo peer: SIPPeer)
}

extension SIPTransportDelegate {
    public func transport(_ transport: SIPTransport, connectionClosed connection: SIPConnectionID) {}

    public func transport(_ transport: SIPTransport, failedToConnectTo peer: SIPPeer) {}
}
