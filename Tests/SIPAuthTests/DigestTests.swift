import Testing

@testable import SIPAuth

/// Known answers: RFC 2617 §3.5, RFC 7616 §3.9.1 (password "Circle of Life", lowercase "of", per erratum 4495),
/// and a SIP REGISTER (RFC 3261 §22.4) computed independently with Python's hashlib.
@Suite struct DigestTests {
    static let rfc7616Nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"
    static let rfc7616Cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ"

    @Test func rfc2617Section3_5() {
        let ha1 = Digest.ha1(
            username: "Mufasa", realm: "testrealm@host.com", password: "Circle Of Life", algorithm: .md5)
        let response = Digest.response(
            ha1: ha1, method: "GET", uri: "/dir/index.html", nonce: "dcd98b7102dd2f0e8b11d0f600bfb0c093",
            nonceCount: 1, cnonce: "0a4f113b", qop: "auth", algorithm: .md5)
        #expect(response == "6629fae49393a05397450978507c4ef1")
    }

    @Test(arguments: [
        (DigestAlgorithm.md5, "8ca523f5e9506fed4657c9700eebdbec"),
        (.sha256, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"),
    ])
    func rfc7616Section3_9_1(algorithm: DigestAlgorithm, expected: String) throws {
        let ha1 = Digest.ha1(
            username: "Mufasa", realm: "http-auth@example.org", password: "Circle of Life", algorithm: algorithm)
        let response = Digest.response(
            ha1: ha1, method: "GET", uri: "/dir/index.html", nonce: Self.rfc7616Nonce, nonceCount: 1,
            cnonce: Self.rfc7616Cnonce, qop: "auth", algorithm: algorithm)
        #expect(response == expected)

        // The same, through the header exactly as the RFC's client sends it.
        let credentials = try DigestCredentials(
            parsing: """
                Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", \
                algorithm=\(algorithm), nonce="\(Self.rfc7616Nonce)", nc=00000001, \
                cnonce="\(Self.rfc7616Cnonce)", qop=auth, response="\(expected)", \
                opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"
                """)
        #expect(Digest.verify(credentials, method: "GET", ha1: ha1))
        #expect(!Digest.verify(credentials, method: "POST", ha1: ha1))
    }

    @Test func sipRegister() {
        let nonce = "dcd98b7102dd2f0e8b11d0f600bfb0c093"
        let md5 = Digest.ha1(username: "1001", realm: "castor", password: "s3cret-pass", algorithm: .md5)
        let sha = Digest.ha1(username: "1001", realm: "castor", password: "s3cret-pass", algorithm: .sha256)
        #expect(md5 == "2e6f5e751736ae69defaec7fd29ee92f")
        #expect(sha == "98b34749d6fd33db5d7eb6479ab180b1953ed9f2692c46c90bdd9fda8a1f6fe3")
        func response(_ ha1: String, _ algorithm: DigestAlgorithm, qop: String?, nc: UInt32 = 1) -> String {
            Digest.response(
                ha1: ha1, method: "REGISTER", uri: "sip:127.0.0.1", nonce: nonce, nonceCount: nc, cnonce: "4b2c1e77",
                qop: qop, algorithm: algorithm)
        }
        #expect(response(md5, .md5, qop: "auth") == "d18913126623eebfd15eea5f6d48ba7a")
        #expect(response(md5, .md5, qop: nil) == "58c9eeb69ffc77a93762351c185d3e01")
        #expect(response(md5, .md5Session, qop: "auth", nc: 2) == "263866ec76d47e42410ec609aa8f1d52")
        #expect(
            response(sha, .sha256, qop: "auth") == "331a5bb8a06779c8ccea172660141bf5edb433683ee14b71ac5cf67f63a41301")
        #expect(response(sha, .sha256, qop: nil) == "d628d601024c80396f28d1d895b3dc7055f8439d18d4dad06199a286f12e8157")
        #expect(
            response(sha, .sha256Session, qop: "auth", nc: 2)
                == "c91e9d69eb640e399db493143ef7beaa2a8708d68690b63add482541f07cb4ee")
        #expect(
            Digest.userhash(username: "1001", realm: "castor", algorithm: .md5) == "66fedf39bd5a84beb4af37ac9afb705d")
    }

    @Test func verifyChecksEveryInput() throws {
        let ha1 = Digest.ha1(username: "1001", realm: "castor", password: "s3cret-pass", algorithm: .md5)
        let good = try DigestCredentials(
            parsing: """
                Digest username="1001",realm="castor",nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093",\
                uri="sip:127.0.0.1",response="D18913126623EEBFD15EEA5F6D48BA7A",cnonce="4b2c1e77",qop=auth,nc=00000001
                """)
        #expect(Digest.verify(good, method: "REGISTER", ha1: ha1))  // uppercase response hex accepted
        let wrongPassword = Digest.ha1(username: "1001", realm: "castor", password: "guess", algorithm: .md5)
        #expect(!Digest.verify(good, method: "REGISTER", ha1: wrongPassword))
        var tampered = good
        tampered.uri = "sip:127.0.0.2"
        #expect(!Digest.verify(tampered, method: "REGISTER", ha1: ha1))
        tampered = good
        tampered.nonceCount = 2
        #expect(!Digest.verify(tampered, method: "REGISTER", ha1: ha1))
        tampered = good
        tampered.qop = "auth-int"
        #expect(!Digest.verify(tampered, method: "REGISTER", ha1: ha1))
        tampered = good
        tampered.response = "d18913126623eebfd15eea5f6d48ba7"
        #expect(!Digest.verify(tampered, method: "REGISTER", ha1: ha1))
    }

    @Test func nonceCountIsHashedAsSent() throws {
        // A client writing nc in uppercase hex hashes its own spelling; verification must use it too.
        let ha1 = Digest.ha1(username: "u", realm: "r", password: "p", algorithm: .md5)
        let response = Digest.response(
            ha1: ha1, method: "REGISTER", uri: "sip:r", nonce: "n", nonceCountText: "0000000A", cnonce: "c",
            qop: "auth",
            algorithm: .md5)
        let credentials = try DigestCredentials(
            parsing: #"Digest username="u", realm="r", nonce="n", uri="sip:r", response="\#(response)", "#
                + #"cnonce="c", qop=auth, nc=0000000A"#)
        #expect(credentials.nonceCount == 10)
        #expect(Digest.verify(credentials, method: "REGISTER", ha1: ha1))
        #expect(Digest.nonceCountText(10) == "0000000a")
        #expect(Digest.nonceCountText(.max) == "ffffffff")
    }

    @Test func algorithms() throws {
        #expect(try DigestAlgorithm(parsing: "md5") == .md5)
        #expect(try DigestAlgorithm(parsing: "sha-256-SESS") == .sha256Session)
        #expect(throws: DigestParseError.unsupportedAlgorithm("SHA-512-256")) {
            try DigestAlgorithm(parsing: "SHA-512-256")
        }
        #expect(DigestAlgorithm.allCases.filter(\.isSession) == [.md5Session, .sha256Session])
        #expect(DigestAlgorithm.allCases.map(\.hexLength) == [32, 32, 64, 64])
    }

    @Test func hexAndBase64URL() {
        #expect([UInt8]([0x00, 0x7F, 0xFF]).withUnsafeBytes { Hex.encode($0) } == "007fff")
        #expect(Hex.lowercased("ABcd09") == "abcd09")
        for count in 0..<40 {
            let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            let text = Base64URL.encode(bytes)
            #expect(text.utf8.count == Base64URL.encodedCount(count))
            #expect(Base64URL.decode(text) == bytes)
        }
        #expect(Base64URL.encode(Array("any carnal pleas".utf8)) == "YW55IGNhcm5hbCBwbGVhcw")
        #expect(Base64URL.decode("YQ") == [0x61])
        #expect(Base64URL.decode("YR") == nil)  // non-zero unused bits: not canonical
        #expect(Base64URL.decode("YWJjZ") == nil)  // a lone final digit
        #expect(Base64URL.decode("YW==") == nil)  // padding is not base64url here
        #expect(Base64URL.decode("+/") == nil)  // the standard alphabet's two symbols
        // Every digit, in order: 64 digits are 48 bytes, and they encode back to the same text.
        let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        #expect(Base64URL.decode(alphabet).map(Base64URL.encode) == alphabet)
        #expect(Base64URL.decode(alphabet)?.count == 48)
    }

    /// An input longer than the stack buffer (1,024 bytes) is hashed part by part: the same answer
    /// (Python's hashlib on the joined string).
    @Test func aLongURIHashesTheSameAsAShortPathWould() {
        let uri = "sip:" + String(repeating: "a", count: 1500) + "@castor.lab"
        let ha1 = Digest.ha1(username: "1001", realm: "castor", password: "pw1001", algorithm: .md5)
        #expect(ha1 == "5682e7d2428814e6631c88ff269810f5")
        #expect(Digest.hexDigest(.md5, "REGISTER", uri) == "bb9a816b66e7ef35e75e349f0891d90c")
        let response = Digest.response(
            ha1: ha1, method: "REGISTER", uri: uri, nonce: "abc", nonceCount: 1, cnonce: "xyz", qop: "auth",
            algorithm: .md5)
        #expect(response == "f983e6268c218d667ce6e98aaaf9a756")
    }
}
