import CastorCore
import CastorFuzzing
import Foundation
import Testing

@testable import PBXService

/// Bad input never takes the PBX down: the RFC 4475 torture set, garbage, truncations and oversized
/// messages over UDP and TCP; and a flood of bad REGISTERs from one address does not stop another from
/// registering.
@Suite("castor pbx under malformed and hostile traffic", .serialized)
struct MalformedTrafficTests {
    static let torture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("SIPCodecTests/Fixtures/rfc4475")

    static func tortureMessages() throws -> [[UInt8]] {
        var messages: [[UInt8]] = []
        for folder in ["valid", "invalid"] {
            let directory = torture.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
            where name.hasSuffix(".dat") {
                messages.append(Array(try Data(contentsOf: directory.appendingPathComponent(name))))
            }
        }
        return messages
    }

    static let invite = Array(
        """
        INVITE sip:1002@127.0.0.1 SIP/2.0\r
        Via: SIP/2.0/UDP 127.0.0.1:5999;branch=z9hG4bK-t;rport\r
        From: "Alice" <sip:1001@127.0.0.1>;tag=a1\r
        To: <sip:1002@127.0.0.1>\r
        Call-ID: torture@127.0.0.1\r
        CSeq: 1 INVITE\r
        Max-Forwards: 70\r
        Contact: <sip:1001@127.0.0.1:5999>\r
        Content-Type: application/sdp\r
        Content-Length: 10\r
        \r
        v=0\r
        o=-\r

        """.utf8)

    @Test("torture messages, 2,000 random and fuzzed packets, truncations, a 65,000-byte datagram: the PBX answers on")
    func garbage() async throws {
        let pbx = try await PBXFixture.start()
        let udp = try RawSIPClient(to: pbx.port)
        for message in try Self.tortureMessages() { udp.send(message) }
        var random = SeededRandom(seed: 4475)
        for _ in 0..<1_000 {
            var packet = Self.invite
            for _ in 0..<(1 + Int(random.next() % 8)) {
                packet[Int(random.next() % UInt64(packet.count))] = UInt8(truncatingIfNeeded: random.next())
            }
            udp.send(
                random.next() % 4 == 0
                    ? (0..<Int(random.next() % 600)).map { _ in UInt8(truncatingIfNeeded: random.next()) } : packet)
        }
        // The fuzzer's own output: its seeds, damaged the way its mutator damages them.
        let seeds = SIPFuzzTarget.seeds + (try Self.tortureMessages())
        for index in 0..<1_000 {
            var message = seeds[index % seeds.count]
            SIPFuzzTarget.mutate(&message, rounds: 1 + index % 6, using: &random)
            udp.send(message)
        }
        for length in 0..<Self.invite.count { udp.send(Array(Self.invite[0..<length])) }
        udp.send(Array(repeating: UInt8(ascii: "A"), count: 65_000))
        for message in try Self.tortureMessages() {
            let tcp = try RawSIPClient(to: pbx.port, stream: true)
            tcp.send(message)
        }
        let tcp = try RawSIPClient(to: pbx.port, stream: true)
        tcp.send(Array(repeating: UInt8(ascii: "B"), count: 200_000))

        // Still serving: a registration goes through, and the console answers.
        let result = try await pbx.sipp("register_auth.xml", users: [("1001", try pbx.secret("1001"))], calls: 3)
        #expect(result.status == 0, "\(result.errors)")
        let stats = try #require(try await pbx.control("stats").stats)
        // Past 10 failures the address is throttled: the rest is dropped unparsed.
        #expect((stats["malformed"] ?? 0) >= 10)
        #expect((stats["malformed"] ?? 0) + (stats["throttled"] ?? 0) > 2_000)
        await pbx.stop()
    }

    @Test("a flood of bad REGISTERs from 127.0.0.2 does not stop 127.0.0.1 from registering")
    func flood() async throws {
        let pbx = try await PBXFixture.start()
        let attacker = try RawSIPClient(from: "127.0.0.2", to: pbx.port)
        let port = pbx.port
        let flood = Task.detached {
            let deadline = ContinuousClock.now + .seconds(6)
            var sent = 0
            while sent < 300_000, ContinuousClock.now < deadline {
                let request = """
                    REGISTER sip:127.0.0.1:\(port) SIP/2.0\r
                    Via: SIP/2.0/UDP 127.0.0.2:5999;branch=z9hG4bK-f\(sent)\r
                    From: <sip:1001@127.0.0.1>;tag=f\r
                    To: <sip:1001@127.0.0.1>\r
                    Call-ID: flood-\(sent)@127.0.0.2\r
                    CSeq: 1 REGISTER\r
                    Contact: <sip:1001@127.0.0.2:5999>\r
                    Authorization: Digest username="1001", realm="castor", nonce="bm9wZQ", uri="sip:127.0.0.1", response="00000000000000000000000000000000"\r
                    Content-Length: 0\r
                    \r

                    """
                attacker.send(Array(request.utf8))
                sent += 1
                if sent % 64 == 0 { await Task.yield() }
            }
            return sent
        }
        try await Task.sleep(for: .milliseconds(300))
        let result = try await pbx.sipp(
            "register_auth.xml", users: [("1002", try pbx.secret("1002"))], calls: 20, rate: 10)
        let sent = await flood.value
        #expect(result.status == 0, "\(result.errors)")
        let stats = try #require(try await pbx.control("stats").stats)
        #expect((stats["throttled"] ?? 0) > 0, "flood of \(sent): \(stats)")
        #expect(try pbx.store.bindings(unexpiredAt: 0).map(\.username) == ["1002"])
        await pbx.stop()
    }
}
