import Testing

@testable import SIPCodec

/// What a UAS owes a request that parsed (RFC 3261 §8.2).
@Suite struct SIPRequestValidationTests {
    static func register(_ edit: (inout SIPRequest) throws -> Void = { _ in }) throws -> SIPRequest {
        var request = try #require(try SIPMessage(parsing: SampleMessages.register).request)
        try edit(&request)
        return request
    }

    @Test func aTypicalRegisterIsFine() throws {
        #expect(try Self.register().validate(supportedExtensions: []) == nil)
        #expect(
            try Self.register { $0.uri = try SIPURI(parsing: "tel:+4930123") }.validate(supportedExtensions: []) == nil
        )
        let invite = try #require(try SIPMessage(parsing: SampleMessages.invite).request)
        #expect(invite.validate(supportedExtensions: [], supportedContentTypes: ["application/sdp"]) == nil)
    }

    @Test(arguments: [SIPHeaderName.to, .from, .callID, .cseq, .via])
    func aMissingMandatoryHeaderIs400NamingIt(_ name: SIPHeaderName) throws {
        let rejection = try Self.register { $0.headers.remove(name) }.validate(supportedExtensions: [])
        #expect(rejection?.statusCode == 400)
        #expect(rejection?.reasonPhrase == "Missing \(name)")
        #expect(rejection?.error?.header == name)
    }

    @Test func malformedOrRepeatedHeadersAre400() throws {
        let cases: [(SIPHeaderName, String, String)] = [
            (.via, "SIP/2.0/UDP", "Malformed Via"), (.cseq, "two REGISTER", "Malformed CSeq"),
            (.from, "<sip:a@b", "Malformed From"), (.callID, "a b", "Malformed Call-ID"),
            (.maxForwards, "seventy", "Malformed Max-Forwards"), (.maxForwards, "300", "Malformed Max-Forwards"),
            (.contact, "<sip:a@b>;;", "Malformed Contact"), (.recordRoute, "<sip:a@b", "Malformed Record-Route"),
            (.date, "yesterday", "Malformed Date"),
        ]
        for (name, value, reason) in cases {
            let rejection = try Self.register { $0.headers.set(name, value) }.validate(supportedExtensions: [])
            #expect(rejection?.statusCode == 400, "\(name): \(value)")
            #expect(rejection?.reasonPhrase == reason, "\(name): \(value)")
        }
        let twice = try Self.register { $0.headers.append(.cseq, "3 REGISTER") }.validate(supportedExtensions: [])
        #expect(twice?.reasonPhrase == "Multiple CSeq Headers")
        let mismatch = try Self.register { $0.method = .options }.validate(supportedExtensions: [])
        #expect(mismatch?.reasonPhrase == "CSeq Method Does Not Match Request")
    }

    @Test func versionAndScheme() throws {
        #expect(try Self.register { $0.version = "SIP/3.0" }.validate(supportedExtensions: [])?.statusCode == 505)
        #expect(try Self.register { $0.version = "sip/2.0" }.validate(supportedExtensions: []) == nil)
        let mailto = try Self.register { $0.uri = try SIPURI(parsing: "mailto:a@b") }
        #expect(mailto.validate(supportedExtensions: [])?.statusCode == 416)
    }

    @Test func requireNeedsEveryOptionTagSupported() throws {
        let request = try Self.register { $0.headers.append(.require, "Path, outbound") }
        #expect(request.validate(supportedExtensions: ["path", "OUTBOUND"]) == nil)
        let rejection = request.validate(supportedExtensions: ["path"])
        #expect(rejection?.statusCode == 420)
        #expect(rejection?.headers[.unsupported] == "outbound")
        // Proxy-Require is for proxies; a UAS does not check it.
        #expect(try Self.register { $0.headers.append(.proxyRequire, "x") }.validate(supportedExtensions: []) == nil)
        // ACK and CANCEL are never refused for Require (RFC 3261 §8.2.2.3).
        let ack = try Self.register {
            $0.method = .ack
            $0.headers.set(.cseq, "2 ACK")
            $0.headers.append(.require, "x")
        }
        #expect(ack.validate(supportedExtensions: []) == nil)
    }

    @Test func contentLengthAndContentType() throws {
        let short = try Self.register {
            $0.headers.set(.contentLength, "10")
            $0.body = Array("hello".utf8)
        }
        #expect(short.validate(supportedExtensions: [])?.reasonPhrase == "Content-Length Exceeds Body")
        let typed = try Self.register {
            $0.body = Array("<xml/>".utf8)
            $0.headers.set(.contentLength, "6")
            $0.headers.set(.contentType, "Application/XML ; charset=utf-8")
        }
        #expect(typed.validate(supportedExtensions: [], supportedContentTypes: ["application/xml"]) == nil)
        let rejection = typed.validate(supportedExtensions: [], supportedContentTypes: ["application/sdp"])
        #expect(rejection?.statusCode == 415)
        #expect(rejection?.headers[.accept] == "application/sdp")
    }

    @Test func maxForwardsZeroIsTheCallersBusiness() throws {
        let request = try Self.register { $0.headers.set(.maxForwards, "0") }
        #expect(request.validate(supportedExtensions: []) == nil)
        #expect(request.headers.maxForwards() == 0)
    }
}
