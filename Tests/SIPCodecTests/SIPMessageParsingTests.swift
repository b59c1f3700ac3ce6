import Testing

@testable import SIPCodec

/// Framing of one message: start lines, header lines (names, compact forms, folding, line ends), and the body
/// of a datagram.
@Suite struct SIPMessageParsingTests {
    @Test func aRegisterParsesIntoItsParts() throws {
        let request = try #require(try SIPMessage(parsing: SampleMessages.register).request)
        #expect(request.method == .register)
        #expect(request.uri == SIPURI(host: "pbx.lab"))
        #expect(request.version == "SIP/2.0")
        #expect(request.headers.count == 12)
        #expect(request.headers[.callID] == "3c26700857e0-ha2nzvn4ubff")
        #expect(try request.headers.cseq() == SIPCSeq(sequence: 2, method: .register))
        #expect(try request.headers.from().tag == "6ll9ssbv8v")
        #expect(try request.headers.to().tag == nil)
        #expect(try request.headers.vias().map(\.rport) == [.requested])
        #expect(request.headers.expires() == 3600)
        #expect(request.headers.maxForwards() == 70)
        #expect(request.headers.list(.supported) == ["path", "gruu", "outbound"])
        // Authorization holds commas of its own: one field, one value, never split.
        #expect(request.headers.values(.authorization).count == 1)
        #expect(request.headers[.authorization]?.hasSuffix("algorithm=MD5") == true)
        #expect(request.body.isEmpty)
    }

    @Test(arguments: [
        ("i", "Call-ID"), ("m", "Contact"), ("f", "From"), ("t", "To"), ("v", "Via"), ("l", "Content-Length"),
        ("c", "Content-Type"), ("k", "Supported"), ("s", "Subject"), ("e", "Content-Encoding"), ("o", "Event"),
        ("r", "Refer-To"), ("b", "Referred-By"), ("x", "Session-Expires"), ("u", "Allow-Events"),
        ("a", "Accept-Contact"), ("j", "Reject-Contact"), ("d", "Request-Disposition"), ("y", "Identity"),
        ("n", "Identity-Info"),
    ])
    func compactFormsNameTheLongForm(_ compact: String, _ long: String) {
        #expect(SIPHeaderName(compact) == SIPHeaderName(long))
        #expect(SIPHeaderName(compact.uppercased()) == SIPHeaderName(long.lowercased()))
        #expect(SIPHeaderName(compact).description == long)
        #expect(SIPHeaderName(long).compactForm == compact)
    }

    @Test func headerNamesAreCaseInsensitiveAndExtensionsKeepTheirSpelling() {
        #expect(SIPHeaderName("CSEQ") == .cseq)
        #expect(SIPHeaderName("www-authenticate").description == "WWW-Authenticate")
        #expect(SIPHeaderName("X-Snom-Line") == SIPHeaderName("x-snom-line"))
        #expect(SIPHeaderName("X-Snom-Line").description == "X-Snom-Line")
        #expect(SIPHeaderName("X-Snom-Line").hashValue == SIPHeaderName("x-SNOM-line").hashValue)
        #expect(SIPHeaderName("X-Snom-Line") != SIPHeaderName("X-Snom-Lines"))
        #expect(!SIPHeaderName.authorization.allowsCommaSeparatedValues)
        #expect(SIPHeaderName.via.allowsCommaSeparatedValues)
    }

