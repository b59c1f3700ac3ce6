import Testing

@testable import SDP

/// Every way RFC 8866 §5 lets a description be malformed, with the line the error names.
@Suite struct SDPParseErrorTests {
    /// A minimal valid description, lines 1–5, that each case breaks.
    static let head = "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n"

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var kind: SDPParseError.Kind
        var line: Int
        var testDescription: String { name }

        init(_ name: String, _ text: String, _ kind: SDPParseError.Kind, line: Int) {
            self.init(name, Array(text.utf8), kind, line: line)
        }

        init(_ name: String, _ bytes: [UInt8], _ kind: SDPParseError.Kind, line: Int) {
            self.name = name
            self.bytes = bytes
            self.kind = kind
            self.line = line
        }
    }

    static let cases: [Case] = [
        Case("no bytes", "", .empty, line: 1),
        Case("only blank lines", "\r\n\r\n", .empty, line: 1),
        Case("NUL byte", Array("v=0\no=- 1 1 IN IP4 x\u{0}\n".utf8), .invalidCharacter, line: 2),
        Case("CR without LF", "v=0\ro=- 1 1 IN IP4 192.0.2.1\n", .invalidCharacter, line: 1),
        Case(
            "invalid UTF-8", Array(head.utf8) + [UInt8(ascii: "i"), UInt8(ascii: "="), 0xC3, 0x28, 10],
            .invalidCharacter, line: 6),
        Case("no equals sign", head + "this is not SDP\n", .invalidLine, line: 6),
        Case("type of two letters", head + "ab=1\n", .invalidLine, line: 6),
        Case("unknown type letter", head + "x=extension\n", .unknownType, line: 6),
        Case("upper-case type letter", "V=0\n", .unknownType, line: 1),
        Case("version 1", "v=1\no=- 1 1 IN IP4 192.0.2.1\n", .invalidVersion, line: 1),
        Case("not starting with v=", "o=- 1 1 IN IP4 192.0.2.1\nv=0\n", .invalidVersion, line: 1),
        Case("missing o=", "v=0\ns=-\nt=0 0\n", .missingField, line: 4),
        Case("missing s=", "v=0\no=- 1 1 IN IP4 192.0.2.1\nt=0 0\n", .missingField, line: 4),
        Case("missing t=", "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\n", .missingField, line: 4),
        Case("two o= lines", head + "o=- 2 2 IN IP4 192.0.2.1\n", .duplicateField, line: 6),
        Case("two s= lines", head + "s=again\n", .duplicateField, line: 6),
        Case("two session c= lines", head + "c=IN IP4 192.0.2.2\n", .duplicateField, line: 6),
        Case("two i= lines in a stream", head + "m=audio 4000 RTP/AVP 0\ni=a\ni=b\n", .duplicateField, line: 8),
        Case("second v= line", head + "v=0\n", .misplacedField, line: 6),
        Case("t= after m=", head + "m=audio 4000 RTP/AVP 0\nt=0 0\n", .misplacedField, line: 7),
        Case("s= in a stream", head + "m=audio 4000 RTP/AVP 0\ns=-\n", .misplacedField, line: 7),
        Case("r= before t=", "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nr=7d 1h 0 25h\nt=0 0\n", .misplacedField, line: 4),
        Case("o= with five fields", "v=0\no=- 1 1 IN IP4\n", .invalidOrigin, line: 2),
        Case("o= with a word for sess-id", "v=0\no=- abc 1 IN IP4 192.0.2.1\n", .invalidOrigin, line: 2),
        Case("o= with a negative version", "v=0\no=- 1 -1 IN IP4 192.0.2.1\n", .invalidOrigin, line: 2),
        Case("o= beyond 2^64", "v=0\no=- 18446744073709551616 1 IN IP4 192.0.2.1\n", .invalidOrigin, line: 2),
        Case("c= with two fields", "v=0\nc=IN IP4\n", .invalidConnection, line: 2),
        Case("c= with a word for TTL", "v=0\nc=IN IP4 233.252.0.1/ttl\n", .invalidConnection, line: 2),
        Case("c= with three suffixes", "v=0\nc=IN IP4 233.252.0.1/1/2/3\n", .invalidConnection, line: 2),
        Case("c= IPv6 with a TTL and a count", "v=0\nc=IN IP6 ff15::101/1/2\n", .invalidConnection, line: 2),
        Case(
            "stream without a connection", "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\nm=audio 4000 RTP/AVP 0\n",
            .missingConnection, line: 5),
        Case("b= without a colon", head + "b=AS\n", .invalidBandwidth, line: 6),
        Case("b= with a word for bandwidth", head + "b=AS:lots\n", .invalidBandwidth, line: 6),
        Case("t= with one time", "v=0\nt=0\n", .invalidTiming, line: 2),
        Case("t= with a word", "v=0\nt=now 0\n", .invalidTiming, line: 2),
        Case("m= with a word for port", head + "m=audio x RTP/AVP 0\n", .invalidMedia, line: 6),
        Case("m= with a signed port", head + "m=audio +4000 RTP/AVP 0\n", .invalidMedia, line: 6),
        Case("m= with port 65536", head + "m=audio 65536 RTP/AVP 0\n", .invalidMedia, line: 6),
        Case("m= with zero ports", head + "m=audio 4000/0 RTP/AVP 0\n", .invalidMedia, line: 6),
        Case("m= without formats", head + "m=audio 4000 RTP/AVP\n", .invalidMedia, line: 6),
        Case("m= without proto", head + "m=audio 4000\n", .invalidMedia, line: 6),
        Case("m= with an empty proto part", head + "m=audio 4000 RTP//AVP 0\n", .invalidMedia, line: 6),
        Case("a= without a name", head + "a=\n", .invalidAttribute, line: 6),
        Case("a= with an empty name", head + "a=:value\n", .invalidAttribute, line: 6),
        Case("a= with a space in the name", head + "a=send recv\n", .invalidAttribute, line: 6),
    ]

    @Test(arguments: cases)
    func malformed(_ testCase: Case) {
        let error = #expect(throws: SDPParseError.self) { try SessionDescription(parsing: testCase.bytes) }
        #expect(error?.kind == testCase.kind)
        #expect(error?.line == testCase.line)
    }

    @Test func messagesNameTheLineAndTheRule() throws {
        let error = #expect(throws: SDPParseError.self) {
            try SessionDescription(parsing: Array((Self.head + "m=audio x RTP/AVP 0\n").utf8))
        }
        #expect(
            error?.description
                == "SDP line 6 \"m=audio x RTP/AVP 0\": the port is not a number from 0 to 65535 (RFC 8866 §5.14)")
        let missing = #expect(throws: SDPParseError.self) {
            try SessionDescription(parsing: Array("v=0\ns=-\nt=0 0\n".utf8))
        }
        #expect(missing?.description == "SDP line 4: the description has no o= line (RFC 8866 §5.2)")
        let field = #expect(throws: SDPParseError.self) { try SDPOrigin(parsing: "alice") }
        #expect(field?.line == nil)
        #expect(field?.description.hasPrefix("SDP field \"alice\": ") == true)
    }

    @Test func disabledStreamNeedsNoConnection() throws {
        let text = "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\nm=video 0 RTP/AVP 31\n"
        #expect(try SessionDescription(parsing: Array(text.utf8)).media[0].port == 0)
    }

    @Test func rtpmapAndRTCPFieldParsers() {
        #expect(throws: SDPParseError.self) { try SDPCodec(parsing: "PCMU") }
        #expect(throws: SDPParseError.self) { try SDPCodec(parsing: "PCMU/0") }
        #expect(throws: SDPParseError.self) { try SDPCodec(parsing: "opus/48000/two") }
        #expect(throws: SDPParseError.self) { try SDPRTCPAttribute(parsing: "port") }
        #expect(throws: SDPParseError.self) { try SDPRTCPAttribute(parsing: "53020 IN IP4") }
        #expect((try? SDPCodec(parsing: "opus/48000/2")) == .opus)
    }
}
