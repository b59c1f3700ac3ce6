import Testing

@testable import SIPCodec

/// RFC 4475's torture messages as data. Every file under `Fixtures/rfc4475/valid` must parse, pass validation
/// and round-trip. Every file under `invalid` is in exactly one table below, with the behaviour RFC 4475
/// asks for: refused by the parser, answered by `validate()`, accepted (the RFC's semantic tests of messages
/// that are well-formed), or a known limitation decided above the codec.
@Suite struct RFC4475Tests {
    /// Supported extensions and body types of the UAS the tables assume.
    static let extensions: Set<String> = ["path", "outbound", "gruu"]
    static let contentTypes: Set<String> = ["application/sdp"]

    enum Outcome: Sendable {
        /// `SIPMessage(parsing:)` throws this kind.
        case parseThrows(SIPParseError.Kind)
        /// A request that parses; `validate()` answers with this status and reason.
        case rejected(Int, String)
        /// A response that parses; `SIPResponse.validate()` throws, so it is discarded.
        case responseDiscarded
        /// Well-formed; `validate()` lets it through.
        case accepted
    }

    /// RFC 4475 section, expected outcome, and why.
    static let expectations: [String: (section: String, outcome: Outcome, note: String)] = [
        "badinv01": ("3.1.2.1", .rejected(400, "Malformed Via"), "empty Via/Contact parameters"),
        "clerr": ("3.1.2.2", .parseThrows(.bodyShorterThanContentLength), "UDP: Content-Length past the datagram"),
        "ncl": ("3.1.2.3", .parseThrows(.invalidContentLength), "negative Content-Length"),
        "scalar02": ("3.1.2.4", .rejected(400, "Malformed CSeq"), "CSeq > 2^32-1"),
        "scalarlg": ("3.1.2.5", .responseDiscarded, "response with CSeq > 2^32-1: dropped"),
        "quotbal": ("3.1.2.6", .rejected(400, "Malformed To"), "unterminated quoted display name"),
        "ltgtruri": ("3.1.2.7", .parseThrows(.invalidRequestURI), "<> around the Request-URI"),
        "lwsruri": ("3.1.2.8", .parseThrows(.invalidStartLine), "LWS inside the Request-URI"),
        "lwsstart": ("3.1.2.9", .parseThrows(.invalidStartLine), "several SP between Request-Line elements"),
        "trws": ("3.1.2.10", .parseThrows(.invalidStartLine), "SP after SIP-Version"),
        "escruri": ("3.1.2.11", .rejected(400, "Headers Not Allowed in Request-URI"), "escaped headers in R-URI"),
        "baddate": ("3.1.2.12", .rejected(400, "Malformed Date"), "time zone EST instead of GMT"),
        "regbadct": ("3.1.2.13", .rejected(400, "Malformed Contact"), "URI with ? outside <>"),
        "badaspec": ("3.1.2.14", .rejected(400, "Malformed To"), "spaces inside <>"),
        // The fixture also lacks the empty line ending its headers, so the parser refuses it first;
        // `unquotedDisplayNameWithCommaIsRejected` checks the display names with the empty line added.
        "baddn": ("3.1.2.15", .parseThrows(.unterminatedHeaderSection), "unquoted display name with a comma"),
        "badvers": ("3.1.2.16", .rejected(505, "Version Not Supported"), "SIP/7.0"),
        "mismatch01": ("3.1.2.17", .rejected(400, "CSeq Method Does Not Match Request"), "OPTIONS vs INVITE"),
        // RFC 4475 prefers 501 (the method is unknown) but allows 400; which methods a UAS implements is the
        // application's business (405/501), so the codec answers the mismatch it can see.
        "mismatch02": ("3.1.2.18", .rejected(400, "CSeq Method Does Not Match Request"), "unknown method"),
        "bigcode": ("3.1.2.19", .parseThrows(.invalidStatusCode), "status code 4294967301"),
        "badbranch": ("3.2.1", .rejected(400, "Via Branch Without Identifier"), "branch=z9hG4bK only"),
        "insuf": ("3.3.1", .rejected(400, "Missing To, From, Call-ID"), "no Call-ID, From, To"),
        "unkscm": ("3.3.2", .rejected(416, "Unsupported URI Scheme"), "unknown Request-URI scheme"),
        "novelsc": ("3.3.3", .rejected(416, "Unsupported URI Scheme"), "soap.beep Request-URI"),
        "bext01": ("3.3.5", .rejected(420, "Bad Extension"), "Require with unknown option tags"),
        "invut": ("3.3.6", .rejected(415, "Unsupported Media Type"), "body of an unknown type, at an endpoint"),
        "multi01": ("3.3.8", .rejected(400, "Multiple To Headers"), "several To, From, Call-ID, CSeq"),
        "mcl01": ("3.3.9", .parseThrows(.multipleContentLength), "two Content-Length values"),
        "cparam01": ("3.3.12", .accepted, "contact-param, not a URI parameter: a valid REGISTER"),
        "cparam02": ("3.3.13", .accepted, "URI parameter inside <>: a valid REGISTER"),
        "regescrt": ("3.3.14", .accepted, "escaped Route in a bracketed Contact URI: stored as is"),
        "inv2543": ("3.4.1", .accepted, "RFC 2543 syntax: no branch, no Max-Forwards, no Content-Length"),
    ]