    @Test func compactMessageWithFoldingWhitespaceAndBareLineFeeds() throws {
        let text = """
            OPTIONS sip:pbx.lab SIP/2.0
            v : SIP/2.0/UDP 10.0.0.5;branch=z9hG4bK1
            f:<sip:a@pbx.lab>;tag=1
            t:   <sip:pbx.lab>\t
            i: abc
            Subject: a long
             \tsubject\t
              continued
            X-Empty:
            CSeq: 1
              OPTIONS
            l: 0


            """
        let message = try SIPMessage(parsing: Array(text.utf8))
        let headers = message.headers
        #expect(
            headers.fields.map(\.name) == [
                .via, .from, .to, .callID, .subject, SIPHeaderName("x-empty"), .cseq,
                .contentLength,
            ])
        #expect(headers[.to] == "<sip:pbx.lab>")
        #expect(headers[.subject] == "a long subject continued")
        #expect(headers[SIPHeaderName("X-Empty")] == "")
        #expect(try headers.cseq() == SIPCSeq(sequence: 1, method: .options))
        // Written back with long names and CRLF, and read back equal.
        let bytes = message.serialized()
        #expect(String(decoding: bytes, as: UTF8.self).contains("Subject: a long subject continued\r\n"))
        #expect(String(decoding: bytes, as: UTF8.self).contains("Via: SIP/2.0/UDP"))
        #expect(!bytes.indices.contains { bytes[$0] == 10 && ($0 == 0 || bytes[$0 - 1] != 13) })
        #expect(try SIPMessage(parsing: bytes) == message)
    }

    @Test func aCanonicalMessageSerializesToTheSameBytes() throws {
        for bytes in SampleMessages.all {
            #expect(try SIPMessage(parsing: bytes).serialized() == bytes)
        }
    }

    @Test func datagramBodiesFollowContentLength() throws {
        let head = "MESSAGE sip:a@pbx.lab SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK2\r\n"
        // No Content-Length: the body runs to the end of the datagram (RFC 3261 §18.3), and one is added.
        let open = try SIPMessage(parsing: Array((head + "\r\nhello").utf8))
        #expect(open.body == Array("hello".utf8))
        #expect(open.headers[.contentLength] == "5")
        // Shorter than the datagram: the rest is discarded.
        let short = try SIPMessage(parsing: Array((head + "l: 003\r\n\r\nhello").utf8))
        #expect(short.body == Array("hel".utf8))
        #expect(short.headers[.contentLength] == "3")
        #expect(try SIPMessage(parsing: short.serialized()) == short)
        // Longer: refused.
        #expect(throws: SIPParseError.self) { try SIPMessage(parsing: Array((head + "l: 6\r\n\r\nhello").utf8)) }
        for bad in ["five", "-1", "1 2", ""] {
            #expect(throws: SIPParseError.self) {
                try SIPMessage(parsing: Array((head + "Content-Length: \(bad)\r\n\r\n").utf8))
            }
        }
        #expect(throws: SIPParseError.self) {
            try SIPMessage(parsing: Array((head + "l: 0\r\nContent-Length: 0\r\n\r\n").utf8))
        }
        // A body carries any bytes, NUL and bare LF included.
        let binary = try SIPMessage(parsing: Array((head + "l: 3\r\n\r\n").utf8) + [0, 10, 255])
        #expect(binary.body == [0, 10, 255])
    }

    @Test func startLines() throws {
        let rest = "\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK3\r\nl: 0\r\n\r\n"
        func parse(_ line: String) throws(SIPParseError) -> SIPMessage {
            try SIPMessage(parsing: Array((line + rest).utf8))
        }
        #expect(try parse("SIP/2.0 180 Ringing").response?.reasonPhrase == "Ringing")
        #expect(try parse("SIP/2.0 183 ").response?.reasonPhrase == "")
        #expect(try parse("SIP/2.0 183").response?.reasonPhrase == "")
        #expect(try parse("SIP/2.0 486 Busy  Here ").response?.reasonPhrase == "Busy  Here ")
        #expect(try parse("sip/2.0 200 OK").response?.version == "sip/2.0")
        #expect(try parse("INFO sips:[2001:db8::1]:5061 SIP/2.0").request?.uri.host == "[2001:db8::1]")
        #expect(try parse("invite sip:a@b SIP/2.0").request?.method == .extension("invite"))
        for bad in [
            "SIP/2.0 099 Low", "SIP/2.0 700 High", "SIP/2.0 20 OK", "SIP/2.0 2000 OK", "SIP/2.0  200 OK",
            "SIP/2 200 OK", "INVITE sip:a@b SIP/2.0 ", "INVITE  sip:a@b SIP/2.0", "INVITE sip:a@b", "INVITE",
            "INVITE sip:a b SIP/2.0", "INVITE <sip:a@b> SIP/2.0", "INVITE sip:a@b HTTP/1.1", "IN<VITE sip:a@b SIP/2.0",
            "INVITE\tsip:a@b SIP/2.0",
        ] {
            #expect(throws: SIPParseError.self, "\(bad)") { try parse(bad) }
        }
    }

    @Test func headerSectionErrors() throws {
        let start = "OPTIONS sip:a@b SIP/2.0\r\n"
        for (bad, kind) in [
            (" folded: first\r\n\r\n", SIPParseError.Kind.invalidHeaderName),
            ("No colon here\r\n\r\n", .invalidHeaderName),
            (": empty name\r\n\r\n", .invalidHeaderName),
            ("To: a\rb\r\n\r\n", .invalidLineEnding),
            ("To: <sip:a@b>\r\n", .unterminatedHeaderSection),
            ("To: <sip:a@b>", .unterminatedHeaderSection),
            ("X: a\u{0}b\r\n\r\n", .invalidCharacter),
        ] {
            do {
                _ = try SIPMessage(parsing: Array((start + bad).utf8))
                Issue.record("\(bad.debugDescription) parsed")
            } catch {
                #expect(error.kind == kind, "\(bad.debugDescription): \(error)")
            }
        }
        // A NUL is allowed only as a quoted-pair (RFC 3261 §25.1; RFC 4475 §3.1.1.2).
        let quoted = try SIPMessage(parsing: Array((start + "To: \"a\\\u{0}b\" <sip:a@b>\r\n\r\n").utf8))
        #expect(try quoted.headers.to().displayName == "a\u{0}b")
        #expect(throws: SIPParseError.self) { try SIPMessage(parsing: Array([13, 10, 13, 10])) }
        #expect(throws: SIPParseError.self) { try SIPMessage(parsing: []) }
    }

    @Test func leadingLineEndsAreSkipped() throws {
        let message = try SIPMessage(parsing: Array("\r\n\r\n\n".utf8) + SampleMessages.ok)
        #expect(message.serialized() == SampleMessages.ok)
    }

    @Test func everyTruncationOfAnInviteParsesOrThrowsWithoutTrapping() {
        let invite = SampleMessages.invite
        for length in 0...invite.count {
            let prefix = Array(invite.prefix(length))
            let result = Result { () throws(SIPParseError) in try SIPMessage(parsing: prefix) }
            switch result {
            case .success(let message):
                // Only a prefix that holds the whole header section and body can parse.
                #expect(length == invite.count, "a \(length)-byte prefix parsed: \(message)")
            case .failure(let error):
                #expect(error.offset >= 0 && error.offset <= length)
            }
        }
    }

    /// The eight-bytes-at-a-time test of the header value scan: a yes for any word holding a byte below 14, a
    /// DQUOTE or a backslash, wherever it is and whatever surrounds it (UTF-8 bytes above 0x7F included), and a
    /// no for every word without one.
    @Test func theWordTestFindsEverySpecialByteAndNothingElse() {
        func word(_ bytes: [UInt8]) -> UInt64 {
            bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        }
        let special: Set<UInt8> = Set(0...13).union([0x22, 0x5C])
        let fillers: [UInt8] = [0x20, 0x41, 0x7E, 0x80, 0xC3, 0xFF, 14, 0x21, 0x23, 0x5B, 0x5D]
        for byte in UInt8.min...UInt8.max {
            for position in 0..<8 {
                for filler in fillers {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[position] = byte
                    #expect(SIPMessageParser.hasSpecialByte(word(bytes)) == special.contains(byte))
                }
            }
        }
        // A special byte next to bytes that borrow-prone arithmetic could disturb.
        #expect(SIPMessageParser.hasSpecialByte(word([0xFF, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF])))
        #expect(!SIPMessageParser.hasSpecialByte(word([0x0E, 0x0E, 0x0E, 0x0E, 0x0E, 0x0E, 0x0E, 0x0E])))
    }
}
