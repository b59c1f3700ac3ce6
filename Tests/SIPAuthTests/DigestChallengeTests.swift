import Testing

@testable import SIPAuth

@Suite struct DigestChallengeTests {
    @Test func headerValueAsPhonesExpectIt() {
        var challenge = DigestChallenge(realm: "castor", nonce: "N", opaque: "O", algorithm: .md5)
        #expect(challenge.headerValue == #"Digest realm="castor", nonce="N", opaque="O", algorithm=MD5, qop="auth""#)
        challenge.stale = true
        challenge.algorithm = .sha256
        #expect(
            challenge.headerValue
                == #"Digest realm="castor", nonce="N", opaque="O", stale=true, algorithm=SHA-256, qop="auth""#)
        let legacy = DigestChallenge(realm: #"a "b""#, nonce: "N", qop: [], domain: "sip:castor.lab")
        #expect(legacy.headerValue == #"Digest realm="a \"b\"", domain="sip:castor.lab", nonce="N", algorithm=MD5"#)
    }

    @Test func controlCharactersCannotSplitTheHeader() {
        let challenge = DigestChallenge(realm: "castor\r\nX-Evil: 1", nonce: "N")
        #expect(!challenge.headerValue.contains("\r") && !challenge.headerValue.contains("\n"))
    }

    @Test func parsesRFC7616Section3_9_1() throws {
        let challenge = try DigestChallenge(
            parsing: """
                Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=SHA-256, \
                nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", \
                opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"
                """)
        #expect(challenge.realm == "http-auth@example.org")
        #expect(challenge.qop == ["auth", "auth-int"] && challenge.offersAuth)
        #expect(challenge.algorithm == .sha256)
        #expect(challenge.nonce == "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v")
        #expect(challenge.opaque == "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS")
        #expect(!challenge.stale)
    }

    @Test func roundTripsAndKeepsUnknownParameters() throws {
        let challenge = DigestChallenge(
            realm: "castor", nonce: "N", opaque: "O", algorithm: .sha256Session, stale: true, domain: "sip:a sip:b",
            userhash: true, otherParameters: [AuthParameter(name: "charset", value: "UTF-8", isQuoted: false)])
        #expect(try DigestChallenge(parsing: challenge.headerValue) == challenge)
        let parsed = try DigestChallenge(parsing: #"DIGEST Realm="r", NONCE=n, Stale=TRUE, algorithm=md5"#)
        #expect(parsed.stale && parsed.algorithm == .md5 && parsed.nonce == "n" && parsed.qop.isEmpty)
        #expect(!(try DigestChallenge(parsing: #"Digest realm="r", nonce="n", stale=maybe"#)).stale)
    }

    @Test(arguments: [
        (#"Digest nonce="n""#, DigestParseError.missingParameter("realm")),
        (#"Digest realm="r""#, .missingParameter("nonce")),
        (#"Digest realm="r", nonce="n", realm="s""#, .duplicateParameter("realm")),
        (#"Digest realm="r", nonce="n", algorithm=SHA-512-256"#, .unsupportedAlgorithm("SHA-512-256")),
        (#"Digest realm="r", nonce="n", qop="auth,,auth-int""#, .invalidValue(parameter: "qop")),
        (#"Digest realm="r", nonce="n", qop="auth/x""#, .invalidValue(parameter: "qop")),
        (#"Basic realm="r""#, .notDigest(scheme: "Basic")),
    ])
    func refuses(_ text: String, error: DigestParseError) {
        #expect(throws: error) { try DigestChallenge(parsing: text) }
    }
}

/// Wire input never traps: every prefix, every single-byte corruption, and random byte soup either parses or
/// throws `DigestParseError`.
@Suite struct HeaderRobustnessTests {
    static let samples = [
        #"Digest username="al\"ice", realm="castor", nonce="AAAA-_", uri="sip:castor.lab", "#
            + #"response="6629fae49393a05397450978507c4ef1", algorithm=MD5-sess, cnonce="c", qop=auth, nc=00000001, "#
            + #"opaque="o", userhash=false, x="y""#,
        #"Digest realm="castor", domain="sip:a", nonce="N", opaque="O", stale=true, algorithm=SHA-256, qop="auth""#,
    ]

    static let replacements: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x20, 0x22, 0x2C, 0x3D, 0x5C, 0x7F, 0xC3, 0xFF]

    @Test func everyTruncationAndCorruption() {
        for sample in Self.samples {
            let bytes = Array(sample.utf8)
            for end in 0...bytes.count {
                parseBoth(String(decoding: bytes[0..<end], as: UTF8.self))
            }
            for offset in bytes.indices {
                for replacement in Self.replacements {
                    var corrupted = bytes
                    corrupted[offset] = replacement
                    parseBoth(String(decoding: corrupted, as: UTF8.self))
                    corrupted.insert(replacement, at: offset)
                    parseBoth(String(decoding: corrupted, as: UTF8.self))
                }
                var shortened = bytes
                shortened.remove(at: offset)
                parseBoth(String(decoding: shortened, as: UTF8.self))
            }
        }
    }

    @Test func randomByteSoup() {
        var generator = SplitMix64(seed: 7616)
        let alphabet = Array(#"Digest usernamerlcoq=",\ "#.utf8) + Self.replacements
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 80)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            parseBoth(String(decoding: bytes, as: UTF8.self))
        }
    }

    private func parseBoth(_ text: String) {
        do { _ = try DigestCredentials(parsing: text) } catch { _ = error.description }
        do { _ = try DigestChallenge(parsing: text) } catch { _ = error.description }
    }
}

/// A tiny deterministic generator for the soup (SplitMix64), so a failure reproduces.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
