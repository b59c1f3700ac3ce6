import Testing

@testable import SIPAuth

@Suite struct DigestCredentialsTests {
    static let response = "6629fae49393a05397450978507c4ef1"
    static let minimal =
        #"Digest username="alice", realm="castor", nonce="abc", uri="sip:castor.lab", "#
        + #"response="6629fae49393a05397450978507c4ef1""#

    @Test func parsesATypicalPhone() throws {
        let credentials = try DigestCredentials(
            parsing: #"Digest username="1001",realm="castor",nonce="N0nce",uri="sip:192.0.2.1",response=""#
                + Self.response + #"",algorithm=MD5,cnonce="c1",qop=auth,nc=0000002a,opaque="op""#)
        #expect(credentials.username == "1001")
        #expect(credentials.realm == "castor")
        #expect(credentials.nonce == "N0nce")
        #expect(credentials.uri == "sip:192.0.2.1")
        #expect(credentials.response == Self.response)
        #expect(credentials.algorithm == .md5)
        #expect(credentials.cnonce == "c1")
        #expect(credentials.qop == "auth")
        #expect(credentials.nonceCount == 42)
        #expect(credentials.opaque == "op")
        #expect(!credentials.userhash)
        #expect(credentials.otherParameters.isEmpty)
    }

    @Test func defaultsAndRFC2069Form() throws {
        let credentials = try DigestCredentials(parsing: Self.minimal)
        #expect(credentials.algorithm == .md5)
        #expect(credentials.qop == nil && credentials.cnonce == nil && credentials.nonceCount == nil)
    }

    @Test func whitespaceCaseAndQuotingVariants() throws {
        let spaced = try DigestCredentials(
            parsing: "  dIGEST\tUserName = \"alice\" ,REALM=\"castor\"  ,  nonce =abc,uri= \"sip:castor.lab\","
                + " Response = \"\(Self.response.uppercased())\" , QOP=\"auth\", NC = 00000001, cnonce=x , algorithm"
                + "=\"md5-SESS\",,  ")
        #expect(spaced.username == "alice" && spaced.realm == "castor" && spaced.nonce == "abc")
        #expect(spaced.response == Self.response)  // lowercased
        #expect(spaced.qop == "auth" && spaced.nonceCount == 1 && spaced.cnonce == "x")
        #expect(spaced.algorithm == .md5Session)
    }

    @Test func escapesAndUnknownParametersSurvive() throws {
        let credentials = try DigestCredentials(
            parsing: Self.minimal.replacing(#""alice""#, with: #""al\"ice\\""#)
                + #", X-Extra="a, b", charset=UTF-8, userhash=TRUE"#)
        #expect(credentials.username == #"al"ice\"#)
        #expect(credentials.userhash)
        #expect(
            credentials.otherParameters == [
                AuthParameter(name: "x-extra", value: "a, b", isQuoted: true),
                AuthParameter(name: "charset", value: "UTF-8", isQuoted: false),
            ])
        let again = try DigestCredentials(parsing: credentials.headerValue)
        #expect(again == credentials)
        #expect(credentials.headerValue.hasPrefix(#"Digest username="al\"ice\\", realm="castor""#))
    }

    @Test func headerValueRoundTrips() throws {
        let credentials = DigestCredentials(
            username: "1001", realm: "castor", nonce: "n", uri: "sip:castor.lab", response: Self.response,
            algorithm: .md5, cnonce: "c", opaque: "o", qop: "auth", nonceCount: 7)
        #expect(
            credentials.headerValue
                == #"Digest username="1001", realm="castor", nonce="n", uri="sip:castor.lab", "#
                + #"response="6629fae49393a05397450978507c4ef1", algorithm=MD5, cnonce="c", opaque="o", qop=auth, "#
                + "nc=00000007")
        #expect(try DigestCredentials(parsing: credentials.headerValue) == credentials)
    }

    static let refusals: [(String, DigestParseError)] = [
        ("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==", DigestParseError.notDigest(scheme: "Basic")),
        ("Basic realm=\"x\"", .notDigest(scheme: "Basic")),
        ("", .notDigest(scheme: "")),
        ("Digest", .missingParameter("username")),
        (minimal + #", username="bob""#, .duplicateParameter("username")),
        (minimal + #", X-a=1, x-A=2"#, .duplicateParameter("x-a")),
        (minimal.replacing(#"uri="sip:castor.lab", "#, with: ""), .missingParameter("uri")),
        (minimal.replacing(#"realm="castor", "#, with: ""), .missingParameter("realm")),
        (minimal + ", qop=auth, nc=00000001", .missingParameter("cnonce")),
        (minimal + ", qop=auth, cnonce=c", .missingParameter("nc")),
        (minimal + ", qop=auth-int, cnonce=c, nc=00000001", .unsupportedQop("auth-int")),
        (minimal + ", algorithm=MD5-sess", .missingParameter("cnonce")),
        (minimal + ", algorithm=SHA-512-256", .unsupportedAlgorithm("SHA-512-256")),
        (minimal + ", algorithm=SHA-256", .invalidValue(parameter: "response")),  // 32 digits, not 64
        (minimal + ", qop=auth, cnonce=c, nc=1", .invalidValue(parameter: "nc")),
        (minimal + ", qop=auth, cnonce=c, nc=0000000g", .invalidValue(parameter: "nc")),
        (minimal + ", qop=auth, cnonce=c, nc=000000001", .invalidValue(parameter: "nc")),
        (minimal + ", userhash=yes", .invalidValue(parameter: "userhash")),
        (minimal.replacing("6629fae4", with: "6629fae!"), .invalidValue(parameter: "response")),
        (minimal + " x", .syntax(offset: minimal.utf8.count + 1, expected: "\",\" between parameters")),
        (minimal + ", x", .syntax(offset: minimal.utf8.count + 3, expected: "\"=\" after x")),
        (minimal + ", x=", .syntax(offset: minimal.utf8.count + 4, expected: "a token or quoted value")),
        (minimal + #", x="unterminated"#, .syntax(offset: minimal.utf8.count + 17, expected: "a closing quote")),
        (minimal + ", x=\"a\r\nb\"", .syntax(offset: minimal.utf8.count + 6, expected: "a printable character")),
        (
            minimal + ", x=\"a\\",
            .syntax(offset: minimal.utf8.count + 6, expected: "an escaped printable character after \"\\\"")
        ),
        ("Digestusername=\"a\"", .notDigest(scheme: "Digestusername")),
        ("Digest=\"a\"", .syntax(offset: 6, expected: "a space after the scheme")),
    ]

    @Test(arguments: refusals)
    func refuses(_ text: String, error: DigestParseError) {
        #expect(throws: error) { try DigestCredentials(parsing: text) }
    }

    @Test func errorsDescribeThemselvesOnOneLine() {
        let error = DigestParseError.notDigest(scheme: String(repeating: "B\r\n", count: 40))
        #expect(!error.description.contains("\n") && error.description.contains("…"))
        #expect(DigestParseError.unsupportedQop("auth-int").description.contains("qop=auth"))
    }
}
