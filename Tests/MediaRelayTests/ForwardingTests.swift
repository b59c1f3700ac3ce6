import MediaCore
import MediaRelay
import Testing

/// RTP from one phone reaches the other: intact, transcoded, renumbered, or dropped when not negotiated.
@Suite struct ForwardingTests {
    @Test func pcmuArrivesIntactBothWays() async throws {
        let relay = try RelayLab.start()
        defer { relay.shutdown() }
        let call = try Call(relay: relay)
        let packet = Packet.rtp(sequence: 1000)
        call.a.send(packet, to: call.session.a.rtp)
        let atB = try await call.b.receive()
        #expect(atB.bytes == packet)
        #expect(atB.port == call.session.b.rtp)  // symmetric: from the port in the SDP B was given
        let reply = Packet.rtp(sequence: 7, ssrc: 0xB)
        call.b.send(reply, to: call.session.b.rtp)
        let atA = try await call.a.receive()
        #expect(atA.bytes == reply && atA.port == call.session.a.rtp)
    }

    @Test func muLawArrivesAsALawAndBack() async throws {
        let relay = try RelayLab.start()
        defer { relay.shutdown() }
        let call = try Call(relay: relay)
        // A speaks PCMU (0), B PCMA (8).
        var towardB = RTPTranslation()
        towardB.transcode(0, to: 8, .muLawToALaw)
        var towardA = RTPTranslation()
        towardA.transcode(8, to: 0, .aLawToMuLaw)
        relay.update(call.session.id, leg: .b, remote: MediaRemote(rtp: call.b.endpoint), sending: towardB)
        relay.update(call.session.id, leg: .a, remote: MediaRemote(rtp: call.a.endpoint), sending: towardA)
        let muLaw = (0..<160).map { UInt8($0) }
        call.a.send(Packet.rtp(payloadType: 0, sequence: 1, payload: muLaw), to: call.session.a.rtp)
        let atB = try await call.b.receive()
        #expect(atB.bytes[1] == 8)
        #expect(Array(atB.bytes[12...]) == muLaw.map { G711.muLawToALaw[Int($0)] })
        #expect(Array(atB.bytes[2..<12]) == Array(Packet.rtp(sequence: 1)[2..<12]))
        let aLaw = (0..<160).map { UInt8(255 - $0) }
        call.b.send(Packet.rtp(payloadType: 8, sequence: 1, ssrc: 0xB, payload: aLaw), to: call.session.b.rtp)
        let atA = try await call.a.receive()
        #expect(atA.bytes[1] == 0)
        #expect(Array(atA.bytes[12...]) == aLaw.map { G711.aLawToMuLaw[Int($0)] })
    }

    @Test func telephoneEventIsRenumbered() async throws {
        let relay = try RelayLab.start()
        defer { relay.shutdown() }
        let call = try Call(relay: relay)
        var towardB = RelayLab.passing(0)
        towardB.pass(101, as: 96)
        relay.update(call.session.id, leg: .b, remote: MediaRemote(rtp: call.b.endpoint), sending: towardB)
        // RFC 4733 §2.3: digit 5, start of the event (marker), volume 10, duration 160.
        let event: [UInt8] = [0x05, 0x0A, 0x00, 0xA0]
        call.a.send(Packet.rtp(payloadType: 101, sequence: 2, marker: true, payload: event), to: call.session.a.rtp)
        let atB = try await call.b.receive()
        #expect(atB.bytes[1] == 0x80 | 96)
        #expect(Array(atB.bytes[12...]) == event)
    }

    @Test func unnegotiatedPayloadTypesAreDroppedAndCounted() async throws {
        let relay = try RelayLab.start()
        defer { relay.shutdown() }
        let call = try Call(relay: relay)
        call.a.send(Packet.rtp(payloadType: 18, sequence: 1), to: call.session.a.rtp)  // G.729, not offered
        call.a.send(Packet.rtp(payloadType: 13, sequence: 2, payload: [40]), to: call.session.a.rtp)  // CN
        call.a.send(Packet.rtp(payloadType: 0, sequence: 3), to: call.session.a.rtp)
        #expect(try await call.b.receive().bytes[1] == 13)
        #expect(try await call.b.receive().bytes[1] == 0)
        let statistics = try #require(call.statistics)
        #expect(statistics.a.dropped.payloadType == 1)
        #expect(statistics.a.packetsReceived == 3 && statistics.b.packetsSent == 2)
    }

    @Test func aLegWithoutRemoteDropsUntilItsPhoneSpeaks() async throws {
        let relay = try RelayLab.start()
        defer { relay.shutdown() }
        let session = try relay.allocate()
        let a = try Phone()
        let b = try Phone()
        // No update at all: nothing is known about either phone.
        a.send(Packet.rtp(sequence: 1), to: session.a.rtp)
        try await eventually("A's packet counted") { relay.statistics(session.id)?.a.dropped.noDestination == 1 }
        // B speaks: its leg latches, and A's next packet reaches it; A's leg latched on A's first packet.
        b.send(Packet.rtp(sequence: 1, ssrc: 0xB), to: session.b.rtp)
        #expect(try await a.receive().bytes == Packet.rtp(sequence: 1, ssrc: 0xB))
        a.send(Packet.rtp(sequence: 2), to: session.a.rtp)
        #expect(try await b.receive().bytes == Packet.rtp(sequence: 2))
    }
}
