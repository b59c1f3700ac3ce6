import MediaCore
import MediaRelay
import Testing

/// Counters, loss and the last packet, as the relay reports them per leg.
@Suite struct StatisticsRelayTests {
    @Test func countsPacketsAndLoss() async throws {
        let relay = try RelayLab.start()
        defer { relay.shutdown() }
        let call = try Call(relay: relay)
        let skipped: Set<UInt16> = [10, 11, 40, 77, 78]
        let sequences = (1...100).map(UInt16.init).filter { !skipped.contains($0) }
        for sequence in sequences { call.a.send(Packet.rtp(sequence: sequence), to: call.session.a.rtp) }
        for sequence in sequences { #expect(try await call.b.receive().bytes == Packet.rtp(sequence: sequence)) }
        let statistics = try #require(call.statistics)
        #expect(statistics.a.packetsReceived == 95 && statistics.a.bytesReceived == 95 * 172)
        #expect(statistics.b.packetsSent == 95 && statistics.b.bytesSent == 95 * 172)
        // RFC 3550 A.1: the first packet is on probation, so 2…100 are expected.
        #expect(statistics.a.expected == 99 && statistics.a.lost == 5)
        #expect(statistics.a.jitterMilliseconds >= 0)
        #expect(statistics.a.lastPacket != nil && statistics.b.lastPacket == nil)
        #expect(statistics.a.dropped.total == 0)
        #expect(statistics.b.packetsReceived == 0 && statistics.a.packetsSent == 0)
    }

    @Test func allSessionsListsEverySession() throws {
        let relay = try MediaRelay.start(
            configuration: MediaRelayConfiguration(
                bindAddress: "127.0.0.1", ports: RelayLab.freeRange(16), threads: 2))
        defer { relay.shutdown() }
        let sessions = try (0..<3).map { _ in try relay.allocate() }
        #expect(Set(relay.allSessions().keys) == Set(sessions.map(\.id)))
        relay.release(sessions[1].id)
        #expect(Set(relay.allSessions().keys) == [sessions[0].id, sessions[2].id])
    }
}
