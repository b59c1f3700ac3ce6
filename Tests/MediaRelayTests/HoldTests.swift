import MediaCore
import MediaRelay
import Testing

/// Hold (RFC 3264 §8.4): no RTP toward the held phone; the other direction and RTCP keep flowing.
@Suite struct HoldTests {
    @Test func holdStopsOneDirectionOnly() async throws {
        let relay = try RelayLab.start()
        defer { relay.shutdown() }
        let call = try Call(relay: relay)
        relay.setDirection(call.session.id, leg: .b, sendToLeg: false)
        call.a.send(Packet.rtp(sequence: 1), to: call.session.a.rtp)
        call.b.send(Packet.rtp(sequence: 1, ssrc: 0xB), to: call.session.b.rtp)
        #expect(try await call.a.receive().bytes == Packet.rtp(sequence: 1, ssrc: 0xB))
        try await eventually("A's packet dropped") { call.statistics?.a.dropped.onHold == 1 }
        #expect(!call.b.hasWaiting())
        // Off hold: A is heard again.
        relay.setDirection(call.session.id, leg: .b, sendToLeg: true)
        call.a.send(Packet.rtp(sequence: 2), to: call.session.a.rtp)
        #expect(try await call.b.receive().bytes == Packet.rtp(sequence: 2))
        let statistics = try #require(call.statistics)
        #expect(statistics.b.packetsSent == 1 && statistics.a.packetsSent == 1)
    }
}
