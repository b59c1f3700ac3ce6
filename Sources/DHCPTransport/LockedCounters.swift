import Synchronization

/// The transport's counters, shared by the event loop (receive, send) and the service (reads).
final class LockedCounters: Sendable {
    private let mutex = Mutex(DHCPTransport.Counters())

    func update(_ body: (inout DHCPTransport.Counters) -> Void) { mutex.withLock { body(&$0) } }

    var value: DHCPTransport.Counters { mutex.withLock { $0 } }
}
