import CastorCore
import CastorModel
import SIPAuth
import SIPCodec
import Testing

@testable import PBXCore

@Suite("Registrar: digest authentication (RFC 7616, RFC 3261 §22)")
struct RegistrarAuthenticationTests {
    @Test("a REGISTER without credentials is challenged: 401, one WWW-Authenticate per algorithm, To tag")
    func challenge() throws {
        var fixture = RegistrarFixture()
        let outcome = fixture.send(RegistrarFixture.register())
        #expect(outcome.response.statusCode == 401)
        let challenges = try outcome.response.headers.values(.wwwAuthenticate).map { try DigestChallenge(parsing: $0) }
        #expect(challenges.map(\.algorithm) == [.md5, .sha256])
        #expect(challenges.allSatisfy { $0.realm == "castor" && $0.qop == ["auth"] && !$0.stale })
        #expect(try outcome.response.headers.to().tag == "t1")
        #expect(outcome.changes.isEmpty)
        #expect(outcome.event == .challenged(stale: false))
    }

    @Test("the right password registers (MD5 and SHA-256); the 200 lists the binding with its expiry and a Date")
    func register() throws {
        for algorithm in [DigestAlgorithm.md5, .sha256] {
            var fixture = RegistrarFixture()
            let request = RegistrarFixture.register()
            let challenge = fixture.send(request)
            let outcome = fixture.send(RegistrarFixture.answering(challenge.response, request, algorithm: algorithm))
            #expect(outcome.response.statusCode == 200)
            #expect(outcome.response.headers.values(.contact) == ["<sip:1001@192.0.2.10:5060>;expires=3600"])
            #expect(outcome.response.headers[.date] == "Tue, 14 Nov 2023 22:13:20 GMT")
            guard case .save(let binding) = outcome.changes.first else {
                Issue.record("no binding saved")
                return
            }
            #expect(binding.lineID == 1 && binding.contact == "sip:1001@192.0.2.10:5060")
            #expect(binding.expiresAt == fixture.wallClock + 3600)
            #expect(binding.userAgent == "snomD715/10.1.54.13")
            #expect(fixture.registrar.bindings(lineID: 1) == [binding])
        }
    }

    @Test("a wrong password gets 401 again, then 403; it never registers")
    func wrongPassword() throws {
        var fixture = RegistrarFixture()
        let request = RegistrarFixture.register()
        var challenge = fixture.send(request)
        var statuses: [Int] = []
        for _ in 0..<3 {
            let outcome = fixture.send(RegistrarFixture.answering(challenge.response, request, password: "wrong"))
            statuses.append(outcome.response.statusCode)
            #expect(outcome.changes.isEmpty)
            if outcome.response.statusCode == 401 { challenge = outcome }
        }
        #expect(statuses == [401, 403, 403])
        #expect(fixture.registrar.bindings(lineID: 1).isEmpty)
        #expect(fixture.registrar.failuresBySource.failures(source: "192.0.2.10", now: fixture.now) == 3)
    }

    @Test("an unknown user gets exactly the answers a wrong password gets (no user enumeration)")
    func unknownUser() throws {
        func statuses(user: String, password: String) -> [Int] {
            var fixture = RegistrarFixture()
            let request = RegistrarFixture.register(user: user)
            var challenge = fixture.send(request)
            var statuses = [challenge.response.statusCode]
            for _ in 0..<2 {
                let outcome = fixture.send(
                    RegistrarFixture.answering(challenge.response, request, user: user, password: password))
                statuses.append(outcome.response.statusCode)
                if outcome.response.statusCode == 401 { challenge = outcome }
            }
            return statuses
        }
        #expect(statuses(user: "1999", password: "anything") == statuses(user: "1001", password: "wrong"))
    }

    @Test("a replayed nonce count is refused with a fresh stale challenge")
    func replay() throws {
        var fixture = RegistrarFixture()
        let request = RegistrarFixture.register()
        let challenge = fixture.send(request)
        let answered = RegistrarFixture.answering(challenge.response, request)
        #expect(fixture.send(answered).response.statusCode == 200)
        let replayed = fixture.send(answered)
        #expect(replayed.response.statusCode == 401)
        #expect(replayed.event == .challenged(stale: true))
        let stale = try DigestChallenge(parsing: replayed.response.headers[.wwwAuthenticate] ?? "")
        #expect(stale.stale)
    }

