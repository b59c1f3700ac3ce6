import Testing

@testable import SIPCodec

/// What the RFC 4475 messages mean once parsed: each section's point, checked field by field.
@Suite struct RFC4475DetailTests {
    static func request(_ folder: String, _ name: String) throws -> SIPRequest {
        try #require(try SIPMessage(parsing: Fixtures.bytes(folder, name)).request)
    }

    /// §3.1.1.1: whitespace, folding and compact forms everywhere.
    @Test func wsinv() throws {
        let request = try Self.request("valid", "wsinv")
        #expect(request.uri.parameters.contains("unknownparam"))
        let headers = request.headers
        #expect(try headers.to().tag == "1918181833n")
        let from = try headers.from()
        #expect(from.displayName == #"J Rosenberg \""#)
        #expect(from.tag == "98asjd8")
        #expect(headers.maxForwards() == 68)
        #expect(try headers.cseq() == SIPCSeq(sequence: 9, method: .invite))
        let vias = try headers.vias()
        #expect(vias.map(\.host) == ["192.0.2.2", "spindle.example.com", "192.168.255.111"])
        #expect(vias.map(\.branch) == ["390skdjuw", "z9hG4bK9ikj8", "z9hG4bK30239"])
        #expect(vias.map(\.transport) == ["UDP", "TCP", "UDP"])
        #expect(headers[.subject] == "")
        #expect(headers[SIPHeaderName("newfangledheader")] == "newfangled value continued newfangled value")
        #expect(headers[SIPHeaderName("UnknownHeaderWithUnusualValue")] == ";;,,;;,;")
        let contact = try #require(try headers.contacts().addresses.first)
        #expect(contact.displayName == #"Quoted string """#)
        #expect(
            contact.parameters.list == [
                .init(name: "newparam", value: "newvalue"), .init(name: "secondparam"),
                .init(name: "q", value: "0.33"),
            ])
        let route = try #require(try headers.nameAddresses(.route).first)
        #expect(route.uri.parameters.list.map(\.name) == ["lr", "unknownwith", "unknown-no-value"])
        #expect(request.body.count == 150)
    }

    /// §3.1.1.2: every character a token, word or quoted string may hold.
    @Test func intmeth() throws {
        let request = try Self.request("valid", "intmeth")
        #expect(request.method == .extension("!interesting-Method0123456789_*+`.%indeed'~"))
        #expect(request.uri.user == "1_unusual.URI~(to-be!sure)&isn't+it$/crazy?,/;;*")
        #expect(request.uri.password == "&it+has=1,weird!*pas$wo~d_too.(doesn't-it)")
        #expect(request.uri.host == "example.com")
        #expect(try request.headers.to().displayName == "BEL:\u{7} NUL:\u{0} DEL:\u{7F}")
        let from = try request.headers.from()
        #expect(from.displayName == "token1~` token2'+_ token3*%!.-")
        #expect(from.parameters.value("fromParam''~+*_!.-%") == "\"работающий\"")
        #expect(from.tag == "_token~1'+`*%!-.")
        #expect(try request.headers.callID() == #"intmeth.word%ZK-!.*_+'@word`~)(><:\/"][?}{"#)
        #expect(request.headers[SIPHeaderName("extensionHeader-!.%*+_`'~")] == "\u{FEFF}大停電")
    }

    /// §3.1.1.3–§3.1.1.5: escapes in URIs, and a header name that only looks like Contact.
    @Test func escapes() throws {
        let esc01 = try Self.request("valid", "esc01")
        #expect(esc01.uri.decodedUser == "sips:user@example.com")
        #expect(try esc01.headers.to().uri.decodedUser == "user")
        #expect(try esc01.headers.from().uri.decodedUser == "I have spaces")
        let contact = try #require(try esc01.headers.contacts().addresses.first)
        #expect(contact.uri.user == "cal%6Cer")
        #expect(
            contact.uri.parameters.list == [.init(name: "%6C%72"), .init(name: "n%61me", value: "v%61lue%25%34%31")])
        #expect(contact.uri.isEquivalent(to: try SIPURI(parsing: "sip:caller@host5.example.net;lr;name=value%2541")))
        let escnull = try Self.request("valid", "escnull")
        #expect(try escnull.headers.contacts().addresses.map(\.uri.decodedUser) == ["\u{0}", "\u{0}\u{0}"])
        let esc02 = try Self.request("valid", "esc02")
        #expect(esc02.method == .extension("RE%47IST%45R"))
        #expect(try esc02.headers.cseq().method == esc02.method)
        #expect(try esc02.headers.contacts().addresses.count == 2)
        #expect(esc02.headers.contains(SIPHeaderName("C%6Fntact")))
        #expect(try esc02.headers.to().displayName == "%Z%45")
    }

    /// §3.1.1.6–§3.1.1.10.
    @Test func displayNamesLongValuesDatagramsAndTransports() throws {
        #expect(try Self.request("valid", "lwsdisp").headers.from().displayName == "caller")
        let longreq = try Self.request("valid", "longreq")
        #expect(try longreq.headers.vias().count == 34)
        #expect(try longreq.headers.vias().last?.received == "192.0.2.5")
        #expect(try longreq.headers.to().uri.port == 6000)
        #expect(longreq.body.count == 150)
        // §3.1.1.8: Content-Length 0 in a datagram: the INVITE after the REGISTER is discarded.
        let dblreq = try Self.request("valid", "dblreq")
        #expect(dblreq.method == .register)
        #expect(dblreq.body.isEmpty)
        let semiuri = try Self.request("valid", "semiuri")
        #expect(semiuri.uri.user == "user;par=u%40example.net")
        #expect(semiuri.uri.parameters.isEmpty)
        #expect(semiuri.headers.list(.accept).count == 6)
        let transports = try Self.request("valid", "transports")
        #expect(try transports.headers.vias().map(\.transport) == ["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"])
        #expect(try transports.headers.callID() == "transports.kijh4akdnaqjkwendsasfdj")
    }

    /// §3.1.1.11–§3.1.1.13.
    @Test func multipartBodiesAndReasonPhrases() throws {
        let mpart01 = try Self.request("valid", "mpart01")
        #expect(mpart01.body.count == 553)
        #expect(try mpart01.headers.date()?.year == 2005)
        #expect(try mpart01.headers.topVia().rport == .requested)
        let unreason = try #require(try SIPMessage(parsing: Fixtures.bytes("valid", "unreason")).response)
        #expect(unreason.reasonPhrase.hasPrefix("= 2**3 * 5**2 но сто"))
        let noreason = try #require(try SIPMessage(parsing: Fixtures.bytes("valid", "noreason")).response)
        #expect(noreason.statusCode == 100)
        #expect(noreason.reasonPhrase == "")
    }

    /// §3.1.2.15, with the empty line the fixture lacks: the unquoted display names are what is wrong.
    @Test func unquotedDisplayNameWithCommaIsRejected() throws {
        let request = try #require(try SIPMessage(parsing: Fixtures.bytes("invalid", "baddn") + [13, 10]).request)
        #expect(request.validate(supportedExtensions: [])?.reasonPhrase == "Malformed To")
        #expect(throws: SIPParseError.self) { try request.headers.from() }
    }

    /// §3.1.2.2, §3.1.2.3, §3.3.9 on a stream: the framer waits for the missing bytes, or gives up on the
    /// connection.
    @Test func framingErrorsOnAStream() throws {
        var clerr = SIPStreamFramer()
        clerr.append(Fixtures.bytes("invalid", "clerr"))
        #expect(try clerr.next() == nil)
        for (name, kind) in [("ncl", SIPFramingError.Kind.invalidContentLength), ("mcl01", .multipleContentLength)] {
            var framer = SIPStreamFramer()
            framer.append(Fixtures.bytes("invalid", name))
            do {
                _ = try framer.next()
                Issue.record("\(name) framed")
            } catch {
                #expect(error.kind == kind)
            }
        }
    }

    @Test func semanticsLeftToHigherLayersAreVisible() throws {
        let bext01 = try Self.request("invalid", "bext01")
        #expect(
            bext01.validate(supportedExtensions: [])?.headers[.unsupported]
                == "nothingSupportsThis, nothingSupportsThisEither")
        #expect(bext01.headers.list(.proxyRequire) == ["noProxiesSupportThis", "norDoAnyProxiesSupportThis"])
        let cparam01 = try #require(try Self.request("invalid", "cparam01").headers.contacts().addresses.first)
        #expect(cparam01.parameters.contains("unknownparam") && cparam01.uri.parameters.isEmpty)
        let cparam02 = try #require(try Self.request("invalid", "cparam02").headers.contacts().addresses.first)
        #expect(cparam02.uri.parameters.contains("unknownparam") && cparam02.parameters.isEmpty)
        let regescrt = try #require(try Self.request("invalid", "regescrt").headers.contacts().addresses.first)
        #expect(regescrt.uri.headers.map(\.name) == ["Route"])
        let inv2543 = try Self.request("invalid", "inv2543")
        #expect(try inv2543.headers.topVia().branch == nil)
        #expect(try inv2543.headers.from().tag == nil)
        #expect(inv2543.headers.maxForwards() == nil)
        #expect(inv2543.headers[.contentLength] == String(inv2543.body.count))
        let unksm2 = try Self.request("invalid", "unksm2")
        #expect(try unksm2.headers.to().uri.scheme == .other("isbn"))
        #expect(try unksm2.headers.from().uri.scheme == .other("http"))
        #expect(try unksm2.headers.contacts().addresses.first?.uri.scheme == .other("name"))
        #expect(try Self.request("invalid", "zeromf").headers.maxForwards() == 0)
        let scalar02 = try Self.request("invalid", "scalar02")
        #expect(scalar02.headers.expires() == nil)
        #expect(scalar02.headers.maxForwards() == nil)
        #expect(try scalar02.headers.contacts().addresses.first?.expires == nil)
        let bcast = try #require(try SIPMessage(parsing: Fixtures.bytes("invalid", "bcast")).response)
        #expect(try bcast.headers.vias()[1].host == "255.255.255.255")
        #expect(
            try Self.request("invalid", "regaut01").headers[.authorization] == "NoOneKnowsThisScheme opaque-data=here")
    }
}
