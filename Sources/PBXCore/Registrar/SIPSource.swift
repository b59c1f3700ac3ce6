/// One end of a SIP flow as the transport sees it: the protocol, the address and port of the packet (or of
/// the connection), and for TCP/TLS the connection it came on. For a request received, it is where the
/// packet came from, which may differ from what the phone wrote in Via when it is behind NAT (RFC 3581);
/// for a message to send, where it goes.
public struct SIPSource: Hashable, Sendable, CustomStringConvertible {
    /// `udp`, `tcp` or `tls`, lowercase.
    public var transport: String
    public var address: String
    public var port: Int
    /// The transport's id of the TCP/TLS connection, if any: replies go back over it (RFC 3261 §18.2.2).
    public var connection: UInt64?

    public init(transport: String, address: String, port: Int, connection: UInt64? = nil) {
        self.transport = transport
        self.address = address
        self.port = port
        self.connection = connection
    }

    /// Whether the transport is connection-oriented (TCP, TLS): no retransmissions (RFC 3261 §17.1.1.1).
    public var isReliable: Bool { transport != "udp" }

    public var description: String { "\(transport):\(address):\(port)" }
}

/// Where a message is sent: the same shape as where one comes from.
public typealias SIPDestination = SIPSource
