import CastorCore
import CastorModel
import SIPAuth
import SIPCodec
import Testing

@testable import PBXCore

/// The endpoint as a naked server: bytes in, bytes out, a fake clock.
struct EndpointFixture {
    var endpoint: SIPEndpoint
    var now = MonotonicInstant.seconds(1_000)
    let wallClock = 1_700_000_000.0
    let phone = SIPSource(transport: "udp", address: "192.0.2.10", port: 5060)

    init(qualifyFrequency: Int = 0) {
        let registrar = RegistrarFixture().registrar
        endpoint = SIPEndpoint(
            registrar: registrar,
            configuration: SIPEndpointConfiguration(
                advertised: ["udp": "192.0.2.1:5060"], qualifyFrequency: qualifyFrequency),
            seed: 42)
        endpoint.start(now: now, wallClock: wallClock)
    }

    mutating func receive(_ text: String, from source: SIPSource? = nil) -> SIPEndpointOutput {
        var output = SIPEndpointOutput()
        endpoint.receive(Array(text.utf8), from: source ?? phone, now: now, wallClock: wallClock, into: &output)
        return output
    }

    mutating func receive(_ request: SIPRequest, from source: SIPSource? = nil) -> SIPEndpointOutput {
        var output = SIPEndpointOutput()
        endpoint.receive(
            SIPMessage.request(request).serialized(), from: source ?? phone, now: now, wallClock: wallClock,
            into: &output)
        return output
    }

    mutating func advance(by duration: Duration) -> SIPEndpointOutput {
        var output = SIPEndpointOutput()
        let end = now + duration
        // Step in 10 ms ticks, as the service does.
        while now < end {
            now = now + .milliseconds(10)
            endpoint.advance(to: now, wallClock: wallClock, into: &output)
        }
        return output
    }

    static func responses(_ output: SIPEndpointOutput) -> [SIPResponse] {
        output.messages.compactMap {
            guard case .response(let response) = try? SIPMessage(parsing: $0.bytes) else { return nil }
            return response
        }
    }
}

@Suite("SIP endpoint: transactions and the registrar over bytes")
struct SIPEndpointTests {
    @Test("REGISTER → 401 → REGISTER with credentials → 200; the binding change comes with the 200")
    func registration() throws {
        var fixture = EndpointFixture()
        let request = RegistrarFixture.register()
        let challenge = fixture.receive(request)
        let first = try #require(EndpointFixture.responses(challenge).first)
        #expect(first.statusCode == 401)
        #expect(challenge.changes.isEmpty)
        #expect(first.headers[.server] == "Castor")
        var answered = RegistrarFixture.answering(first, request)
        answered.headers.set(.via, "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-2")
        let output = fixture.receive(answered)
        #expect(EndpointFixture.responses(output).map(\.statusCode) == [200])
        #expect(output.changes.count == 1)
        #expect(output.messages.first?.destination == fixture.phone)
    }

    @Test("a retransmitted REGISTER gets the same response again and changes nothing (§17.2.2)")
    func retransmission() throws {
        var fixture = EndpointFixture()
        let request = RegistrarFixture.register()
        let challenge = try #require(EndpointFixture.responses(fixture.receive(request)).first)
        var answered = RegistrarFixture.answering(challenge, request)
        answered.headers.set(.via, "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-2")
        let first = fixture.receive(answered)
        let again = fixture.receive(answered)
        #expect(again.changes.isEmpty)
        #expect(again.messages.map(\.bytes) == first.messages.map(\.bytes))
        #expect(fixture.endpoint.counters.retransmissionsReceived == 1)
        // Still absorbed after 36 s (Timer J is 32 s; the table keeps it 64·T1 + T4 = 37 s); gone just after.
        _ = fixture.advance(by: .seconds(36))
        #expect(fixture.receive(answered).changes.isEmpty)
        #expect(fixture.endpoint.counters.retransmissionsReceived == 2)
        _ = fixture.advance(by: .milliseconds(1_100))
        #expect(fixture.endpoint.servers.isEmpty && fixture.endpoint.serverExpiry.isEmpty)
    }

