import NIOCore
import Synchronization

/// The transfers in progress, keyed by client (address and port): the bound on concurrency, the guard
/// against a second transfer for a retransmitted RRQ, and what ``TFTPServer/stop()`` aborts.
///
/// Touched once when a request is admitted, once when its socket is open and once when it ends, never per
/// packet, so one mutex serves every event loop.
final class TFTPTransferTable: Sendable {
    enum Admission: Equatable {
        /// A slot is reserved for this client: resolve the request, then ``attach(_:channel:)`` or ``remove(_:)``.
        case admitted
        /// A transfer for this client address and port exists: the RRQ is a retransmission.
        case duplicate
        /// ``capacity`` transfers are in progress.
        case busy
        /// The server is stopping.
        case stopped
    }

    private struct State {
        /// Every admitted client; the channel once its socket is open.
        var entries: [TFTPPeer: (any Channel)?] = [:]
        var isStopped = false
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) { self.capacity = max(capacity, 0) }

    func admit(_ peer: TFTPPeer) -> Admission {
        state.withLock { state in
            guard !state.isStopped else { return .stopped }
            guard state.entries[peer] == nil else { return .duplicate }
            guard state.entries.count < capacity else { return .busy }
            state.entries[peer] = .some(nil)
            return .admitted
        }
    }

    /// Records the transfer's channel; false if the server stopped meanwhile (the caller closes the channel).
    func attach(_ peer: TFTPPeer, channel: any Channel) -> Bool {
        state.withLock { state in
            guard !state.isStopped, state.entries[peer] != nil else { return false }
            state.entries[peer] = channel
            return true
        }
    }

    func remove(_ peer: TFTPPeer) {
        _ = state.withLock { $0.entries.removeValue(forKey: peer) }
    }

    /// Refuses every later admission; the channels of the transfers running now, to abort.
    func stop() -> [any Channel] {
        state.withLock { state in
            state.isStopped = true
            return state.entries.values.compactMap { $0 }
        }
    }

    var isStopped: Bool { state.withLock { $0.isStopped } }

    var count: Int { state.withLock { $0.entries.count } }
}
