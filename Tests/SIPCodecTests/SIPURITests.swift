import Testing

@testable import SIPCodec

/// URIs (RFC 3261 §19.1, RFC 3966): components, escapes, IPv6, other schemes, and §19.1.4 equivalence.
@Suite struct SIPURITests {
    @Test func componentsOfASIPURI() throws {
        let uri = try SIPURI(
            parsing: "sips:alice:secret@atlanta.example.com:5061;transport=tcp;lr?subject=project%20x&priority=urgent")
        #expect(uri.scheme == .sips)
        #expect(uri.user == "alice")
        #expect(uri.password == "secret")
        #expect(uri.host == "atlanta.example.com")
        #expect(uri.port == 5061)
        #expect(uri.parameters.list == [.init(name: "transport", value: "tcp"), .init(name: "lr")])
        #expect(
            uri.headers == [.init(name: "subject", value: "project%20x"), .init(name: "priority", value: "urgent")])
        #expect(uri.hostPort == "atlanta.example.com:5061")
    }

    @Test(arguments: [
        "sip:pbx.lab", "SIP:201@PBX.lab", "sip:201@10.0.0.1:5060", "sip:[2001:db8::1]",
        "sip:201@[2001:db8::1]:5070;transport=udp",
        "sip:%61lice@atlanta.com;transport=TCP", "sip:user;par=u%40example.net@example.com",
        "sip:alice@atlanta.com?subject=project%20x&priority=urgent", "sip:a@h;maddr=239.255.255.1;ttl=15",
        "sip:1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*:&it+has=1,weird!*pas$wo~d_too.(doesn't-it)@example.com",
        "sip:user:@h", "sip:h?x=", "tel:+1-201-555-0123", "tel:7042;phone-context=example.com",
        "mailto:alice@example.com", "urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6", "soap.beep://192.0.2.103:3002",
    ])
    func parsedURIsPrintAsWrittenAndParseBackEqual(_ text: String) throws {
        let uri = try SIPURI(parsing: text)
        let expected = text.hasPrefix("SIP:") ? "sip:" + text.dropFirst(4) : text
        #expect(uri.description == expected)
        #expect(try SIPURI(parsing: uri.description) == uri)
    }

    @Test(arguments: [
        "", "sip:", "sip:@h", "sip:a@", "sip:h:", "sip:h:65536", "sip:h:5x", "sip:a b@h", "sip:h;", "sip:h;=x",
        "sip:h;a=",
        "sip:h?", "sip:h?a", "sip:[::1", "sip:[]", "sip:%zz@h", "sip:a%4@h", "<sip:h>", "sip:h>", "1sip:h", ":h",
        "tel:", "tel:123?x=y", "x:", "x: y", "sip:h;lr x",
    ])
    func malformedURIsThrow(_ text: String) {
        #expect(throws: SIPParseError.self, "\(text)") { try SIPURI(parsing: text) }
    }

    @Test func escapesAreKeptAndDecodedOnDemand() throws {
        let uri = try SIPURI(parsing: "sip:null-%00-null@example.com")
        #expect(uri.user == "null-%00-null")
        #expect(uri.decodedUser == "null-\u{0}-null")
        #expect(try SIPURI(parsing: "sip:%75se%72@example.com").decodedUser == "user")
        #expect(try SIPURI(parsing: "sip:sips%3Auser%40example.com@example.net").decodedUser == "sips:user@example.com")
    }

    @Test func telAndOtherSchemes() throws {
        let tel = try SIPURI(parsing: "tel:+1-201-555-0123;ext=22")
        #expect(tel.scheme == .tel)
        #expect(tel.user == "+1-201-555-0123")
        #expect(tel.host == "")
        #expect(tel.parameters.value("ext") == "22")
        let other = try SIPURI(parsing: "nobodyKnowsThisScheme:totallyopaquecontent")
        #expect(other.scheme == .other("nobodyknowsthisscheme"))
        #expect(other.opaque == "totallyopaquecontent")
        #expect(SIPURI.Scheme("SIPS") == .sips)
    }

    /// RFC 3261 §19.1.4's examples of equivalent URIs.
    @Test(arguments: [
        ("sip:%61lice@atlanta.com;transport=TCP", "sip:alice@AtLanTa.CoM;Transport=tcp"),
        ("sip:carol@chicago.com", "sip:carol@chicago.com;newparam=5"),
        ("sip:carol@chicago.com", "sip:carol@chicago.com;security=on"),
        ("sip:carol@chicago.com;newparam=5", "sip:carol@chicago.com;security=on"),
        (
            "sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com",
            "sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com"
        ),
        (
            "sip:alice@atlanta.com?subject=project%20x&priority=urgent",
            "sip:alice@atlanta.com?priority=urgent&subject=project%20x"
        ),
        ("tel:+1-201-555-0123", "tel:+1.201.555.0123"),
    ])
    func equivalentURIs(_ lhs: String, _ rhs: String) throws {
        #expect(try SIPURI(parsing: lhs).isEquivalent(to: SIPURI(parsing: rhs)))
        #expect(try SIPURI(parsing: rhs).isEquivalent(to: SIPURI(parsing: lhs)))
    }

    /// RFC 3261 §19.1.4's examples of URIs that are not equivalent.
    @Test(arguments: [
        ("SIP:ALICE@AtLanTa.CoM;Transport=udp", "sip:alice@AtLanTa.CoM;Transport=UDP"),
        ("sip:bob@biloxi.com", "sip:bob@biloxi.com:5060"),
        ("sip:bob@biloxi.com", "sips:bob@biloxi.com"),
        ("sip:bob@biloxi.com", "sip:bob@biloxi.com;transport=udp"),
        ("sip:bob@biloxi.com", "sip:bob@biloxi.com:6000;transport=tcp"),
        ("sip:carol@chicago.com", "sip:carol@chicago.com?Subject=next%20meeting"),
        ("sip:bob@phone21.boxesbybob.com", "sip:bob@192.0.2.4"),
        ("sip:carol@chicago.com;security=on", "sip:carol@chicago.com;security=off"),
        ("sip:chicago.com", "sip:carol@chicago.com"),
    ])
    func differentURIs(_ lhs: String, _ rhs: String) throws {
        #expect(try !SIPURI(parsing: lhs).isEquivalent(to: SIPURI(parsing: rhs)))
        #expect(try !SIPURI(parsing: rhs).isEquivalent(to: SIPURI(parsing: lhs)))
    }

    /// Found by the fuzzer: a repeated parameter made a URI differ from itself.
    @Test func equivalenceIsReflexiveWithRepeatedParameters() throws {
        for text in ["sip:a@h;user=phample.net;user=phone", "tel:+1;a=1;a=2", "sip:h;x;X=1"] {
            let uri = try SIPURI(parsing: text)
            #expect(uri.isEquivalent(to: uri), "\(text)")
        }
        #expect(try !SIPURI(parsing: "tel:+1;a=1").isEquivalent(to: SIPURI(parsing: "tel:+1;a=1;b=2")))
        #expect(try SIPURI(parsing: "tel:+1;a=1;b=2").isEquivalent(to: SIPURI(parsing: "tel:+1;B=2;a=1")))
    }

    @Test func builtURIsPrint() {
        var uri = SIPURI(user: "201", host: "10.0.0.23", port: 5060)
        uri.parameters.append("transport", "tcp")
        uri.headers.append(.init(name: "Replaces", value: "abc%40h"))
        #expect(uri.description == "sip:201@10.0.0.23:5060;transport=tcp?Replaces=abc%40h")
    }
}