    @Test("a challenge is stateless (RFC 3261 §8.2.7): no transaction, a retransmission gets the same To tag")
    func statelessChallenge() throws {
        var fixture = EndpointFixture()
        let request = RegistrarFixture.register()
        let first = try #require(EndpointFixture.responses(fixture.receive(request)).first)
        #expect(first.statusCode == 401)
        #expect(fixture.endpoint.servers.isEmpty && fixture.endpoint.serverExpiry.isEmpty)
        let again = try #require(EndpointFixture.responses(fixture.receive(request)).first)
        #expect(again.statusCode == 401)
        #expect(try again.headers.to().tag == first.headers.to().tag)
        #expect(try first.headers.to().tag?.count == 16)
        // Another request (another branch) gets another tag.
        var other = request
        other.headers.set(.via, "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-other")
        let third = try #require(EndpointFixture.responses(fixture.receive(other)).first)
        #expect(try third.headers.to().tag != first.headers.to().tag)
        #expect(fixture.endpoint.counters.statelessResponses == 3)
        #expect(fixture.endpoint.counters.retransmissionsReceived == 0)
        #expect(fixture.endpoint.counters.transactionsCreated == 0)
        // Either challenge's nonce is good: the phone answers the one it received last.
        var answered = RegistrarFixture.answering(first, request)
        answered.headers.set(.via, "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-2")
        #expect(EndpointFixture.responses(fixture.receive(answered)).map(\.statusCode) == [200])
        #expect(fixture.endpoint.counters.transactionsCreated == 1)
        // A REGISTER validation refuses is answered statelessly too.
        var unsupported = RegistrarFixture.register(via: "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-3")
        unsupported.headers.append(.require, "frobnication")
        let refused = try #require(EndpointFixture.responses(fixture.receive(unsupported)).first)
        #expect(refused.statusCode == 420)
        #expect(fixture.endpoint.counters.transactionsCreated == 1)
        #expect(fixture.endpoint.counters.statelessResponses == 4)
    }

    @Test(
        "a malformed Contact in a REGISTER: challenged first (authentication is §10.3 step 3), 400 once authenticated"
    )
    func malformedContactAfterAuthentication() throws {
        var fixture = EndpointFixture()
        var request = RegistrarFixture.register()
        request.headers.set(.contact, "<sip:1001@192.0.2.10:5060")
        let challenge = try #require(EndpointFixture.responses(fixture.receive(request)).first)
        #expect(challenge.statusCode == 401)
        var answered = RegistrarFixture.answering(challenge, request)
        answered.headers.set(.via, "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-2")
        let output = fixture.receive(answered)
        #expect(EndpointFixture.responses(output).map(\.statusCode) == [400])
        #expect(output.changes.isEmpty)
        #expect(fixture.endpoint.registrar.bindings(lineID: 1).isEmpty)
    }

    @Test("a failed attempt is stateful: its retransmission is absorbed and counts once")
    func failedAttemptIsStateful() throws {
        var fixture = EndpointFixture()
        let request = RegistrarFixture.register()
        let challenge = try #require(EndpointFixture.responses(fixture.receive(request)).first)
        var wrong = RegistrarFixture.answering(challenge, request, password: "nope")
        wrong.headers.set(.via, "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-2")
        let first = fixture.receive(wrong)
        let again = fixture.receive(wrong)
        #expect(again.messages.map(\.bytes) == first.messages.map(\.bytes))
        #expect(fixture.endpoint.counters.authFailures == 1)
        #expect(fixture.endpoint.counters.retransmissionsReceived == 1)
    }

    @Test("rport is filled with the source port and the response goes there (RFC 3581)")
    func rport() throws {
        var fixture = EndpointFixture()
        let natted = SIPSource(transport: "udp", address: "203.0.113.5", port: 40_000)
        let request = RegistrarFixture.register(via: "SIP/2.0/UDP 192.168.1.10:5060;branch=z9hG4bK-r;rport")
        let output = fixture.receive(request, from: natted)
        let response = try #require(EndpointFixture.responses(output).first)
        #expect(output.messages.first?.destination == natted)
        let via = try #require(try response.headers.vias().first)
        #expect(via.received == "203.0.113.5")
        #expect(via.rport == .value(40_000))
    }

