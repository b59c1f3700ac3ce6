import Testing

@testable import SDP

/// `serialized()` writes back what `init(parsing:)` read (RFC 8866 §5), and parsing never traps.
@Suite struct SessionDescriptionRoundTripTests {
    @Test(arguments: SDPFixtures.canonical.map(\.0))
    func canonicalFixturesAreReproducedByteForByte(name: String) throws {
        let text = try #require(SDPFixtures.canonical.first { $0.0 == name }?.1)
        let bytes = SDPFixtures.crlf(text)
        let description = try SessionDescription(parsing: bytes)
        #expect(description.serialized() == bytes)
        #expect(try SessionDescription(parsing: description.serialized()) == description)
    }

    static let rfc4317: [String] = [
        RFC4317.audioVideoOffer, RFC4317.audioVideo1Answer, RFC4317.audioVideo2Answer, RFC4317.audioVideo3Answer,
        RFC4317.twoAudioOffer, RFC4317.twoAudioAnswer, RFC4317.audioOnlyOffer, RFC4317.audioVideo6Answer,
        RFC4317.holdOffer, RFC4317.holdAnswer, RFC4317.blackHoleOffer, RFC4317.noMediaOffer,
    ]

    @Test func rfc4317ExamplesRoundTrip() throws {
        for text in Self.rfc4317 {
            let description = try SessionDescription(parsing: SDPFixtures.crlf(text))
            #expect(try SessionDescription(parsing: description.serialized()) == description)
            // The only difference on the wire: the empty s= is written as RFC 8866 §5.3's single space.
            #expect(description.serialized() == SDPFixtures.crlf(text.replacing("s=\n", with: "s= \n")))
        }
    }

    @Test func builtDescriptionsRoundTrip() throws {
        let origin = SDPOrigin(username: "castor", sessionID: 7, sessionVersion: 1, address: "192.0.2.1")
        let local = SDPLocalMedia(
            address: "192.0.2.1", port: 40000, codecs: [.pcmu, .pcma, .g722, .opus], rtcpMux: true,
            direction: .sendonly)
        let offer = SDPNegotiation.offer(local: local, origin: origin)
        #expect(try SessionDescription(parsing: offer.serialized()) == offer)
        let answer = SDPNegotiation.answer(
            to: try SessionDescription(parsing: SDPFixtures.crlf(SDPFixtures.linphone)), local: local, origin: origin)
        #expect(try SessionDescription(parsing: answer.description.serialized()) == answer.description)
    }

    /// Every prefix of every fixture, and bytes flipped at random: a value or a typed error, never a trap.
    @Test func parsingIsTotal() throws {
        var random = XorShift(seed: 8866)
        var parsed = 0
        for (_, text) in SDPFixtures.canonical {
            let bytes = SDPFixtures.crlf(text)
            for end in 0...bytes.count where (try? SessionDescription(parsing: bytes[..<end])) != nil { parsed += 1 }
            for _ in 0..<300 {
                var mutated = bytes
                for _ in 0..<(1 + random.next() % 4) {
                    let index = Int(random.next() % UInt64(mutated.count))
                    mutated[index] = UInt8(truncatingIfNeeded: random.next())
                }
                if let description = try? SessionDescription(parsing: mutated) {
                    #expect(try SessionDescription(parsing: description.serialized()) == description)
                }
            }
        }
        #expect(parsed > 0)
    }
}

/// A small deterministic generator (Marsaglia's xorshift64) so the mutations are the same on every run.
struct XorShift {
    var state: UInt64

    init(seed: UInt64) { state = seed == 0 ? 0x9E37_79B9_7F4A_7C15 : seed }

    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
