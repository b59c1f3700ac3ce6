import CCastorShims
import CastorCore
import MediaCore
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// One relay thread: an epoll instance over the sockets of the sessions it owns, an eventfd to wake it, and
/// a queue of ``RelayCommand``s from other threads. Each cycle it waits, applies the queued commands (so a
/// command queued before a packet was sent is applied before that packet is read), then drains the ready
/// sockets in batches of ``DatagramBatch/capacity``.
///
/// Everything but the queue is touched by the relay thread alone: per packet there is no lock and no
/// allocation.
final class RelayThread: @unchecked Sendable {
    let index: Int
    private let policy: LatchingPolicy
    private let clock: SystemMonotonicClock
    private let epoll: Int32
    private let wake: Int32
    private let inbox = Mutex(Inbox())
    private var thread = pthread_t()

    // The relay thread's own state.
    private var sessions: [MediaSession.ID: RelaySession] = [:]
    private var slots = SocketSlots()
    private let batch = DatagramBatch()
    private var running = true

    /// Batches read from one socket per cycle before the next ready socket gets its turn.
    private static let batchesPerTurn = 4
    private static let eventCapacity = 256

    private struct Inbox {
        var commands: [RelayCommand] = []
        var accepting = true
    }

    init(index: Int, policy: LatchingPolicy, clock: SystemMonotonicClock) throws(MediaRelayError) {
        self.index = index
        self.policy = policy
        self.clock = clock
        epoll = castor_epoll_create()
        guard epoll >= 0 else { throw .cannotStart("epoll_create1: \(RelaySocket.lastError())") }
        wake = castor_eventfd_create()
        guard wake >= 0, castor_epoll_add(epoll, wake, SocketSlots.wakeToken) == 0 else {
            let reason = RelaySocket.lastError()
            if wake >= 0 { RelaySocket.close(wake) }
            RelaySocket.close(epoll)
            throw .cannotStart("eventfd: \(reason)")
        }
    }

    func start() throws(MediaRelayError) {
        let context = Unmanaged.passRetained(self).toOpaque()
        let created = pthread_create(
            &thread, nil,
            { context in
                guard let context else { return nil }
                Unmanaged<RelayThread>.fromOpaque(context).takeRetainedValue().run()
                return nil
            }, context)
        guard created == 0 else {
            Unmanaged<RelayThread>.fromOpaque(context).release()
            throw .cannotStart("pthread_create: \(String(cString: strerror(created)))")
        }
    }

    /// Queues a command and wakes the thread; false (and the command abandoned) once the thread stopped.
    @discardableResult
    func submit(_ command: RelayCommand) -> Bool {
        let accepted = inbox.withLock { inbox in
            guard inbox.accepting else { return false }
            inbox.commands.append(command)
            // Signalled under the lock: the thread closes the eventfd only after it stopped accepting.
            _ = castor_eventfd_signal(wake)
            return true
        }
        if !accepted { command.abandon() }
        return accepted
    }

    /// Closes the epoll instance and eventfd of a thread that was never started.
    func discard() {
        RelaySocket.close(wake)
        RelaySocket.close(epoll)
    }

    /// Waits for the thread to end (after a `.stop` command).
    func join() {
        _ = pthread_join(thread, nil)
    }

    private func run() {
        _ = castor_set_thread_name("castor-rtp-\(index)")
        let tokens = UnsafeMutablePointer<UInt64>.allocate(capacity: Self.eventCapacity)
        defer { tokens.deallocate() }
        while running {
            let ready = Int(castor_epoll_wait(epoll, tokens, Int32(Self.eventCapacity), -1))
            guard ready >= 0 else { break }
            // Reset the eventfd before taking the queue: a command queued after this point signals it again,
            // so the next epoll_wait returns at once instead of leaving the command waiting.
            if (0..<ready).contains(where: { tokens[$0] == SocketSlots.wakeToken }) { castor_eventfd_drain(wake) }
            applyCommands()
            for event in 0..<ready where running && tokens[event] != SocketSlots.wakeToken {
                if let slot = slots.slot(for: tokens[event]) { service(slot) }
            }
        }
        finish()
    }

    /// Reads a ready socket's datagrams and forwards them.
    private func service(_ slot: SocketSlots.Slot) {
        for _ in 0..<Self.batchesPerTurn {
            let count = batch.receive(from: slot.socket)
            guard count > 0 else { return }
            slot.session.forward(
                batch, count: count, arrivedOn: slot.leg, isRTCPSocket: slot.isRTCP, at: clock.now, policy: policy)
            guard count == DatagramBatch.capacity else { return }
        }
    }

    private func applyCommands() {
        // Taken whole, leaving the empty array (no allocation when the queue is empty, as it mostly is).
        let commands = inbox.withLock { inbox -> [RelayCommand] in
            guard !inbox.commands.isEmpty else { return [] }
            defer { inbox.commands = [] }
            return inbox.commands
        }
        for command in commands {
            guard running else {
                command.abandon()
                continue
            }
            apply(command)
        }
    }

    private func apply(_ command: RelayCommand) {
        switch command {
        case .add(let session):
            sessions[session.id] = session
            for socket in session.sockets {
                let token = slots.insert(
                    session: session, socket: socket.socket, leg: socket.leg, isRTCP: socket.isRTCP)
                session.tokens.append(token)
                _ = castor_epoll_add(epoll, socket.socket, token)
            }
        case .update(let id, let leg, let remote, let translation):
            sessions[id]?[leg].update(remote: remote, translation: translation)
        case .direction(let id, let leg, let sendToLeg):
            sessions[id]?[leg].sending = sendToLeg
        case .statistics(let id, let reply):
            reply.fulfil(sessions[id]?.statistics)
        case .release(let id, let reply):
            reply.fulfil(sessions[id].map(close))
        case .snapshot(let reply):
            reply.fulfil(sessions.mapValues(\.statistics))
        case .stop:
            running = false
        }
    }

    /// Stops watching and closes a session's sockets; returns its final statistics.
    private func close(_ session: RelaySession) -> MediaSessionStatistics {
        for socket in session.sockets {
            _ = castor_epoll_remove(epoll, socket.socket)
            RelaySocket.close(socket.socket)
        }
        for token in session.tokens { slots.remove(token) }
        session.tokens = []
        sessions[session.id] = nil
        return session.statistics
    }

    /// After `.stop` (or a failed epoll_wait): refuses further commands, answers those still queued, closes
    /// every session's sockets, the eventfd and the epoll instance.
    private func finish() {
        running = false
        let leftovers = inbox.withLock { inbox in
            inbox.accepting = false
            defer { inbox.commands = [] }
            return inbox.commands
        }
        for command in leftovers { command.abandon() }
        for session in Array(sessions.values) { _ = close(session) }
        RelaySocket.close(wake)
        RelaySocket.close(epoll)
    }
}
