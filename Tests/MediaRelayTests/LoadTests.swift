import MediaCore
import MediaRelay
import Testing

/// Many calls at once across two relay threads: every packet arrives, in order, at the right phone.
@Suite struct LoadTests {
    @Test func twoHundredSessionsFiftyPacketsEachWay() async throws {
        let sessionCount = 200
        let packetsEachWay = 50
        let relay = try RelayLab.start(sessions: sessionCount, threads: 2)
        defer { relay.shutdown() }
        // Two trunks stand for all the A phones and all the B phones; each session's SSRC tells it apart.
        let trunkA = try Phone()
        let trunkB = try Phone()
        let sessions = try (0..<sessionCount).map { _ in try relay.allocate() }
        for session in sessions {
            relay.update(session.id, leg: .a, remote: MediaRemote(rtp: trunkA.endpoint), sending: .passThrough)
            relay.update(session.id, leg: .b, remote: MediaRemote(rtp: trunkB.endpoint), sending: .passThrough)
        }
        var nextSequence = (
            a: [UInt16](repeating: 0, count: sessionCount), b: [UInt16](repeating: 0, count: sessionCount)
        )
        // Rounds of one packet per session and direction (a 20 ms tick of 200 calls), each drained before
        // the next, so socket buffers never hold more than a round.
        for round in 0..<packetsEachWay {
            let sequence = UInt16(round)
            for (index, session) in sessions.enumerated() {
                trunkA.send(Packet.rtp(sequence: sequence, ssrc: UInt32(index)), to: session.a.rtp)
                trunkB.send(Packet.rtp(sequence: sequence, ssrc: 0x1_0000 + UInt32(index)), to: session.b.rtp)
            }
            for _ in 0..<sessionCount {
                let atB = try await trunkB.receive()
                let ssrc =
                    Int(atB.bytes[8]) << 24 | Int(atB.bytes[9]) << 16 | Int(atB.bytes[10]) << 8 | Int(atB.bytes[11])
                #expect(atB.port == sessions[ssrc].b.rtp)
                #expect(atB.bytes[2...3] == [UInt8(sequence >> 8), UInt8(sequence & 0xFF)][...])
                nextSequence.b[ssrc] += 1
                let atA = try await trunkA.receive()
                let source = Int(atA.bytes[10]) << 8 | Int(atA.bytes[11])
                #expect(atA.port == sessions[source].a.rtp)
                nextSequence.a[source] += 1
            }
        }
        #expect(
            nextSequence.a.allSatisfy { $0 == packetsEachWay } && nextSequence.b.allSatisfy { $0 == packetsEachWay })
        for session in sessions {
            let statistics = try #require(relay.release(session.id))
            #expect(statistics.a.packetsReceived == packetsEachWay && statistics.b.packetsSent == packetsEachWay)
            #expect(statistics.b.packetsReceived == packetsEachWay && statistics.a.packetsSent == packetsEachWay)
            #expect(statistics.a.lost == 0 && statistics.b.lost == 0)
        }
    }
}
