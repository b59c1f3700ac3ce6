import CastorCore
import MediaCore
import Synchronization

/// The PBX's RTP relay: for each call, two legs of RTP/RTCP ports, and relay threads that forward what one
/// phone sends to the other — rewriting payload types, transcoding G.711 µ-law ↔ A-law, latching to where
/// phones behind NAT really are, and counting loss and jitter (RFC 3550 Appendix A) on the way.
///
/// ```swift
/// let relay = try MediaRelay.start(configuration: MediaRelayConfiguration(ports: 10000...20000))
/// let session = try relay.allocate()                      // ports for the SDP sent to each phone
/// relay.update(session.id, leg: .a, remote: MediaRemote(address: "192.0.2.7", rtpPort: 4000),
///              sending: towardA)                          // from A's SDP: where A's media goes, as what
/// relay.update(session.id, leg: .b, remote: MediaRemote(address: "192.0.2.9", rtpPort: 5004),
///              sending: towardB)
/// relay.setDirection(session.id, leg: .b, sendToLeg: false)   // B put on hold
/// let final = relay.release(session.id)                   // closes the sockets, frees the ports
/// ```
///
/// Threads and ownership: sockets are bound here, on the caller's thread, so ``allocate()`` returns port
/// numbers at once; the session then belongs to one relay thread (sessions are spread by id), which alone
/// reads, rewrites and sends its packets with recvmmsg/sendmmsg batches, without a lock or an allocation per
/// packet. The other calls are commands queued for that thread and applied before it reads the next packets;
/// ``statistics(_:)``, ``release(_:)`` and ``allSessions()`` wait for its answer (one epoll cycle). Nothing
/// is logged per packet.
public final class MediaRelay: Sendable {
    public let configuration: MediaRelayConfiguration
    private let address: UInt32
    private let threads: [RelayThread]
    private let state: Mutex<State>
    private let socketBuffers: (receive: Int, send: Int)

    private struct State {
        var pool: PortPool
        /// Each session's thread and RTP ports (leg a, leg b), to free them on release.
        var sessions: [MediaSession.ID: (thread: Int, ports: (Int, Int))] = [:]
        var nextID: UInt64 = 1
        var running = true
    }

    /// Starts the relay threads. Fails when the configuration is unusable or the bind address is not local.
    public static func start(
        configuration: MediaRelayConfiguration, clock: SystemMonotonicClock = SystemMonotonicClock()
    ) throws(MediaRelayError) -> MediaRelay {
        guard let address = IPv4Network.address(parsing: configuration.bindAddress) else {
            throw .invalidConfiguration("bind address \"\(configuration.bindAddress)\" is not an IPv4 address")
        }
        guard configuration.ports.lowerBound >= 1, configuration.ports.upperBound <= 65_535 else {
            throw .invalidConfiguration("ports \(configuration.ports) are not all in 1…65535")
        }
        guard configuration.pairs.count >= 2 else {
            throw .invalidConfiguration(
                "ports \(configuration.ports) hold fewer than the 2 RTP/RTCP pairs (4 ports) of one session")
        }
        guard (1...64).contains(configuration.threads) else {
            throw .invalidConfiguration("threads must be 1…64, not \(configuration.threads)")
        }
        // The bind address must be local: find out now rather than at the first call.
        switch RelaySocket.open(address: address, port: 0, receiveBuffer: 0, sendBuffer: 0) {
        case .bound(let probe): RelaySocket.close(probe)
        case .busy: break
        case .failed(let reason): throw .cannotBind(address: configuration.bindAddress, port: 0, reason: reason)
        }
        var threads: [RelayThread] = []
        do throws(MediaRelayError) {
            for index in 0..<configuration.threads {
                threads.append(try RelayThread(index: index, policy: configuration.latching, clock: clock))
            }
        } catch {
            for thread in threads { thread.discard() }
            throw error
        }
        for (index, thread) in threads.enumerated() {
            do throws(MediaRelayError) {
                try thread.start()
            } catch {
                for started in threads[..<index] {
                    started.submit(.stop)
                    started.join()
                }
                for unstarted in threads[index...] { unstarted.discard() }
                throw error
            }
        }
        return MediaRelay(configuration: configuration, address: address, threads: threads)
    }

    private init(configuration: MediaRelayConfiguration, address: UInt32, threads: [RelayThread]) {
        self.configuration = configuration
        self.address = address
        self.threads = threads
        let pairs = configuration.pairs
        state = Mutex(State(pool: PortPool(firstPort: pairs.first, pairCount: pairs.count)))
        let standard = MediaRelayConfiguration.defaultSocketBufferBytes
        socketBuffers = (configuration.receiveBufferBytes ?? standard, configuration.sendBufferBytes ?? standard)
    }

    deinit { shutdown() }