    @Test("an expired nonce is answered stale=true; a fresh answer then registers")
    func staleNonce() throws {
        var fixture = RegistrarFixture()
        let request = RegistrarFixture.register()
        let challenge = fixture.send(request)
        fixture.now = fixture.now + .seconds(301)
        let late = fixture.send(RegistrarFixture.answering(challenge.response, request))
        #expect(late.response.statusCode == 401 && late.event == .challenged(stale: true))
        let retried = fixture.send(RegistrarFixture.answering(late.response, request))
        #expect(retried.response.statusCode == 200)
    }

    @Test("a nonce of an earlier run with the right password gets stale=true, a forged one counts as a failure")
    func nonceOfEarlierRun() throws {
        var earlier = RegistrarFixture()
        let request = RegistrarFixture.register()
        let oldChallenge = earlier.send(request)
        var restarted = RegistrarFixture()
        restarted.registrar = Registrar(
            configuration: restarted.configuration, lines: earlier.registrar.allLines, bindings: [],
            nonceSecret: Array(repeating: 9, count: 32))
        let outcome = restarted.send(RegistrarFixture.answering(oldChallenge.response, request))
        #expect(outcome.event == .challenged(stale: true))
        let forged = restarted.send(RegistrarFixture.answering(oldChallenge.response, request, password: "wrong"))
        #expect(forged.response.statusCode == 401)
        #expect(forged.event == .authenticationFailed(username: "1001", failures: 1, forbidden: false))
    }

    @Test("a line may only register its own address-of-record")
    func otherAOR() throws {
        var fixture = RegistrarFixture()
        let request = RegistrarFixture.register(to: "1002")
        let challenge = fixture.send(request)
        let outcome = fixture.send(RegistrarFixture.answering(challenge.response, request, user: "1001"))
        #expect(outcome.response.statusCode == 403)
        #expect(fixture.registrar.bindings(lineID: 2).isEmpty)
    }

    @Test("a malformed Authorization header is a 400")
    func malformedCredentials() throws {
        var fixture = RegistrarFixture()
        let outcome = fixture.send(RegistrarFixture.register(extra: [(.authorization, "Digest username=")]))
        #expect(outcome.response.statusCode == 400)
    }
}

@Suite("Registrar: bindings (RFC 3261 §10.3)")
struct RegistrarBindingTests {
    @Test("Expires below the minimum gets 423 with Min-Expires; above the maximum is shortened")
    func expiryBounds() throws {
        var fixture = RegistrarFixture()
        let short = fixture.registerAuthenticated(RegistrarFixture.register(expires: 30))
        #expect(short.response.statusCode == 423)
        #expect(short.response.headers[.minExpires] == "60")
        let long = fixture.registerAuthenticated(RegistrarFixture.register(expires: 86_400, callID: "c2"))
        #expect(long.response.headers.values(.contact) == ["<sip:1001@192.0.2.10:5060>;expires=3600"])
        let parameter = fixture.registerAuthenticated(
            RegistrarFixture.register(contact: "<sip:1001@192.0.2.10:5060>;expires=120", expires: nil, callID: "c3"))
        #expect(parameter.response.headers.values(.contact) == ["<sip:1001@192.0.2.10:5060>;expires=120"])
    }

    @Test("Expires: 0 removes the contact; Contact: * with Expires: 0 removes them all")
    func unregister() throws {
        var fixture = RegistrarFixture()
        _ = fixture.registerAuthenticated(RegistrarFixture.register(contact: "<sip:1001@192.0.2.10:5060>"))
        _ = fixture.registerAuthenticated(
            RegistrarFixture.register(contact: "<sip:1001@192.0.2.11:5060>", callID: "c2"))
        #expect(fixture.registrar.bindings(lineID: 1).count == 2)
        let one = fixture.registerAuthenticated(
            RegistrarFixture.register(contact: "<sip:1001@192.0.2.11:5060>", expires: 0, callID: "c2", cseq: 5))
        #expect(one.response.statusCode == 200)
        #expect(one.changes == [.remove(lineID: 1, contact: "sip:1001@192.0.2.11:5060")])
        #expect(fixture.registrar.bindings(lineID: 1).map(\.contact) == ["sip:1001@192.0.2.10:5060"])
        let all = fixture.registerAuthenticated(RegistrarFixture.register(contact: "*", expires: 0, callID: "c9"))
        #expect(all.response.statusCode == 200)
        #expect(all.response.headers.values(.contact).isEmpty)
        #expect(fixture.registrar.bindings(lineID: 1).isEmpty)
        let bad = fixture.registerAuthenticated(RegistrarFixture.register(contact: "*", expires: 60, callID: "c10"))
        #expect(bad.response.statusCode == 400)
    }