    /// Messages that parse and validate here, whose rejection RFC 4475 leaves to a higher layer.
    static let knownLimitations: [String: (rfcBehaviour: String, reason: String)] = [
        "unksm2": (
            "§3.3.4: a registrar answers 400 (To must be a SIP or SIPS AOR); a proxy processes it",
            "the codec parses isbn:, http: and name: URIs; which AORs are acceptable is the registrar's rule"
        ),
        "regaut01": (
            "§3.3.7: a registrar that authenticates answers 401 with a challenge in a scheme it knows",
            "the Authorization scheme is SIPAuth's and the registrar's to judge"
        ),
        "bcast": (
            "§3.3.10: a response whose second Via is 255.255.255.255 is dropped by proxies and endpoints",
            "only the transaction/transport layer knows where it would forward a response"
        ),
        "zeromf": (
            "§3.3.11: a proxy answers 483; an endpoint processes it as if Max-Forwards were positive",
            "forwarding is the caller's decision; SIPHeaders.maxForwards() returns 0"
        ),
        "sdp01": (
            "§3.3.15: a UA answers 406 (or 400): Accept lacks application/sdp",
            "which body types a response can take is the application's"
        ),
    ]

    @Test func everyFixtureIsInExactlyOneTable() {
        #expect(Fixtures.names("valid").count == 13)
        let invalid = Fixtures.names("invalid")
        #expect(invalid.count == 36)
        for name in invalid {
            let tables = [Self.expectations[name] != nil, Self.knownLimitations[name] != nil].filter { $0 }.count
            #expect(tables == 1, "invalid/\(name).dat is in \(tables) tables")
        }
        for name in Array(Self.expectations.keys) + Array(Self.knownLimitations.keys) {
            #expect(invalid.contains(name), "\(name) is in a table but not a fixture")
        }
    }

    @Test(arguments: Fixtures.names("valid")) func validMessageParsesValidatesAndRoundTrips(_ name: String) throws {
        let message = try SIPMessage(parsing: Fixtures.bytes("valid", name))
        switch message {
        case .request(let request):
            let rejection = request.validate(supportedExtensions: Self.extensions)
            #expect(rejection == nil, "\(name): \(rejection.map(String.init(describing:)) ?? "")")
        case .response(let response):
            #expect(throws: Never.self) { try response.validate() }
        }
        #expect(try SIPMessage(parsing: message.serialized()) == message)
    }

    @Test(arguments: Fixtures.names("invalid").filter { expectations[$0] != nil })
    func invalidMessageHasTheExpectedOutcome(_ name: String) throws {
        let bytes = Fixtures.bytes("invalid", name)
        guard let (section, outcome, note) = Self.expectations[name] else { return }
        let context = Comment(rawValue: "RFC 4475 §\(section) \(name): \(note)")
        switch outcome {
        case .parseThrows(let kind):
            #expect(throws: SIPParseError.self, context) { try SIPMessage(parsing: bytes) }
            do {
                _ = try SIPMessage(parsing: bytes)
            } catch {
                #expect(error.kind == kind, context)
            }
        case .rejected(let status, let reason):
            let request = try #require(try SIPMessage(parsing: bytes).request, context)
            let rejection = request.validate(
                supportedExtensions: Self.extensions, supportedContentTypes: Self.contentTypes)
            #expect(rejection?.statusCode == status, context)
            #expect(rejection?.reasonPhrase == reason, context)
            let roundTripped = try SIPMessage(parsing: SIPMessage.request(request).serialized())
            #expect(roundTripped == .request(request), context)
        case .responseDiscarded:
            let response = try #require(try SIPMessage(parsing: bytes).response, context)
            #expect(throws: SIPParseError.self, context) { try response.validate() }
        case .accepted:
            let request = try #require(try SIPMessage(parsing: bytes).request, context)
            #expect(request.validate(supportedExtensions: Self.extensions) == nil, context)
        }
    }

    @Test(arguments: Fixtures.names("invalid").filter { knownLimitations[$0] != nil })
    func knownLimitationParsesAndIsLeftToAHigherLayer(_ name: String) throws {
        let message = try SIPMessage(parsing: Fixtures.bytes("invalid", name))
        switch message {
        case .request(let request):
            #expect(request.validate(supportedExtensions: Self.extensions) == nil)
        case .response(let response):
            #expect(throws: Never.self) { try response.validate() }
        }
        #expect(try SIPMessage(parsing: message.serialized()) == message)
    }
}