    /// Binds two RTP/RTCP port pairs (legs a and b) and hands the session to a relay thread. Until
    /// ``update(_:leg:remote:sending:)`` names a leg's remote, media for it goes to whatever latches.
    public func allocate() throws(MediaRelayError) -> MediaSession {
        let (session, thread) = try state.withLock { (state) throws(MediaRelayError) -> (RelaySession, Int) in
            guard state.running else { throw .stopped }
            let a = try claimPair(&state.pool)
            let b: (port: Int, sockets: (Int32, Int32))
            do throws(MediaRelayError) {
                b = try claimPair(&state.pool)
            } catch {
                release(a, from: &state.pool)
                throw error
            }
            let id = MediaSession.ID(rawValue: state.nextID)
            state.nextID += 1
            let thread = Int(id.rawValue % UInt64(threads.count))
            state.sessions[id] = (thread, (a.port, b.port))
            let ports = MediaSession(
                id: id, a: MediaLegPorts(rtp: a.port, rtcp: a.port + 1), b: MediaLegPorts(rtp: b.port, rtcp: b.port + 1)
            )
            let session = RelaySession(
                ports: ports, a: RelayLeg(rtpSocket: a.sockets.0, rtcpSocket: a.sockets.1),
                b: RelayLeg(rtpSocket: b.sockets.0, rtcpSocket: b.sockets.1))
            return (session, thread)
        }
        guard threads[thread].submit(.add(session)) else {
            _ = forget(session.id)
            throw .stopped
        }
        return session.ports
    }

    /// Sets where `leg`'s media goes (its SDP) and how packets arriving on the other leg are rewritten before
    /// they are sent to it. A new address unlatches the leg; the same one keeps the latch (NAT). Ignored for
    /// an unknown session.
    public func update(_ session: MediaSession.ID, leg: MediaLeg, remote: MediaRemote, sending: RTPTranslation) {
        submit(.update(session, leg, remote, sending), for: session)
    }

    /// Stops (false) or resumes (true) forwarding RTP toward `leg`: hold, when the re-INVITE makes the
    /// stream toward that phone sendonly or inactive (RFC 3264 §8.4). RTCP still flows (RFC 3264 §5.1).
    public func setDirection(_ session: MediaSession.ID, leg: MediaLeg, sendToLeg: Bool) {
        submit(.direction(session, leg, sendToLeg: sendToLeg), for: session)
    }

    /// The session's counters now; `nil` for an unknown or released session.
    public func statistics(_ session: MediaSession.ID) -> MediaSessionStatistics? {
        let reply = Reply<MediaSessionStatistics?>()
        guard submit(.statistics(session, reply), for: session) else { return nil }
        return reply.wait() ?? nil
    }

    /// Closes the session's sockets and frees its ports for later sessions; returns its final counters.
    @discardableResult
    public func release(_ session: MediaSession.ID) -> MediaSessionStatistics? {
        let reply = Reply<MediaSessionStatistics?>()
        guard submit(.release(session, reply), for: session) else { return nil }
        let statistics = reply.wait() ?? nil
        _ = forget(session)
        return statistics
    }

    /// Every session's counters, for `core show channels`.
    public func allSessions() -> [MediaSession.ID: MediaSessionStatistics] {
        let replies = threads.map { thread in
            let reply = Reply<[MediaSession.ID: MediaSessionStatistics]>()
            thread.submit(.snapshot(reply))
            return reply
        }
        return replies.reduce(into: [:]) { all, reply in all.merge(reply.wait() ?? [:]) { first, _ in first } }
    }

    /// Stops the relay threads and closes every socket. Later calls fail (`allocate`) or do nothing.
    public func shutdown() {
        let wasRunning = state.withLock { state in
            defer { state.running = false }
            return state.running
        }
        guard wasRunning else { return }
        for thread in threads { thread.submit(.stop) }
        for thread in threads { thread.join() }
    }

    @discardableResult
    private func submit(_ command: RelayCommand, for session: MediaSession.ID) -> Bool {
        guard let thread = state.withLock({ $0.sessions[session]?.thread }) else {
            command.abandon()
            return false
        }
        return threads[thread].submit(command)
    }

    /// Frees a session's ports (its sockets are closed by then).
    private func forget(_ session: MediaSession.ID) -> Bool {
        state.withLock { state in
            guard let entry = state.sessions.removeValue(forKey: session) else { return false }
            state.pool.release(entry.ports.0)
            state.pool.release(entry.ports.1)
            return true
        }
    }

    /// Binds the next free pair of the pool: RTP on the even port, RTCP on the next.
    private func claimPair(_ pool: inout PortPool) throws(MediaRelayError) -> (port: Int, sockets: (Int32, Int32)) {
        let claimed = try pool.claim { (port) throws(MediaRelayError) -> (Int32, Int32)? in
            guard let rtp = try bind(port) else { return nil }
            guard let rtcp = try bindClosing(port + 1, onFailure: rtp) else {
                RelaySocket.close(rtp)
                return nil
            }
            return (rtp, rtcp)
        }
        guard let claimed else {
            throw .portRangeExhausted(
                address: configuration.bindAddress, ports: configuration.ports, pairs: pool.pairCount)
        }
        return claimed
    }

    private func release(_ pair: (port: Int, sockets: (Int32, Int32)), from pool: inout PortPool) {
        RelaySocket.close(pair.sockets.0)
        RelaySocket.close(pair.sockets.1)
        pool.release(pair.port)
    }

    private func bind(_ port: Int) throws(MediaRelayError) -> Int32? {
        switch RelaySocket.open(
            address: address, port: port, receiveBuffer: socketBuffers.receive, sendBuffer: socketBuffers.send)
        {
        case .bound(let socket): return socket
        case .busy: return nil
        case .failed(let reason): throw .cannotBind(address: configuration.bindAddress, port: port, reason: reason)
        }
    }

    private func bindClosing(_ port: Int, onFailure other: Int32) throws(MediaRelayError) -> Int32? {
        do throws(MediaRelayError) {
            return try bind(port)
        } catch {
            RelaySocket.close(other)
            throw error
        }
    }
}
