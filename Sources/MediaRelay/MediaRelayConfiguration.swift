import MediaCore

/// Where and how the RTP relay listens: the address its media sockets bind to, the UDP ports it hands out
/// (RTP on even ports, RTCP on the odd port above, RFC 3550 §11), and how many relay threads share the
/// sessions.
///
/// ```swift
/// let relay = try MediaRelay.start(
///     configuration: MediaRelayConfiguration(bindAddress: "0.0.0.0", ports: 10000...20000))
/// ```
public struct MediaRelayConfiguration: Hashable, Sendable {
    /// The IPv4 address every media socket binds to: `0.0.0.0` for all interfaces, or one address.
    public var bindAddress: String
    /// The ports sessions use: each leg takes an even port for RTP and the next odd one for RTCP, so a
    /// session (two legs) takes four ports.
    public var ports: ClosedRange<Int>
    /// Relay threads, each with its own epoll instance; sessions are spread across them.
    public var threads: Int
    /// SO_RCVBUF of each media socket; `nil`: ``defaultSocketBufferBytes``, 0: the system default.
    public var receiveBufferBytes: Int?
    /// SO_SNDBUF of each media socket; `nil`: ``defaultSocketBufferBytes``, 0: the system default.
    public var sendBufferBytes: Int?
    /// Symmetric RTP: when a leg's media goes to where it comes from instead of its SDP address.
    public var latching: LatchingPolicy

    /// 1 MiB: a burst of ~5,000 G.711 packets per socket, enough to ride out a relay thread that was
    /// descheduled for a while. Only what is queued uses memory.
    public static let defaultSocketBufferBytes = 1 << 20

    public init(
        bindAddress: String = "0.0.0.0", ports: ClosedRange<Int> = 10_000...20_000, threads: Int = 1,
        receiveBufferBytes: Int? = nil, sendBufferBytes: Int? = nil, latching: LatchingPolicy = LatchingPolicy()
    ) {
        self.bindAddress = bindAddress
        self.ports = ports
        self.threads = threads
        self.receiveBufferBytes = receiveBufferBytes
        self.sendBufferBytes = sendBufferBytes
        self.latching = latching
    }

    /// The first even port of the range and how many RTP/RTCP pairs fit in it.
    var pairs: (first: Int, count: Int) {
        let first = ports.lowerBound + ports.lowerBound % 2
        return (first, max(0, (ports.upperBound - first + 1) / 2))
    }
}
