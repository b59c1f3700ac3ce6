import Testing

@testable import SIPCodec

/// name-addr and addr-spec (RFC 3261 §20.10, §25.1): display names, and whose parameters are whose.
@Suite struct SIPNameAddressTests {
    @Test func quotedDisplayNamesResolveEscapes() throws {
        let address = try SIPNameAddress(
            parsing: #""J Rosenberg \\\""       <sip:jdrosen@example.com> ; tag = 98asjd8"#)
        #expect(address.displayName == #"J Rosenberg \""#)
        #expect(address.uri.user == "jdrosen")
        #expect(address.tag == "98asjd8")
        let empty = try SIPNameAddress(parsing: #""" <sip:a@b>"#)
        #expect(empty.displayName == "")
        let utf8 = try SIPNameAddress(parsing: "\"Zoë Ørsted\" <sip:zoe@example.com>")
        #expect(utf8.displayName == "Zoë Ørsted")
    }

    @Test func tokenDisplayNames() throws {
        #expect(try SIPNameAddress(parsing: "caller<sip:caller@example.com>;tag=323").displayName == "caller")
        #expect(try SIPNameAddress(parsing: "A. G. Bell <sip:a.g.bell@example.com>").displayName == "A. G. Bell")
        #expect(try SIPNameAddress(parsing: "<sip:a@b>").displayName == nil)
        #expect(throws: SIPParseError.self) {
            try SIPNameAddress(parsing: "Bell, Alexander <sip:a.g.bell@example.com>")
        }
        #expect(throws: SIPParseError.self) { try SIPNameAddress(parsing: "\"Mr. J. User <sip:j.user@example.com>") }
        #expect(throws: SIPParseError.self) { try SIPNameAddress(parsing: "\"Watson\" < sip:t.watson@example.org >") }
        #expect(throws: SIPParseError.self) { try SIPNameAddress(parsing: "\"Watson\" sip:t.watson@example.org") }
        #expect(throws: SIPParseError.self) { try SIPNameAddress(parsing: "<sip:a@b") }
        #expect(throws: SIPParseError.self) { try SIPNameAddress(parsing: "<sip:a@b> tag=1") }
        #expect(throws: SIPParseError.self) { try SIPNameAddress(parsing: "") }
    }

    /// §20.10: in addr-spec form, everything after the URI's `;` is a header parameter; inside `<>` it is
    /// the URI's (RFC 4475 §3.3.12, §3.3.13).
    @Test func uriParametersAndHeaderParameters() throws {
        let bare = try SIPNameAddress(parsing: "sip:+19725552222@gw1.example.net;unknownparam")
        #expect(bare.uri.parameters.isEmpty)
        #expect(bare.parameters.contains("unknownparam"))
        let bracketed = try SIPNameAddress(parsing: "<sip:+19725552222@gw1.example.net;unknownparam>")
        #expect(bracketed.uri.parameters.contains("unknownparam"))
        #expect(bracketed.parameters.isEmpty)
        let both = try SIPNameAddress(
            parsing: "<sip:201@10.0.0.23;transport=tcp>;expires=60;q=0.7;+sip.instance=\"<urn:uuid:1>\"")
        #expect(both.uri.parameters.value("transport") == "tcp")
        #expect(both.expires == 60)
        #expect(both.parameters.value("Q") == "0.7")
        #expect(both.parameters.value("+sip.instance") == "\"<urn:uuid:1>\"")
        #expect(both.parameters.unquotedValue("+sip.instance") == "<urn:uuid:1>")
        #expect(throws: SIPParseError.self) {
            try SIPNameAddress(parsing: "sip:user@example.com?Route=%3Csip:sip.example.com%3E")
        }
        let escaped = try SIPNameAddress(parsing: "<sip:user@example.com?Route=%3Csip:sip.example.com%3E>")
        #expect(escaped.uri.headers == [.init(name: "Route", value: "%3Csip:sip.example.com%3E")])
    }

    @Test func otherSchemesAndIPv6() throws {
        #expect(try SIPNameAddress(parsing: "isbn:2983792873").uri.scheme == .other("isbn"))
        #expect(try SIPNameAddress(parsing: "<http://www.example.com>;tag=3234233").uri.opaque == "//www.example.com")
        let v6 = try SIPNameAddress(parsing: "<sip:201@[2001:db8::23]:5060>;tag=x")
        #expect(v6.uri.host == "[2001:db8::23]")
        #expect(v6.uri.port == 5060)
    }

    @Test(arguments: [
        "\"Reception\" <sip:201@pbx.lab>;tag=6ll9ssbv8v", "<sip:a@b;lr>", "\"a \\\"quoted\\\" \\\\ name\" <sip:a@b>",
        "\"BEL:\\\u{7} NUL:\\\u{0} DEL:\\\u{7F}\" <sip:a@b>", "sip:a@b;tag=1;x", "tel:+123;tag=z",
    ])
    func descriptionParsesBackEqual(_ text: String) throws {
        let address = try SIPNameAddress(parsing: text)
        #expect(try SIPNameAddress(parsing: address.description) == address)
    }

    @Test func settingTheTag() throws {
        var to = try SIPNameAddress(parsing: "<sip:201@pbx.lab>")
        to.tag = "a9f3e2"
        #expect(to.description == "<sip:201@pbx.lab>;tag=a9f3e2")
        to.tag = nil
        #expect(to.parameters.isEmpty)
        let built = SIPNameAddress(
            displayName: "Lab \"1\"", uri: SIPURI(user: "1", host: "h"), parameters: [("tag", "t")])
        #expect(built.description == #""Lab \"1\"" <sip:1@h>;tag=t"#)
    }
}
