import MediaCore
import MediaRelay
import Testing

/// Symmetric RTP through real sockets: a phone behind NAT sends from a port its SDP did not name.
@Suite struct LatchingRelayTests {
    @Test func audioGoesBackToWhereThePhoneSendsFrom() async throws {
        let relay = try RelayLab.start()
        defer { relay.shutdown() }
        let call = try Call(relay: relay)
        let natted = try Phone()  // A's real source: its SDP names `call.a`, a port it never sends from
        // Before A speaks, B's audio goes to A's SDP address.
        call.b.send(Packet.rtp(sequence: 1, ssrc: 0xB), to: call.session.b.rtp)
        #expect(try await call.a.receive().bytes == Packet.rtp(sequence: 1, ssrc: 0xB))
        // A speaks from elsewhere: the leg latches, and B's audio follows.
        natted.send(Packet.rtp(sequence: 100), to: call.session.a.rtp)
        #expect(try await call.b.receive().bytes == Packet.rtp(sequence: 100))
        call.b.send(Packet.rtp(sequence: 2, ssrc: 0xB), to: call.session.b.rtp)
        #expect(try await natted.receive().bytes == Packet.rtp(sequence: 2, ssrc: 0xB))
        let statistics = try #require(call.statistics)
        #expect(statistics.a.latchedSource == natted.endpoint)
        #expect(statistics.b.latchedSource == call.b.endpoint)
    }

    @Test func anotherSourceCannotTakeOverATalkingLeg() async throws {
        // A silence long enough that a loaded machine descheduling the test never counts as one.
        let relay = try RelayLab.start(latching: LatchingPolicy(relatchAfterSilence: .seconds(3600)))
        defer { relay.shutdown() }
        let call = try Call(relay: relay)
        let intruder = try Phone()
        call.a.send(Packet.rtp(sequence: 1), to: call.session.a.rtp)
        _ = try await call.b.receive()
        intruder.send(Packet.rtp(sequence: 2, ssrc: 0xBAD), to: call.session.a.rtp)
        call.a.send(Packet.rtp(sequence: 3), to: call.session.a.rtp)
        // The next packet B hears is A's: the intruder's was dropped.
        #expect(try await call.b.receive().bytes == Packet.rtp(sequence: 3))
        call.b.send(Packet.rtp(sequence: 1, ssrc: 0xB), to: call.session.b.rtp)
        _ = try await call.a.receive()
        #expect(!intruder.hasWaiting())
        let statistics = try #require(call.statistics)
        #expect(statistics.a.dropped.foreignSource == 1)
        #expect(statistics.a.latchedSource == call.a.endpoint)
    }

    @Test func aNewSDPAddressUnlatches() async throws {
        let relay = try RelayLab.start()
        defer { relay.shutdown() }
        let call = try Call(relay: relay)
        let moved = try Phone()
        call.a.send(Packet.rtp(sequence: 1), to: call.session.a.rtp)
        _ = try await call.b.receive()
        // A re-INVITE moves A's media to `moved`: B's audio goes there until A speaks again.
        relay.update(call.session.id, leg: .a, remote: MediaRemote(rtp: moved.endpoint), sending: RelayLab.passing(0))
        call.b.send(Packet.rtp(sequence: 5, ssrc: 0xB), to: call.session.b.rtp)
        #expect(try await moved.receive().bytes == Packet.rtp(sequence: 5, ssrc: 0xB))
    }
}
