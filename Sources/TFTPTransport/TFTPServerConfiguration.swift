import TFTPProtocol

/// Where a ``TFTPServer`` listens and what it grants.
///
/// ```swift
/// var configuration = TFTPServerConfiguration(host: "10.0.0.1")   // port 69
/// configuration.limits = TFTPServerLimits(maximumBlockSize: 1468, maximumWindowSize: 16)
/// configuration.retransmission = TFTPRetransmission(initialTimeout: .milliseconds(500))
/// let server = try await TFTPServer.start(configuration: configuration, handler: handler)
/// ```
///
/// IPv4 only. Each transfer's socket binds ``host`` with an ephemeral port; with the default `0.0.0.0` the
/// kernel picks a transfer's source address by route, which is the address the client asked on for any
/// single-homed host (tftp-hpa binds the request's destination address instead).
public struct TFTPServerConfiguration: Hashable, Sendable {
    /// The IPv4 address to bind, `0.0.0.0` for all.
    public var host: String
    /// The well-known port (69); 0 lets the kernel pick one (see ``TFTPServer/localPort``).
    public var port: UInt16
    /// What option negotiation grants (`blksize`, `windowsize`, refused options).
    public var limits: TFTPServerLimits
    /// Timeouts and retries of every transfer.
    public var retransmission: TFTPRetransmission
    /// Which file names are admitted at all.
    public var pathPolicy: TFTPPathPolicy
    /// Transfers in progress (or being resolved) at most; an RRQ beyond it gets ERROR 0 "Server busy".
    public var maximumConcurrentTransfers: Int
    /// SO_RCVBUF of the well-known port: room for a burst of RRQs (capped by `net.core.rmem_max`).
    public var listenerReceiveBufferSize: Int
    /// SO_SNDBUF of each transfer's socket: room for a whole window (capped by `net.core.wmem_max`).
    public var transferSendBufferSize: Int
    /// How long a transfer polls its socket for the client's answer before sleeping (see `TFTPBusyPoll`);
    /// `.zero` never polls. 50 µs, the value Linux's documentation recommends for `net.core.busy_read`,
    /// covers a client on the same host or virtual bridge; slower answers make the poll back off.
    public var busyPoll: Duration

    public init(
        host: String = "0.0.0.0", port: UInt16 = 69, limits: TFTPServerLimits = TFTPServerLimits(),
        retransmission: TFTPRetransmission = TFTPRetransmission(), pathPolicy: TFTPPathPolicy = TFTPPathPolicy(),
        maximumConcurrentTransfers: Int = 512
    ) {
        self.host = host
        self.port = port
        self.limits = limits
        self.retransmission = retransmission
        self.pathPolicy = pathPolicy
        self.maximumConcurrentTransfers = maximumConcurrentTransfers
        self.listenerReceiveBufferSize = 1 << 20
        self.transferSendBufferSize = 1 << 20
        self.busyPoll = .microseconds(50)
    }
}
