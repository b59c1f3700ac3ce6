import Synchronization

/// The live counters behind ``TFTPServerCounters``: relaxed atomics, touched by the listener and by every
/// transfer's event loop without a lock. Per-packet paths only touch them on rare events (a retransmission,
/// a stranger's datagram, a failed send); a transfer adds up its busy-polled datagrams and reports them at
/// its end.
final class TFTPCounterCells: Sendable {
    let transfersStarted = Atomic<Int>(0)
    let transfersCompleted = Atomic<Int>(0)
    let transfersFailed = Atomic<Int>(0)
    let refusals = Atomic<Int>(0)
    let unknownTransferIDPackets = Atomic<Int>(0)
    let retransmittedPackets = Atomic<Int>(0)
    let sendFailures = Atomic<Int>(0)
    let busyPolledDatagrams = Atomic<Int>(0)

    static func increment(_ cell: borrowing Atomic<Int>, by amount: Int = 1) {
        guard amount != 0 else { return }
        cell.wrappingAdd(amount, ordering: .relaxed)
    }

    var snapshot: TFTPServerCounters {
        var counters = TFTPServerCounters()
        counters.transfersStarted = transfersStarted.load(ordering: .relaxed)
        counters.transfersCompleted = transfersCompleted.load(ordering: .relaxed)
        counters.transfersFailed = transfersFailed.load(ordering: .relaxed)
        counters.refusals = refusals.load(ordering: .relaxed)
        counters.unknownTransferIDPackets = unknownTransferIDPackets.load(ordering: .relaxed)
        counters.retransmittedPackets = retransmittedPackets.load(ordering: .relaxed)
        counters.sendFailures = sendFailures.load(ordering: .relaxed)
        counters.busyPolledDatagrams = busyPolledDatagrams.load(ordering: .relaxed)
        return counters
    }
}