    @Test("a REGISTER with no Contact is a query: 200 with the current bindings, nothing changed")
    func query() throws {
        var fixture = RegistrarFixture()
        _ = fixture.registerAuthenticated(RegistrarFixture.register())
        var request = RegistrarFixture.register(callID: "q")
        request.headers.remove(.contact)
        let outcome = fixture.registerAuthenticated(request)
        #expect(outcome.response.statusCode == 200 && outcome.changes.isEmpty)
        #expect(outcome.response.headers.values(.contact).count == 1)
    }

    @Test("an older CSeq with the same Call-ID is refused with 500 (§10.3 step 7)")
    func outOfOrder() throws {
        var fixture = RegistrarFixture()
        _ = fixture.registerAuthenticated(RegistrarFixture.register(cseq: 10))
        let old = fixture.registerAuthenticated(RegistrarFixture.register(cseq: 3))
        #expect(old.response.statusCode == 500)
    }

    @Test("beyond max_contacts, the oldest registration makes room")
    func maxContacts() throws {
        var fixture = RegistrarFixture()
        for (index, host) in ["192.0.2.1", "192.0.2.2", "192.0.2.3"].enumerated() {
            fixture.wallClock += 10
            _ = fixture.registerAuthenticated(
                RegistrarFixture.register(contact: "<sip:1001@\(host):5060>", callID: "c\(index)"))
        }
        #expect(
            fixture.registrar.bindings(lineID: 1).map(\.contact) == [
                "sip:1001@192.0.2.2:5060", "sip:1001@192.0.2.3:5060",
            ])
    }

    @Test("behind NAT (Via differs from the source) requests go to the source; otherwise to the Contact")
    func nat() throws {
        var fixture = RegistrarFixture()
        let natted = SIPSource(transport: "udp", address: "203.0.113.5", port: 40_000)
        let request = RegistrarFixture.register(
            contact: "<sip:1001@192.168.1.10:5060>", via: "SIP/2.0/UDP 192.168.1.10:5060;branch=z9hG4bK-n;rport")
        let outcome = fixture.registerAuthenticated(request, from: natted)
        #expect(outcome.response.headers.values(.contact) == ["<sip:1001@192.168.1.10:5060>;expires=3600"])
        let binding = try #require(fixture.registrar.bindings(lineID: 1).first)
        #expect(binding.target == "sip:1001@203.0.113.5:40000")
        #expect(binding.contact == "sip:1001@192.168.1.10:5060")
        var direct = RegistrarFixture()
        _ = direct.registerAuthenticated(RegistrarFixture.register())
        #expect(direct.registrar.bindings(lineID: 1).first?.target == "sip:1001@192.0.2.10:5060")
    }

    @Test("expiry removes bindings whose time has passed; a reload keeps the bindings of lines that remain")
    func expiryAndReload() throws {
        var fixture = RegistrarFixture()
        _ = fixture.registerAuthenticated(RegistrarFixture.register(expires: 60))
        #expect(fixture.registrar.expire(wallClock: fixture.wallClock + 59).isEmpty)
        #expect(
            fixture.registrar.expire(wallClock: fixture.wallClock + 60) == [
                .remove(lineID: 1, contact: "sip:1001@192.0.2.10:5060")
            ])
        _ = fixture.registerAuthenticated(RegistrarFixture.register(callID: "again"))
        let newSecret = RegistrarLine(
            lineID: 1, username: "1001", secret: "changed", context: "comptabilite", maxContacts: 2,
            configuration: fixture.configuration)
        #expect(fixture.registrar.replaceLines([newSecret]).isEmpty)
        #expect(fixture.registrar.bindings(lineID: 1).count == 1)
        #expect(fixture.registrar.replaceLines([]) == [.remove(lineID: 1, contact: "sip:1001@192.0.2.10:5060")])
    }

    @Test("stored bindings are loaded at start")
    func loaded() throws {
        let stored = SIPBinding(
            lineID: 2, username: "1002", contact: "sip:1002@192.0.2.20:5060", target: "sip:1002@192.0.2.20:5060",
            transport: "udp", sourceAddress: "192.0.2.20", sourcePort: 5060, callID: "x", cseq: 1,
            registeredAt: 1, expiresAt: 2_000_000_000)
        let fixture = RegistrarFixture(bindings: [stored])
        #expect(fixture.registrar.bindings(lineID: 2) == [stored])
    }
}
