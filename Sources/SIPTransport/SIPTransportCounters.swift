/// A snapshot of a ``SIPTransport``'s counters since it started, for metrics and tests.
///
/// ```swift
/// let counters = transport.counters
/// print("\(counters.udp.messagesReceived) in, \(counters.udp.messagesSent) out over UDP")
/// print("\(counters.connectionsOpen) connections, \(counters.connectionsRefused) refused")
/// ```
public struct SIPTransportCounters: Hashable, Sendable {
    /// Messages of one transport.
    public struct Traffic: Hashable, Sendable {
        /// Messages delivered to the delegate (keepalives excluded).
        public var messagesReceived = 0
        /// Messages handed to the kernel (UDP) or to the connection (TCP, TLS).
        public var messagesSent = 0

        public init() {}
    }

    public var udp = Traffic()
    public var tcp = Traffic()
    public var tls = Traffic()
    /// RFC 5626 keepalives received: empty or CRLF-only datagrams, CRLFCRLF pings and CRLF pongs.
    public var keepAlivesReceived = 0
    /// Datagrams dropped for being larger than the maximum message size.
    public var oversizeDropped = 0
    /// Connections closed because their bytes could not be framed into messages (no Content-Length, a
    /// message over the maximum size, garbage).
    public var framingErrors = 0
    /// Messages that could not be sent: a datagram the kernel refused, no connection and none could be
    /// opened, a connection that failed.
    public var sendErrors = 0
    /// TCP and TLS connections open now, inbound and outbound (including those still connecting).
    public var connectionsOpen = 0
    /// Inbound connections accepted.
    public var connectionsAccepted = 0
    /// Outbound connections opened to send.
    public var connectionsInitiated = 0
    /// Inbound connections closed at once because ``SIPTransportConfiguration/maximumConnections`` were open.
    public var connectionsRefused = 0
    /// Connections closed because their pending outbound bytes passed the maximum (a peer not reading).
    public var connectionsClosedForOverload = 0
    /// Connections closed after ``SIPTransportConfiguration/idleTimeout`` without traffic.
    public var connectionsClosedIdle = 0
    /// Connections closed with a message (or a TLS handshake) unfinished after
    /// ``SIPTransportConfiguration/incompleteMessageTimeout``.
    public var connectionsClosedIncomplete = 0

    public init() {}

    /// The traffic of one transport.
    public subscript(transport: SIPTransportProtocol) -> Traffic {
        get {
            switch transport {
            case .udp: udp
            case .tcp: tcp
            case .tls: tls
            }
        }
        set {
            switch transport {
            case .udp: udp = newValue
            case .tcp: tcp = newValue
            case .tls: tls = newValue
            }
        }
    }
}
