import NIOCore
import Synchronization
import TFTPProtocol

/// The transfers in progress: the bound on concurrency, the guard against a second transfer for a
/// retransmitted RRQ, and what ``TFTPServer/stop()`` aborts.
///
/// A transfer is known by its client (address and port) and its request. An RRQ equal to one in progress
/// from the same client is a retransmission (clients resend their RRQ until the first DATA or OACK
/// arrives) and starts nothing. A different RRQ from the same port is a new request: a client that reuses
/// its socket (tftp-hpa's interactive `get`s) sends it right after its final ACK, which the old transfer's
/// event loop may not have processed yet.
///
/// Touched once when a request is admitted, once when its socket is open and once when it ends, never per
/// packet, so one mutex serves every event loop.
final class TFTPTransferTable: Sendable {
    /// A transfer's identity.
    struct Key: Hashable, Sendable {
        var peer: TFTPPeer
        var request: TFTPRequest
    }

    enum Admission: Equatable {
        /// A slot is reserved: resolve the request, then ``attach(_:channel:)`` or ``remove(_:)``.
        case admitted
        /// The same request from the same client is in progress: a retransmitted RRQ.
        case duplicate
        /// ``capacity`` transfers are in progress.
        case busy
        /// The server is stopping.
        case stopped
    }

    private struct State {
        /// Every admitted transfer; its channel once its socket is open.
        var entries: [Key: (any Channel)?] = [:]
        var isStopped = false
    }

    let capacity: Int
    private let state = Mutex(State())

    init(capacity: Int) { self.capacity = max(capacity, 0) }

    func admit(_ key: Key) -> Admission {
        state.withLock { state in
            guard !state.isStopped else { return .stopped }
            guard state.entries[key] == nil else { return .duplicate }
            guard state.entries.count < capacity else { return .busy }
            state.entries[key] = .some(nil)
            return .admitted
        }
    }

    /// Records the transfer's channel; false if the server stopped meanwhile (the caller closes the channel).
    func attach(_ key: Key, channel: any Channel) -> Bool {
        state.withLock { state in
            guard !state.isStopped, state.entries[key] != nil else { return false }
            state.entries[key] = channel
            return true
        }
    }

    func remove(_ key: Key) {
        _ = state.withLock { $0.entries.removeValue(forKey: key) }
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