    @Test(
        "OPTIONS gets 200 with Allow; INVITE without credentials gets 407 and its ACK is absorbed; CANCEL of it gets 200"
    )
    func otherMethods() throws {
        var fixture = EndpointFixture()
        let options = """
            OPTIONS sip:castor SIP/2.0\r
            Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-o\r
            From: <sip:1001@castor>;tag=a\r
            To: <sip:castor>\r
            Call-ID: o1\r
            CSeq: 1 OPTIONS\r
            Max-Forwards: 70\r
            Content-Length: 0\r
            \r

            """
        let answer = try #require(EndpointFixture.responses(fixture.receive(options)).first)
        #expect(answer.statusCode == 200)
        #expect(answer.headers[.allow]?.contains("REGISTER") == true)
        let invite = options.replacingOccurrences(of: "OPTIONS", with: "INVITE").replacingOccurrences(
            of: "z9hG4bK-o", with: "z9hG4bK-i")
        let refused = try #require(EndpointFixture.responses(fixture.receive(invite)).first)
        #expect(refused.statusCode == 407)
        let cancel = invite.replacingOccurrences(of: "INVITE", with: "CANCEL")
        #expect(EndpointFixture.responses(fixture.receive(cancel)).map(\.statusCode) == [200])
        let ack = invite.replacingOccurrences(of: "INVITE", with: "ACK")
        #expect(fixture.receive(ack).messages.isEmpty)
        // Timer G retransmits the 407 until the ACK; after it, nothing more.
        #expect(fixture.advance(by: .seconds(2)).messages.isEmpty)
    }

    @Test("an unacknowledged 407 to INVITE is retransmitted on Timer G (0.5, 1, 2 s…) over UDP")
    func timerG() throws {
        var fixture = EndpointFixture()
        let invite = """
            INVITE sip:1002@castor SIP/2.0\r
            Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-g\r
            From: <sip:1001@castor>;tag=a\r
            To: <sip:1002@castor>\r
            Call-ID: g1\r
            CSeq: 1 INVITE\r
            Max-Forwards: 70\r
            Content-Length: 0\r
            \r

            """
        #expect(EndpointFixture.responses(fixture.receive(invite)).map(\.statusCode) == [407])
        #expect(fixture.advance(by: .milliseconds(3_600)).messages.count == 3)
        #expect(fixture.endpoint.counters.retransmissionsSent == 3)
    }

    @Test("garbage and requests without Via are dropped and counted, never answered")
    func malformed() throws {
        var fixture = EndpointFixture()
        #expect(fixture.receive("NOT SIP AT ALL\r\n\r\n").messages.isEmpty)
        let noVia = "OPTIONS sip:castor SIP/2.0\r\nCall-ID: x\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n"
        #expect(fixture.receive(noVia).messages.isEmpty)
        #expect(fixture.endpoint.counters.malformed == 2)
    }

    @Test("a request the codec rejects gets the status it owes (505 for SIP/3.0)")
    func validation() throws {
        var fixture = EndpointFixture()
        let request = """
            OPTIONS sip:castor SIP/3.0\r
            Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-v\r
            From: <sip:1001@castor>;tag=a\r
            To: <sip:castor>\r
            Call-ID: v1\r
            CSeq: 1 OPTIONS\r
            Content-Length: 0\r
            \r

            """
        let responses = EndpointFixture.responses(fixture.receive(request))
        #expect(responses.map(\.statusCode) == [505])
    }

