import CastorCore
import Foundation
import SIPCodec
import Testing

@testable import CastorFuzzing

/// The SIP fuzz target run briefly, as CI can afford: the seeds and the RFC 4475 torture messages, then
/// mutations of them from a seeded generator (bit flips, truncations, grammar bytes, repeated, missing and
/// folded lines). Every input must be parsed or refused without a trap, and every message that parses must
/// serialize and parse back equal. The long run is `scripts/fuzz/sip.sh` (libFuzzer, coverage-guided).
@Suite struct SIPFuzzTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../SIPCodecTests/Fixtures/rfc4475").standardized

    /// The RFC 4475 messages, valid and invalid, as raw bytes.
    static var torture: [[UInt8]] {
        ["valid", "invalid"].flatMap { folder in
            let path = fixtures.appendingPathComponent(folder).path
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
            return files.compactMap { FileManager.default.contents(atPath: path + "/" + $0).map { [UInt8]($0) } }
        }
    }

    /// Inputs libFuzzer found to break a property, kept after their fix (`Fixtures/fuzz/*.dat` of
    /// SIPCodecTests, next to the RFC 4475 messages).
    static var regressions: [(name: String, bytes: [UInt8])] {
        let path = fixtures.deletingLastPathComponent().appendingPathComponent("fuzz").path
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
        return files.compactMap { name in
            FileManager.default.contents(atPath: path + "/" + name).map { (name, [UInt8]($0)) }
        }
    }

    @Test func crashesFoundByLibFuzzerStayFixed() {
        #expect(!Self.regressions.isEmpty)
        let target = SIPFuzzTarget()
        for (name, bytes) in Self.regressions {
            if case .violation(let why) = target.check(bytes) { Issue.record("\(name): \(why)") }
        }
    }

    @Test func theSeedsParseAndHoldEveryProperty() {
        #expect(SIPFuzzTarget.seeds.count >= 7)
        #expect(Self.torture.count == 49)
        let target = SIPFuzzTarget()
        for seed in SIPFuzzTarget.seeds {
            #expect(target.check(seed) == .parsed, "\(String(decoding: seed, as: UTF8.self))")
        }
        for message in Self.torture {
            let outcome = target.check(message)
            if case .violation(let why) = outcome { Issue.record("\(why)") }
        }
    }

    @Test func fiveThousandMutationsNeverTrapAndRoundTrip() {
        var random = SeededRandom(seed: 0x51F_C0DE)
        let target = SIPFuzzTarget()
        let seeds = SIPFuzzTarget.seeds + Self.torture
        var parsed = 0
        for round in 0..<5_000 {
            var bytes = seeds[round % seeds.count]
            SIPFuzzTarget.mutate(&bytes, rounds: 1 + round % 4, using: &random)
            switch target.check(bytes) {
            case .parsed: parsed += 1
            case .refused: break
            case .violation(let why): Issue.record("round \(round): \(why)")
            }
        }
        // Mutations that keep a message intact are common; a run where nothing parses tests nothing.
        #expect(parsed > 1_000)
        // Pure noise, and noise after a valid start line.
        for _ in 0..<500 {
            let count = Int.random(in: 0...1_500, using: &random)
            let noise = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
            #expect(target.check(noise) != .parsed || true)
            if case .violation(let why) = target.check(Array("OPTIONS sip:a@b SIP/2.0\r\n".utf8) + noise) {
                Issue.record("\(why)")
            }
        }
    }
}
