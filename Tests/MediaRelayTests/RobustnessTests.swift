import MediaCore
import MediaRelay
import Testing

/// What is not RTP or RTCP is dropped and counted; the relay keeps relaying.
@Suite struct RobustnessTests {
    @Test func malformedDatagramsAreDroppedAndCounted() async throws {
        let relay = try RelayLab.start()
        defer { relay.shutdown() }
        let call = try Call(relay: relay)
        let valid = Packet.rtp(sequence: 1)
        var version1 = valid
        version1[0] = 0x40
        var badPadding = valid
        badPadding[0] = 0xA0
        badPadding[badPadding.count - 1] = 0
        let garbage: [[UInt8]] = [
            [],  // empty datagram
            [0x80],  // one byte
            Array(valid.prefix(11)),  // shorter than the RTP header
            [0x00, 0x01, 0x00, 0x00, 0x21, 0x12, 0xA4, 0x42],  // STUN binding request
            version1,
            badPadding,
            [0x8F, 0x00] + Array(repeating: 0, count: 20),  // 15 CSRCs in 22 bytes
            [0x80, 0xC9, 0x00, 0x09, 1, 2, 3, 4],  // RTCP whose length runs past the datagram
            Packet.rtp(sequence: 2, payload: Array(repeating: 0xFF, count: 3000)),  // larger than the buffers
        ]
        for datagram in garbage { call.a.send(datagram, to: call.session.a.rtp) }
        call.a.send(valid, to: call.session.a.rtp)
        #expect(try await call.b.receive().bytes == valid)
        // On the RTCP port, RTP and garbage are dropped too.
        call.a.send(valid, to: call.session.a.rtcp)
        call.a.send([0xFF, 0xFF, 0xFF], to: call.session.a.rtcp)
        try await eventually("every datagram counted") {
            call.statistics?.a.dropped.malformed == garbage.count + 2
        }
        let statistics = try #require(call.statistics)
        #expect(statistics.a.packetsReceived == 1 && statistics.b.packetsSent == 1)
        // Still relaying.
        call.b.send(Packet.rtp(sequence: 1, ssrc: 0xB), to: call.session.b.rtp)
        #expect(try await call.a.receive().bytes == Packet.rtp(sequence: 1, ssrc: 0xB))
    }
}
