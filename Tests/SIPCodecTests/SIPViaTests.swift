import Testing

@testable import SIPCodec

/// Via values (RFC 3261 §20.42, §18.2.1; RFC 3581 rport).
@Suite struct SIPViaTests {
    @Test func partsOfAVia() throws {
        let via = try SIPVia(parsing: "SIP/2.0/udp 10.0.0.23:5060;branch=z9hG4bK776;rport;received=10.0.0.23")
        #expect(via.protocolName == "SIP")
        #expect(via.protocolVersion == "2.0")
        #expect(via.transport == "UDP")
        #expect(via.host == "10.0.0.23")
        #expect(via.port == 5060)
        #expect(via.sentBy == "10.0.0.23:5060")
        #expect(via.branch == "z9hG4bK776")
        #expect(via.hasRFC3261Branch)
        #expect(via.rport == .requested)
        #expect(via.received == "10.0.0.23")
    }

    @Test func whitespaceAroundSeparators() throws {
        let via = try SIPVia(parsing: "SIP  / 2.0  / TCP     spindle.example.com   :  5060 ;  branch  =   z9hG4bK9ikj8")
        #expect(via.transport == "TCP")
        #expect(via.host == "spindle.example.com")
        #expect(via.port == 5060)
        #expect(via.branch == "z9hG4bK9ikj8")
        #expect(via.description == "SIP/2.0/TCP spindle.example.com:5060;branch=z9hG4bK9ikj8")
    }

    @Test func ipv6SentByAndReceived() throws {
        let via = try SIPVia(
            parsing: "SIP/2.0/TLS [2001:db8::9]:5061;branch=z9hG4bK1;received=[2001:db8::10];rport=5062")
        #expect(via.host == "[2001:db8::9]")
        #expect(via.port == 5061)
        #expect(via.received == "[2001:db8::10]")
        #expect(via.rport == .value(5062))
    }

    @Test func responseRoutingParametersCanBeSet() throws {
        var via = try SIPVia(parsing: "SIP/2.0/UDP 192.168.1.5:5060;branch=z9hG4bK-1;rport")
        via.received = "203.0.113.9"
        via.rport = .value(40_123)
        #expect(via.description == "SIP/2.0/UDP 192.168.1.5:5060;branch=z9hG4bK-1;rport=40123;received=203.0.113.9")
        via.rport = nil
        via.branch = nil
        #expect(via.description == "SIP/2.0/UDP 192.168.1.5:5060;received=203.0.113.9")
        let built = SIPVia(transport: "ws", host: "pbx.lab", branch: "z9hG4bK-2")
        #expect(built.description == "SIP/2.0/WS pbx.lab;branch=z9hG4bK-2")
        #expect(try SIPVia(parsing: built.description) == built)
    }

    @Test(arguments: [
        "", "SIP/2.0", "SIP/2.0/UDP", "SIP/2.0/UDP ", "SIP/2.0/UDPhost", "SIP/2.0/UDP host:", "SIP/2.0/UDP host:99999",
        "SIP/2.0/UDP 192.0.2.15;;", "SIP/2.0/UDP host;branch=", "SIP/2.0/UDP host;branch=\"x", "SIP/2.0/UDP [::1",
        "SIP/2.0/UDP host extra",
    ])
    func malformedVias(_ text: String) {
        #expect(throws: SIPParseError.self, "\(text)") { try SIPVia(parsing: text) }
    }

    @Test func rportWithAGarbageValueIsAbsent() throws {
        #expect(try SIPVia(parsing: "SIP/2.0/UDP h;rport=x").rport == nil)
        #expect(try SIPVia(parsing: "SIP/2.0/UDP h;branch=1").hasRFC3261Branch == false)
    }
}
