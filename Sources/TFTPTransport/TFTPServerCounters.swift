/// A snapshot of a ``TFTPServer``'s counters since it started, for metrics and tests.
///
/// ```swift
/// let counters = server.counters
/// print("\(counters.transfersCompleted)/\(counters.transfersStarted) done, \(counters.refusals) refused")
/// ```
public struct TFTPServerCounters: Hashable, Sendable {
    /// Transfers whose first packet (OACK or DATA 1) was sent.
    public var transfersStarted = 0
    /// Transfers whose last block the client acknowledged.
    public var transfersCompleted = 0
    /// Transfers that ended otherwise: timed out, client ERROR, illegal packet, read error, server stopped.
    public var transfersFailed = 0
    /// Requests answered with an ERROR and no transfer: malformed or illegal packets, WRQ, refused names,
    /// the handler's refusals, "server busy".
    public var refusals = 0
    /// Datagrams that reached a transfer's port from another address or port (answered with ERROR 5).
    public var unknownTransferIDPackets = 0
    /// Packets sent again after a timeout (OACK or DATA).
    public var retransmittedPackets = 0
    /// Datagrams the kernel did not take (full buffer, unroutable destination).
    public var sendFailures = 0
    /// Datagrams a transfer read while busy-polling for its client's answer (`busyPoll`), rather than after
    /// sleeping in the event loop: how often the poll pays.
    public var busyPolledDatagrams = 0

    public init() {}
}
