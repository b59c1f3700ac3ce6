import CastorTestSupport
import MediaCore
import MediaRelay
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Relays for the tests, each on its own port range of 127.0.0.1, and the phones on either side.
enum RelayLab {
    /// Port blocks handed to tests: below the ephemeral range (32768…) so phones never take them, spread by
    /// process id so two test runs on one machine rarely meet (the relay skips taken ports anyway).
    private static let next = Atomic<Int>(0)
    private static let region = 20_000..<32_000

    /// `count` consecutive ports (an even first port), none of them bound right now.
    static func freeRange(_ count: Int) -> ClosedRange<Int> {
        let span = region.count
        let origin = Int(getpid()) % 20 * 600
        for _ in 0..<200 {
            let offset = next.add(count + count % 2, ordering: .relaxed).oldValue
            let first = region.lowerBound + (origin + offset) % (span - count - 2) / 2 * 2
            let range = first...(first + count - 1)
            if range.allSatisfy(isFree) { return range }
        }
        return region.lowerBound...(region.lowerBound + count - 1)
    }

    static func isFree(_ port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(descriptor) }
        var address = LoopbackUDPSocket.loopback(port: UInt16(port))
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    static func start(
        sessions: Int = 8, threads: Int = 1, latching: LatchingPolicy = LatchingPolicy()
    ) throws -> MediaRelay {
        try MediaRelay.start(
            configuration: MediaRelayConfiguration(
                bindAddress: "127.0.0.1", ports: freeRange(sessions * 4), threads: threads, latching: latching))
    }

    /// A translation that passes the given payload types unchanged.
    static func passing(_ payloadTypes: UInt8...) -> RTPTranslation {
        var translation = RTPTranslation()
        for payloadType in payloadTypes { translation.pass(payloadType) }
        return translation
    }
}

/// Two phones and a session between them: A's RTP socket talks to the session's leg a, B's to leg b.
struct Call {
    let relay: MediaRelay
    let session: MediaSession
    let a: Phone
    let b: Phone

    /// Allocates a session and tells the relay where each phone is (its SDP), passing PCMU (0) both ways.
    init(relay: MediaRelay, translation: RTPTranslation = RelayLab.passing(0)) throws {
        self.relay = relay
        session = try relay.allocate()
        a = try Phone()
        b = try Phone()
        relay.update(session.id, leg: .a, remote: MediaRemote(rtp: a.endpoint), sending: translation)
        relay.update(session.id, leg: .b, remote: MediaRemote(rtp: b.endpoint), sending: translation)
    }

    var statistics: MediaSessionStatistics? { relay.statistics(session.id) }
}
