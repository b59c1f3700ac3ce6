import Synchronization

/// The live counters behind ``SIPTransportCounters``: relaxed atomics, written on the transport's event loop
/// (received messages once per batch) and read from anywhere.
final class SIPCounterCells: Sendable {
    let udpReceived = Atomic<Int>(0)
    let udpSent = Atomic<Int>(0)
    let tcpReceived = Atomic<Int>(0)
    let tcpSent = Atomic<Int>(0)
    let tlsReceived = Atomic<Int>(0)
    let tlsSent = Atomic<Int>(0)
    let keepAlivesReceived = Atomic<Int>(0)
    let oversizeDropped = Atomic<Int>(0)
    let framingErrors = Atomic<Int>(0)
    let sendErrors = Atomic<Int>(0)
    let connectionsOpen = Atomic<Int>(0)
    let connectionsAccepted = Atomic<Int>(0)
    let connectionsInitiated = Atomic<Int>(0)
    let connectionsRefused = Atomic<Int>(0)
    let connectionsClosedForOverload = Atomic<Int>(0)
    let connectionsClosedIdle = Atomic<Int>(0)
    let connectionsClosedIncomplete = Atomic<Int>(0)

    static func add(_ cell: borrowing Atomic<Int>, _ amount: Int = 1) {
        guard amount != 0 else { return }
        cell.wrappingAdd(amount, ordering: .relaxed)
    }

    func received(_ count: Int, over transport: SIPTransportProtocol) {
        switch transport {
        case .udp: Self.add(udpReceived, count)
        case .tcp: Self.add(tcpReceived, count)
        case .tls: Self.add(tlsReceived, count)
        }
    }

    func sent(_ count: Int = 1, over transport: SIPTransportProtocol) {
        switch transport {
        case .udp: Self.add(udpSent, count)
        case .tcp: Self.add(tcpSent, count)
        case .tls: Self.add(tlsSent, count)
        }
    }

    var snapshot: SIPTransportCounters {
        var counters = SIPTransportCounters()
        counters.udp.messagesReceived = udpReceived.load(ordering: .relaxed)
        counters.udp.messagesSent = udpSent.load(ordering: .relaxed)
        counters.tcp.messagesReceived = tcpReceived.load(ordering: .relaxed)
        counters.tcp.messagesSent = tcpSent.load(ordering: .relaxed)
        counters.tls.messagesReceived = tlsReceived.load(ordering: .relaxed)
        counters.tls.messagesSent = tlsSent.load(ordering: .relaxed)
        counters.keepAlivesReceived = keepAlivesReceived.load(ordering: .relaxed)
        counters.oversizeDropped = oversizeDropped.load(ordering: .relaxed)
        counters.framingErrors = framingErrors.load(ordering: .relaxed)
        counters.sendErrors = sendErrors.load(ordering: .relaxed)
        counters.connectionsOpen = connectionsOpen.load(ordering: .relaxed)
        counters.connectionsAccepted = connectionsAccepted.load(ordering: .relaxed)
        counters.connectionsInitiated = connectionsInitiated.load(ordering: .relaxed)
        counters.connectionsRefused = connectionsRefused.load(ordering: .relaxed)
        counters.connectionsClosedForOverload = connectionsClosedForOverload.load(ordering: .relaxed)
        counters.connectionsClosedIdle = connectionsClosedIdle.load(ordering: .relaxed)
        counters.connectionsClosedIncomplete = connectionsClosedIncomplete.load(ordering: .relaxed)
        return counters
    }
}
