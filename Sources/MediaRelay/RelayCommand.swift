import Dispatch
import MediaCore
import Synchronization

/// A control operation for a relay thread, from the B2BUA's thread: queued under a lock, applied by the
/// relay thread between two epoll waits, so that sessions are never touched by two threads.
enum RelayCommand: Sendable {
    case add(RelaySession)
    case update(MediaSession.ID, MediaLeg, MediaRemote, RTPTranslation)
    case direction(MediaSession.ID, MediaLeg, sendToLeg: Bool)
    case statistics(MediaSession.ID, Reply<MediaSessionStatistics?>)
    /// Closes the session's sockets; replies with its final statistics.
    case release(MediaSession.ID, Reply<MediaSessionStatistics?>)
    case snapshot(Reply<[MediaSession.ID: MediaSessionStatistics]>)
    case stop

    /// Answers the command's caller, if it waits, as if the session did not exist (the thread stopped).
    func abandon() {
        switch self {
        case .statistics(_, let reply), .release(_, let reply): reply.fulfil(nil)
        case .snapshot(let reply): reply.fulfil([:])
        case .add(let session):
            for socket in session.sockets { RelaySocket.close(socket.socket) }
        case .update, .direction, .stop: break
        }
    }
}

/// A value a relay thread hands back to a caller blocked in ``wait()``: the caller waits at most one epoll
/// cycle (the thread is woken by its eventfd), never for a packet.
final class Reply<Value: Sendable>: Sendable {
    private let value = Mutex<Value?>(nil)
    private let ready = DispatchSemaphore(value: 0)

    init() {}

    func fulfil(_ result: sending Value) {
        value.withLock { $0 = result }
        ready.signal()
    }

    func wait() -> Value? {
        ready.wait()
        return value.withLock { $0.take() }
    }
}
