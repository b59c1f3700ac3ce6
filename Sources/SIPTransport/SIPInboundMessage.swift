/// One SIP message as the transport received it, not yet parsed: a whole UDP datagram, or one message a
/// TCP or TLS stream was framed into by its Content-Length (RFC 3261 §18.3). Keepalives (RFC 5626 §3.5.1)
/// are answered or dropped by the transport and never appear here.
///
/// ```swift
/// func transport(_ transport: SIPTransport, received batch: [SIPInboundMessage]) {
///     for message in batch {
///         guard let parsed = try? SIPMessage(parsing: message.bytes) else { continue }
///         …
///         transport.send(response, to: message.peer)
///     }
/// }
/// ```
public struct SIPInboundMessage: Sendable {
    public var bytes: [UInt8]
    /// Who sent it: the source address and port, and the connection for TCP and TLS.
    public var peer: SIPPeer
    /// Where it arrived.
    public var local: SIPLocalEndpoint

    public init(bytes: [UInt8], peer: SIPPeer, local: SIPLocalEndpoint) {
        self.bytes = bytes
        self.peer = peer
        self.local = local
    }
}
