import Testing

@testable import SIPCodec

/// Header fields as an ordered list, and list headers split at commas.
@Suite struct SIPHeadersTests {
    static let proxied: [UInt8] = .crlf(
        """
        BYE sip:201@10.0.0.23:5060 SIP/2.0
        Via: SIP/2.0/UDP proxy2.lab:5060;branch=z9hG4bK-p2, SIP/2.0/TCP "odd,host";branch=x
        Max-Forwards: 68
        Via: SIP/2.0/UDP proxy1.lab;branch=z9hG4bK-p1;received=192.0.2.1
        v: SIP/2.0/UDP [2001:db8::9]:5070;branch=z9hG4bK-ua;rport=5070
        Route: <sip:proxy2.lab;lr>, "Edge, West" <sip:edge.lab;lr>
        Route: <sip:core.lab;lr>
        From: <sip:202@pbx.lab>;tag=b
        To: <sip:201@pbx.lab>;tag=a
        Call-ID: x@y
        CSeq: 3 BYE
        Content-Length: 0


        """)

    @Test func viasAcrossFieldsAndCommasKeepTheirOrder() throws {
        let headers = try SIPMessage(parsing: Self.proxied).headers
        #expect(headers.values(.via).count == 3)
        #expect(throws: SIPParseError.self) { try headers.vias() }  // "odd,host" is not a host
        var fixed = headers
        fixed.fields[0].value = "SIP/2.0/UDP proxy2.lab:5060;branch=z9hG4bK-p2 , SIP/2.0/TCP edge.lab;branch=x"
        let vias = try fixed.vias()
        #expect(vias.map(\.host) == ["proxy2.lab", "edge.lab", "proxy1.lab", "[2001:db8::9]"])
        #expect(vias.map(\.port) == [5060, nil, nil, 5070])
        #expect(vias.map(\.transport) == ["UDP", "TCP", "UDP", "UDP"])
        #expect(vias[2].received == "192.0.2.1")
        #expect(vias[3].rport == .value(5070))
        #expect(try fixed.topVia().branch == "z9hG4bK-p2")
    }

    @Test func commasInsideQuotesAndBracketsDoNotSplit() throws {
        let headers = try SIPMessage(parsing: Self.proxied).headers
        let routes = try headers.nameAddresses(.route)
        #expect(routes.map(\.uri.host) == ["proxy2.lab", "edge.lab", "core.lab"])
        #expect(routes[1].displayName == "Edge, West")
        #expect(routes.allSatisfy { $0.uri.parameters.contains("lr") && $0.parameters.isEmpty })
    }