    @Test("a registered contact is qualified with OPTIONS: an answer makes it OK with an RTT, silence UNREACHABLE")
    func qualify() throws {
        var fixture = EndpointFixture(qualifyFrequency: 60)
        let request = RegistrarFixture.register()
        let challenge = try #require(EndpointFixture.responses(fixture.receive(request)).first)
        var answered = RegistrarFixture.answering(challenge, request)
        answered.headers.set(.via, "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-2")
        _ = fixture.receive(answered)
        var sent = SIPEndpointOutput()
        for _ in 0..<100 where sent.messages.isEmpty { sent = fixture.advance(by: .milliseconds(10)) }
        let options = try #require(sent.messages.first)
        #expect(options.destination == fixture.phone)
        guard case .request(let probe) = try SIPMessage(parsing: options.bytes) else {
            Issue.record("not a request")
            return
        }
        #expect(probe.method == .options)
        #expect(probe.uri.description == "sip:1001@192.0.2.10:5060")
        fixture.now = fixture.now + .milliseconds(12)
        var ok = SIPResponse(answering: probe, statusCode: 200, toTag: "p")
        ok.headers.remove(.contentLength)
        var output = SIPEndpointOutput()
        fixture.endpoint.receive(
            SIPMessage.response(ok).serialized(), from: fixture.phone, now: fixture.now,
            wallClock: fixture.wallClock, into: &output)
        let state = fixture.endpoint.reachability(lineID: 1, contact: "sip:1001@192.0.2.10:5060")
        #expect(state.state == .reachable)
        #expect(state.roundTrip == .milliseconds(12))
        // The next probe is never answered: Timer F (32 s) makes it unreachable.
        _ = fixture.advance(by: .seconds(60 + 33))
        #expect(fixture.endpoint.reachability(lineID: 1, contact: "sip:1001@192.0.2.10:5060").state == .unreachable)
        #expect(fixture.endpoint.counters.qualifyTimeouts == 1)
    }
}

@Suite("SIP endpoint: overload and large requests")
struct SIPEndpointOverloadTests {
    @Test("past a batch's budget, new requests get 503 with Retry-After; retransmissions still get their answer")
    func budget() throws {
        var fixture = EndpointFixture()
        fixture.endpoint.beginBatch(budget: 2)
        let first = RegistrarFixture.register()
        let challenge = try #require(EndpointFixture.responses(fixture.receive(first)).first)
        #expect(challenge.statusCode == 401)
        var answered = RegistrarFixture.answering(challenge, first)
        answered.headers.set(.via, "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-2")
        #expect(EndpointFixture.responses(fixture.receive(answered)).map(\.statusCode) == [200])
        let second = RegistrarFixture.register(
            user: "1002", callID: "c2", via: "SIP/2.0/UDP 192.0.2.11:5060;branch=z9hG4bK-b2")
        let refused = try #require(EndpointFixture.responses(fixture.receive(second)).first)
        #expect(refused.statusCode == 503)
        #expect(refused.headers[.retryAfter] == "2")
        // The registration's transaction answers its retransmission whatever the budget.
        #expect(EndpointFixture.responses(fixture.receive(answered)).map(\.statusCode) == [200])
        #expect(fixture.endpoint.counters.overloaded == 1)
    }

    @Test("an OPTIONS keepalive over 1300 bytes goes over TCP (RFC 3261 §18.1.1)")
    func largeRequestOverTCP() throws {
        var fixture = EndpointFixture(qualifyFrequency: 60)
        let long = String(repeating: "x", count: 1_400)
        let request = RegistrarFixture.register(contact: "<sip:1001@192.0.2.10:5060;long=\(long)>")
        let challenge = try #require(EndpointFixture.responses(fixture.receive(request)).first)
        var answered = RegistrarFixture.answering(challenge, request)
        answered.headers.set(.via, "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-2")
        #expect(EndpointFixture.responses(fixture.receive(answered)).map(\.statusCode) == [200])
        var sent = SIPEndpointOutput()
        for _ in 0..<100 where sent.messages.isEmpty { sent = fixture.advance(by: .milliseconds(10)) }
        let options = try #require(sent.messages.first)
        #expect(options.bytes.count > 1_300)
        #expect(options.destination.transport == "tcp")
        #expect(String(decoding: options.bytes, as: UTF8.self).contains("Via: SIP/2.0/TCP "))
    }
}
