/// The other end of a SIP message: where a request came from (the `received` and `rport` of RFC 3581) and
/// where a message goes.
///
/// ```swift
/// let peer = SIPPeer(transport: .udp, address: "192.0.2.7", port: 5060)
/// print(peer)   // udp:192.0.2.7:5060
/// ```
///
/// The address is an IPv4 literal in dotted-quad notation: the transport resolves no names (RFC 3263 is
/// the caller's). For TCP and TLS, ``connection`` is the connection a message arrived on; a message sent to
/// a peer with a connection set goes back over it while it is open (RFC 3261 §18.2.2), otherwise over any
/// open connection to the address and port, otherwise over a new one.
public struct SIPPeer: Hashable, Sendable, CustomStringConvertible {
    public var transport: SIPTransportProtocol
    /// `192.0.2.7`.
    public var address: String
    public var port: Int
    /// The TCP or TLS connection the peer spoke on (`nil` for UDP, or to let the transport pick one).
    public var connection: SIPConnectionID?

    public init(transport: SIPTransportProtocol, address: String, port: Int, connection: SIPConnectionID? = nil) {
        self.transport = transport
        self.address = address
        self.port = port
        self.connection = connection
    }

    public var description: String {
        "\(transport.rawValue):\(address):\(port)" + (connection.map { "\($0)" } ?? "")
    }
}
