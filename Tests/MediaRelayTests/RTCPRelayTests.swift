import MediaCore
import MediaRelay
import Testing

/// RTCP on the odd port (RFC 3550 §11) and muxed on the RTP port (RFC 5761).
@Suite struct RTCPRelayTests {
    @Test func rtcpIsRelayedOnThePortAboveRTP() async throws {
        let relay = try RelayLab.start()
        defer { relay.shutdown() }
        let session = try relay.allocate()
        let (aRTP, aRTCP, bRTP, bRTCP) = (try Phone(), try Phone(), try Phone(), try Phone())
        let passing = RelayLab.passing(0)
        relay.update(
            session.id, leg: .a, remote: MediaRemote(rtp: aRTP.endpoint, rtcp: aRTCP.endpoint), sending: passing)
        relay.update(
            session.id, leg: .b, remote: MediaRemote(rtp: bRTP.endpoint, rtcp: bRTCP.endpoint), sending: passing)
        let report = Packet.receiverReport(ssrc: 0xA)
        aRTCP.send(report, to: session.a.rtcp)
        let atB = try await bRTCP.receive()
        #expect(atB.bytes == report && atB.port == session.b.rtcp)
        bRTCP.send(Packet.receiverReport(ssrc: 0xB), to: session.b.rtcp)
        let atA = try await aRTCP.receive()
        #expect(atA.bytes == Packet.receiverReport(ssrc: 0xB) && atA.port == session.a.rtcp)
        let statistics = try #require(relay.statistics(session.id))
        #expect(statistics.a.rtcpPacketsReceived == 1 && statistics.b.rtcpPacketsSent == 1)
        #expect(statistics.a.latchedRTCPSource == aRTCP.endpoint)
        #expect(statistics.a.packetsReceived == 0)  // RTCP is not counted as RTP
    }

    @Test func rtcpMuxSharesTheRTPPort() async throws {
        let relay = try RelayLab.start()
        defer { relay.shutdown() }
        let session = try relay.allocate()
        // A muxes RTP and RTCP on one port; B does not.
        let (a, bRTP, bRTCP) = (try Phone(), try Phone(), try Phone())
        let passing = RelayLab.passing(0)
        relay.update(session.id, leg: .a, remote: MediaRemote(rtp: a.endpoint, rtcpMux: true), sending: passing)
        relay.update(
            session.id, leg: .b, remote: MediaRemote(rtp: bRTP.endpoint, rtcp: bRTCP.endpoint), sending: passing)
        // A's RTCP arrives on the relay's RTP port, is told apart from RTP, and leaves on B's RTCP port.
        a.send(Packet.receiverReport(ssrc: 0xA), to: session.a.rtp)
        let atB = try await bRTCP.receive()
        #expect(atB.bytes == Packet.receiverReport(ssrc: 0xA) && atB.port == session.b.rtcp)
        // B's RTCP goes to A's one port, from the relay's RTP port.
        bRTCP.send(Packet.receiverReport(ssrc: 0xB), to: session.b.rtcp)
        let atA = try await a.receive()
        #expect(atA.bytes == Packet.receiverReport(ssrc: 0xB) && atA.port == session.a.rtp)
        // RTP still flows on the same port.
        a.send(Packet.rtp(sequence: 9), to: session.a.rtp)
        #expect(try await bRTP.receive().bytes == Packet.rtp(sequence: 9))
        let statistics = try #require(relay.statistics(session.id))
        #expect(statistics.a.rtcpPacketsReceived == 1 && statistics.a.rtcpPacketsSent == 1)
        #expect(statistics.a.packetsReceived == 1)
    }
}