    @Test func topViaCanBeReplacedAndRemoved() throws {
        var headers = try SIPMessage(parsing: Self.proxied).headers
        headers.fields[0].value = "SIP/2.0/UDP proxy2.lab:5060;branch=z9hG4bK-p2, SIP/2.0/TCP edge.lab;branch=x"
        var top = try headers.topVia()
        top.received = "198.51.100.7"
        headers.replaceTopVia(with: top)
        #expect(
            headers.values(.via)[0] == "SIP/2.0/UDP proxy2.lab:5060;branch=z9hG4bK-p2;received=198.51.100.7, "
                + "SIP/2.0/TCP edge.lab;branch=x")
        headers.removeTopVia()
        #expect(try headers.vias().map(\.host) == ["edge.lab", "proxy1.lab", "[2001:db8::9]"])
        headers.removeTopVia()
        #expect(headers.values(.via).count == 2)
        headers.prepend(.via, "SIP/2.0/UDP pbx.lab;branch=z9hG4bK-new")
        #expect(try headers.topVia().host == "pbx.lab")
        #expect(headers.fields.firstIndex { $0.name == .via } == 1)  // before the first Via, after Max-Forwards
    }

    @Test func setRemoveAndAppendKeepOrder() {
        var headers: SIPHeaders = [(.via, "a"), (.contact, "<sip:1@h>"), (.maxForwards, "70"), (.contact, "<sip:2@h>")]
        headers.set(.contact, "*")
        #expect(headers.fields.map(\.name) == [.via, .contact, .maxForwards])
        #expect(headers[.contact] == "*")
        headers.set(.expires, "0")
        #expect(headers.fields.last?.name == .expires)
        headers.remove(SIPHeaderName("max-forwards"))
        #expect(!headers.contains(.maxForwards))
        #expect(headers.maxForwards() == nil)
        headers.append(SIPHeaderName("X-Lab"), "1")
        #expect(headers.count == 4)
        #expect(headers.values(SIPHeaderName("x-lab")) == ["1"])
    }

    @Test func singleValuedHeadersRefuseDuplicates() throws {
        let headers: SIPHeaders = [
            (.callID, "a@b"), (.callID, "c@d"), (.cseq, "1 INVITE"), (.to, "<sip:a@b>, <sip:c@d>"),
            (.from, "sip:a@b;tag=1"),
        ]
        #expect(throws: SIPParseError.self) { try headers.callID() }
        #expect(throws: SIPParseError.self) { try headers.to() }
        #expect(try headers.from().tag == "1")
        #expect(try headers.cseq().method == .invite)
        do {
            _ = try headers.callID()
        } catch {
            #expect(error.kind == .multipleHeaders)
            #expect(error.header == .callID)
        }
    }

    @Test func numericHeaders() {
        let headers: SIPHeaders = [
            (.maxForwards, "256"), (.expires, "4294967296"), (.minExpires, "60"), (.contentLength, "12"),
        ]
        #expect(headers.maxForwards() == nil)
        #expect(headers.expires() == nil)
        #expect(headers.minExpires() == 60)
        #expect(headers.contentLength() == 12)
        let ok: SIPHeaders = [(.maxForwards, "0"), (.expires, "4294967295")]
        #expect(ok.maxForwards() == 0)
        #expect(ok.expires() == 4_294_967_295)
    }

    @Test func callIDs() throws {
        #expect(
            try SIPHeaders([SIPHeaderField(name: .callID, value: "a84b4c76e66710@pc33.atlanta.com")]).callID()
                == "a84b4c76e66710@pc33.atlanta.com")
        for bad in ["a b", "a@", "@b", "a@b@c", ""] {
            #expect(throws: SIPParseError.self, "\(bad)") {
                try SIPHeaders([SIPHeaderField(name: .callID, value: bad)]).callID()
            }
        }
        #expect(throws: SIPParseError.self) { try SIPHeaders().callID() }
    }

    @Test func contactsWildcardAndAddresses() throws {
        #expect(try SIPHeaders([SIPHeaderField(name: .contact, value: "*")]).contacts() == .wildcard)
        #expect(try SIPHeaders().contacts() == .addresses([]))
        let two: SIPHeaders = [(.contact, "<sip:a@h>;expires=0, sip:b@h;q=0.5"), (.contact, "\"C\" <sip:c@h>")]
        let contacts = try two.contacts().addresses
        #expect(contacts.map(\.uri.user) == ["a", "b", "c"])
        #expect(contacts[0].expires == 0)
        #expect(contacts[1].parameters.value("q") == "0.5")
        #expect(throws: SIPParseError.self) {
            try SIPHeaders([SIPHeaderField(name: .contact, value: "*, <sip:a@h>")]).contacts()
        }
        #expect(throws: SIPParseError.self) {
            try SIPHeaders([SIPHeaderField(name: .contact, value: "<sip:a@h>,")]).contacts()
        }
    }

    @Test func dates() throws {
        let date = try #require(
            try SIPHeaders([SIPHeaderField(name: .date, value: "Sat, 13 Nov 2010 23:29:00 GMT")]).date())
        #expect(date.year == 2010 && date.month == 11 && date.day == 13 && date.hour == 23 && date.second == 0)
        #expect(date.description == "Sat, 13 Nov 2010 23:29:00 GMT")
        for bad in [
            "Sat, 13 Nov 2010 23:29:00 UTC", "Sat 13 Nov 2010 23:29:00 GMT", "Sat, 13 Nov 10 23:29:00 GMT",
            "Sat, 13 Foo 2010 23:29:00 GMT", "Sat, 13 Nov 2010 25:29:00 GMT",
        ] {
            #expect(throws: SIPParseError.self, "\(bad)") { try SIPDate(parsing: bad) }
        }
        #expect(try SIPHeaders().date() == nil)
    }
}

@Suite("SIPDate from Unix time")
struct SIPDateUnixTimeTests {
    @Test("known instants print as RFC 1123 dates and parse back")
    func known() throws {
        #expect(SIPDate(unixSeconds: 0).description == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(SIPDate(unixSeconds: 1_700_000_000).description == "Tue, 14 Nov 2023 22:13:20 GMT")
        #expect(SIPDate(unixSeconds: 951_782_400).description == "Tue, 29 Feb 2000 00:00:00 GMT")
        #expect(SIPDate(unixSeconds: 1_289_690_940).description == "Sat, 13 Nov 2010 23:29:00 GMT")
        let date = SIPDate(unixSeconds: 1_795_517_311)
        #expect(try SIPDate(parsing: date.description) == date)
    }
}
