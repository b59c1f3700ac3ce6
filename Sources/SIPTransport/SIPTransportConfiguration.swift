/// Where a ``SIPTransport`` listens and the limits it enforces.
///
/// ```swift
/// var configuration = SIPTransportConfiguration(host: "10.0.0.1", udpPort: 5060, tcpPort: 5060)
/// configuration.tlsPort = 5061
/// configuration.tlsCertificateChainPath = "/etc/castor/sip.crt"
/// configuration.tlsPrivateKeyPath = "/etc/castor/sip.key"
/// ```
///
/// IPv4 only. SIP wants UDP and TCP on the same port number (RFC 3261 §18.1.1: a request over UDP can be
/// answered over TCP when it grows), so a ``tcpPort`` of 0 means "the UDP port", and with ``udpPort`` 0 too
/// the transport looks for a port number free for both.
public struct SIPTransportConfiguration: Hashable, Sendable {
    /// The IPv4 address to bind, `0.0.0.0` for all.
    public var host: String
    /// The UDP port; 0 lets the kernel pick one (see ``SIPTransport/udpPort``).
    public var udpPort: Int
    /// The TCP port: `nil` for no TCP, 0 for the same number as UDP.
    public var tcpPort: Int?
    /// The TLS port (5061): `nil` for no TLS, 0 for any free port. Needs both PEM paths below.
    public var tlsPort: Int?
    /// The server's certificate, then its intermediates, PEM.
    public var tlsCertificateChainPath: String?
    /// The certificate's private key, PEM.
    public var tlsPrivateKeyPath: String?
    /// The largest message accepted, in bytes: a bigger datagram is dropped, a connection framing a bigger
    /// message is closed.
    public var maximumMessageSize: Int
    /// TCP and TLS connections open at once, inbound and outbound; a connection accepted beyond it is
    /// closed at once.
    public var maximumConnections: Int
    /// Bytes waiting to leave one connection (not yet taken by the kernel, or waiting for the connection to
    /// open) beyond which it is closed: a peer that does not read cannot make the server hold its replies.
    public var maximumPendingOutboundBytesPerConnection: Int
    /// A TCP or TLS connection on which nothing was received or sent for this long is closed (RFC 5626
    /// keepalives count).
    public var idleTimeout: Duration
    /// A connection that has started a message (or a TLS handshake) and not finished it within this is
    /// closed: a slow sender cannot hold a connection with a trickle of bytes.
    public var incompleteMessageTimeout: Duration
    /// How long an outbound connection may take to connect.
    public var connectTimeout: Duration
    /// SO_RCVBUF of the UDP socket, room for a burst (capped by `net.core.rmem_max`); `nil` for the
    /// system's default.
    public var udpReceiveBufferSize: Int?

    public init(
        host: String = "0.0.0.0", udpPort: Int = 5060, tcpPort: Int? = 0, tlsPort: Int? = nil,
        tlsCertificateChainPath: String? = nil, tlsPrivateKeyPath: String? = nil
    ) {
        self.host = host
        self.udpPort = udpPort
        self.tcpPort = tcpPort
        self.tlsPort = tlsPort
        self.tlsCertificateChainPath = tlsCertificateChainPath
        self.tlsPrivateKeyPath = tlsPrivateKeyPath
        self.maximumMessageSize = 65_535
        self.maximumConnections = 1_024
        self.maximumPendingOutboundBytesPerConnection = 1 << 20
        self.idleTimeout = .seconds(600)
        self.incompleteMessageTimeout = .seconds(30)
        self.connectTimeout = .seconds(10)
        self.udpReceiveBufferSize = nil
    }
}
