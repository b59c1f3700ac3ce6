import Testing

@testable import SIPCodec

/// Building a response to a request (RFC 3261 §8.2.6).
@Suite struct SIPResponseAnsweringTests {
    @Test func copiesViasFromToCallIDAndCSeqAndAddsTheToTag() throws {
        var request = try #require(try SIPMessage(parsing: SampleMessages.register).request)
        request.headers.append(.via, "SIP/2.0/UDP proxy.lab;branch=z9hG4bK-p, SIP/2.0/UDP edge.lab;branch=z9hG4bK-e")
        request.headers.append(.timestamp, "54")
        let response = SIPResponse(answering: request, statusCode: 200, toTag: "a9f3e2")
        #expect(response.statusCode == 200)
        #expect(response.reasonPhrase == "OK")
        #expect(response.version == "SIP/2.0")
        #expect(response.headers.fields.map(\.name) == [.via, .from, .to, .callID, .cseq, .via, .timestamp])
        #expect(try response.headers.vias().map(\.host) == ["10.0.0.23", "proxy.lab", "edge.lab"])
        #expect(response.headers[.from] == request.headers[.from])
        #expect(try response.headers.to().tag == "a9f3e2")
        #expect(response.headers[.to] == "\"Reception\" <sip:201@pbx.lab>;tag=a9f3e2")
        #expect(response.headers[.callID] == request.headers[.callID])
        #expect(response.headers[.cseq] == "2 REGISTER")
        #expect(!response.headers.contains(.contact))
        #expect(!response.headers.contains(.authorization))
        let bytes = response.serialized()
        #expect(try SIPMessage(parsing: bytes).response?.headers.contentLength() == 0)
        #expect(throws: Never.self) { try SIPMessage(parsing: bytes).response?.validate() }
    }

    @Test func anExistingToTagIsKept() throws {
        var request = try #require(try SIPMessage(parsing: SampleMessages.register).request)
        request.headers.set(.to, "sip:201@pbx.lab;tag=old")
        let response = SIPResponse(answering: request, statusCode: 481, toTag: "new")
        #expect(try response.headers.to().tag == "old")
        #expect(response.reasonPhrase == "Call/Transaction Does Not Exist")
        let trying = SIPResponse(answering: request, statusCode: 100)
        #expect(trying.reasonPhrase == "Trying")
    }

    @Test func defaultReasonPhrases() {
        let expected: [Int: String] = [
            180: "Ringing", 183: "Session Progress", 202: "Accepted", 302: "Moved Temporarily",
            401: "Unauthorized", 407: "Proxy Authentication Required", 415: "Unsupported Media Type",
            416: "Unsupported URI Scheme", 420: "Bad Extension", 423: "Interval Too Brief",
            480: "Temporarily Unavailable",
            483: "Too Many Hops", 486: "Busy Here", 487: "Request Terminated", 488: "Not Acceptable Here",
            500: "Server Internal Error", 503: "Service Unavailable", 505: "Version Not Supported",
            513: "Message Too Large",
            600: "Busy Everywhere", 603: "Decline", 604: "Does Not Exist Anywhere", 606: "Not Acceptable",
        ]
        for (code, phrase) in expected { #expect(SIPResponse.defaultReasonPhrase(for: code) == phrase) }
        // Every RFC 3261 §21 code has its own phrase.
        let rfc3261 = [
            100, 180, 181, 182, 183, 200, 300, 301, 302, 305, 380, 400, 401, 402, 403, 404, 405, 406, 407,
            408, 410, 413, 414, 415, 416, 420, 421, 423, 480, 481, 482, 483, 484, 485, 486, 487, 488, 491, 493, 500,
            501,
            502, 503, 504, 505, 513, 600, 603, 604, 606,
        ]
        for code in rfc3261 {
            #expect(
                ![
                    "Provisional", "Success", "Redirection", "Client Error", "Server Error",
                    "Global Failure",
                ].contains(SIPResponse.defaultReasonPhrase(for: code)), "\(code)")
        }
        #expect(SIPResponse.defaultReasonPhrase(for: 499) == "Client Error")
    }

    @Test func aRejectionCarriesItsHeaders() throws {
        var request = try #require(try SIPMessage(parsing: SampleMessages.register).request)
        request.headers.append(.require, "foo")
        let rejection = try #require(request.validate(supportedExtensions: ["path"]))
        let response = SIPResponse(answering: request, rejection: rejection, toTag: "t")
        #expect(response.statusCode == 420)
        #expect(response.headers[.unsupported] == "foo")
        #expect(try response.headers.to().tag == "t")
    }
}
