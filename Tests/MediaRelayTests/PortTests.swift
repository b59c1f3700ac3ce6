import CastorTestSupport
import MediaCore
import MediaRelay
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Port pairs: even RTP, odd RTCP, freed on release, skipped when taken, and an error that names the range.
@Suite struct PortTests {
    @Test func legsGetEvenRTPAndOddRTCPPortsFromTheRange() throws {
        let range = RelayLab.freeRange(16)
        let relay = try MediaRelay.start(configuration: MediaRelayConfiguration(bindAddress: "127.0.0.1", ports: range))
        defer { relay.shutdown() }
        let sessions = try (0..<4).map { _ in try relay.allocate() }
        var ports: [Int] = []
        for session in sessions {
            for leg in MediaLeg.allCases {
                #expect(session[leg].rtp % 2 == 0 && session[leg].rtcp == session[leg].rtp + 1)
                ports += [session[leg].rtp, session[leg].rtcp]
            }
        }
        #expect(Set(ports).count == 16 && ports.allSatisfy(range.contains))
        #expect(Set(sessions.map(\.id)).count == 4)
    }

    @Test func exhaustionNamesTheRangeAndReleaseFreesThePorts() throws {
        let range = RelayLab.freeRange(4)  // one session's worth
        let relay = try MediaRelay.start(configuration: MediaRelayConfiguration(bindAddress: "127.0.0.1", ports: range))
        defer { relay.shutdown() }
        let first = try relay.allocate()
        #expect(throws: MediaRelayError.portRangeExhausted(address: "127.0.0.1", ports: range, pairs: 2)) {
            try relay.allocate()
        }
        let error = MediaRelayError.portRangeExhausted(address: "127.0.0.1", ports: range, pairs: 2)
        #expect(error.description.contains("127.0.0.1:\(range.lowerBound)-\(range.upperBound)"))
        #expect(relay.release(first.id) != nil)
        #expect(relay.release(first.id) == nil)  // already released
        #expect(relay.statistics(first.id) == nil)
        let again = try relay.allocate()
        #expect(Set([again.a.rtp, again.b.rtp]) == Set([first.a.rtp, first.b.rtp]))
    }

    @Test func portsTakenByAnotherProgramAreSkipped() throws {
        let range = RelayLab.freeRange(8)
        // Another program holds the RTCP port of the first pair.
        let squatter = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(squatter) }
        var address = LoopbackUDPSocket.loopback(port: UInt16(range.lowerBound + 1))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(squatter, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(bound == 0)
        let relay = try MediaRelay.start(configuration: MediaRelayConfiguration(bindAddress: "127.0.0.1", ports: range))
        defer { relay.shutdown() }
        let session = try relay.allocate()
        #expect(![session.a.rtp, session.b.rtp].contains(range.lowerBound))
        #expect(throws: MediaRelayError.self) { try relay.allocate() }  // only 3 usable pairs
    }

    @Test func unusableConfigurationsAreRefused() {
        let range = RelayLab.freeRange(8)
        #expect(throws: MediaRelayError.invalidConfiguration("bind address \"localhost\" is not an IPv4 address")) {
            try MediaRelay.start(configuration: MediaRelayConfiguration(bindAddress: "localhost", ports: range))
        }
        #expect(throws: MediaRelayError.self) {
            try MediaRelay.start(
                configuration: MediaRelayConfiguration(bindAddress: "127.0.0.1", ports: 20_001...20_003))
        }
        #expect(throws: MediaRelayError.self) {
            try MediaRelay.start(
                configuration: MediaRelayConfiguration(bindAddress: "127.0.0.1", ports: range, threads: 0))
        }
        // 192.0.2.1 (TEST-NET-1) is not an address of this machine: nothing is sent to it, bind fails.
        #expect {
            try MediaRelay.start(configuration: MediaRelayConfiguration(bindAddress: "192.0.2.1", ports: range))
        } throws: { error in
            guard case .cannotBind(let address, _, _) = error as? MediaRelayError else { return false }
            return address == "192.0.2.1"
        }
    }

    @Test func afterShutdownNothingIsAllocated() throws {
        let relay = try RelayLab.start()
        let session = try relay.allocate()
        relay.shutdown()
        relay.shutdown()
        #expect(throws: MediaRelayError.stopped) { try relay.allocate() }
        #expect(relay.statistics(session.id) == nil)
        #expect(relay.release(session.id) == nil)
        #expect(relay.allSessions().isEmpty)
    }

    @Test func commandsForUnknownSessionsAreIgnored() throws {
        let relay = try RelayLab.start()
        defer { relay.shutdown() }
        let unknown = MediaSession.ID(rawValue: 999_999)
        relay.update(unknown, leg: .a, remote: .unknown, sending: .passThrough)
        relay.setDirection(unknown, leg: .b, sendToLeg: false)
        #expect(relay.statistics(unknown) == nil)
        #expect(relay.release(unknown) == nil)
    }

    @Test func remotesFromSDPText() {
        let remote = MediaRemote(address: "192.0.2.7", rtpPort: 4000)
        #expect(remote.rtp?.description == "192.0.2.7:4000" && remote.rtcp?.description == "192.0.2.7:4001")
        let explicit = MediaRemote(address: "192.0.2.7", rtpPort: 4000, rtcpAddress: "192.0.2.8", rtcpPort: 4100)
        #expect(explicit.rtcp?.description == "192.0.2.8:4100")
        let held = MediaRemote(address: "0.0.0.0", rtpPort: 4000)
        #expect(held.rtp == nil && held.rtcp == nil)
    }
}
