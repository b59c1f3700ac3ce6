import CastorCore
import CastorModel
import SIPAuth
import SIPCodec
import Testing

@testable import PBXCore

/// Phones that provision themselves: the autoprov context's dial plan, provisioning codes dialled by an
/// autoprov account (right, wrong, locked out), and the check-sync NOTIFY (shape, retransmissions, once per
/// request), on the naked endpoint with a fake clock.
@Suite("autoprov: provisioning codes and check-sync")
struct AutoprovTests {
    static let deviceID: Int64 = 7
    static let account = "apk3m9x2q7wz"
    /// The autoprov phone's address.
    static let phone = SIPSource(transport: "udp", address: "192.0.2.50", port: 5060)
    /// 1001's code (line 1 has no binding in the fixture, so its NOTIFYs go to the autoprov phone only).
    static let code1001 = "480271"

    /// The call fixture with device 7's autoprov account registered from 192.0.2.50, and codes for 1001 and
    /// 1002.
    static func fixture() -> CallFixture {
        var fixture = CallFixture()
        var output = SIPEndpointOutput()
        fixture.endpoint.replaceAutoprovAccounts(
            [
                .autoprov(
                    deviceID: deviceID, username: account, secret: "pw" + account,
                    configuration: RegistrarConfiguration())
            ], into: &output)
        fixture.endpoint.dialPlan.provisioningCodes = [code1001: 1, "902113": 2]
        let register = RegistrarFixture.register(
            user: account, contact: "<sip:\(account)@192.0.2.50:5060>",
            via: "SIP/2.0/UDP 192.0.2.50:5060;branch=z9hG4bK-r1")
        let challenge = fixture.receive(text(register), from: phone).compactMap(\.response).first
        if let challenge {
            var answered = RegistrarFixture.answering(challenge, register, user: account, password: "pw" + account)
            answered.headers.set(.via, "SIP/2.0/UDP 192.0.2.50:5060;branch=z9hG4bK-r2")
            _ = fixture.receive(text(answered), from: phone)
        }
        return fixture
    }

    static func text(_ request: SIPRequest) -> String {
        String(decoding: SIPMessage.request(request).serialized(), as: UTF8.self)
    }

    static func dial(_ number: String, _ fixture: inout CallFixture) -> [SIPMessageOut] {
        fixture.placeCall(to: number, from: account, source: phone)
    }

    static func binds(_ fixture: CallFixture) -> [ProvisioningCodeRequest] {
        fixture.provisioning.compactMap { if case .bind(let request) = $0 { request } else { nil } }
    }

    static func request(_ lineIDs: [Int64], at time: String = "2026-11-24T10:00:00Z", ip: String? = nil)
        -> ResyncRequest
    {
        ResyncRequest(deviceID: deviceID, mac: "00:04:13:aa:bb:ee", requestedAt: time, lineIDs: lineIDs, lastSeenIP: ip)
    }

    @Test("the autoprov context reaches six-digit codes only; codes route from no other context")
    func dialPlan() {
        let plan = DialPlan(
            contexts: [Context(name: "comptabilite", displayName: "Comptabilité")],
            extensions: [Extension(context: "comptabilite", exten: "1001", lineID: 1)],
            provisioningCodes: ["480271": 1])
        let autoprov = DialPlan.autoprovContext
        #expect(plan.route("480271", from: autoprov) == .provisioningCode(lineID: 1))
        #expect(plan.route("480272", from: autoprov) == .unknownProvisioningCode)
        for number in ["1001", "112", "117", "48027", "4802711", "48027a", "*98", ""] {
            #expect(plan.route(number, from: autoprov) == .autoprovRestricted, "\(number)")
        }
        #expect(plan.route("480271", from: "comptabilite") == .notFound)
        #expect(plan.route("1001", from: "comptabilite") == .line(lineID: 1, context: "comptabilite"))
    }

    @Test("the autoprov account registers; its binding is never a change to store")
    func registrationIsNotStored() {
        let fixture = Self.fixture()
        #expect(fixture.endpoint.registrar.bindings(lineID: -Self.deviceID).count == 1)
        #expect(fixture.storedChanges.isEmpty)
    }

    @Test("an extension or an emergency number from an autoprov account: 403, nothing rings")
    func onlyCodes() {
        var fixture = Self.fixture()
        for number in ["1002", "112"] {
            let sent = Self.dial(number, &fixture)
            #expect(sent.responses(403).count == 1, "\(number)")
            #expect(sent.requests(.invite).isEmpty)
        }
        #expect(fixture.media.allocated.isEmpty)
        #expect(Self.binds(fixture).isEmpty)
    }

    @Test("a wrong code gets 404; five in a minute lock the account (403, even for a right code) for the minute")
    func wrongCodes() {
        var fixture = Self.fixture()
        for attempt in 1...5 {
            let sent = Self.dial("11111\(attempt)", &fixture)
            #expect(sent.responses(404).count == 1, "attempt \(attempt)")
        }
        let locked = Self.dial(Self.code1001, &fixture)
        #expect(locked.responses(403).first?.reasonPhrase == "Too Many Wrong Codes")
        #expect(Self.binds(fixture).isEmpty)
        _ = fixture.advance(by: .seconds(61))
        let held = Self.dial(Self.code1001, &fixture)
        #expect(held.compactMap(\.response).allSatisfy { $0.statusCode < 200 })
        #expect(Self.binds(fixture).count == 1)
    }

    @Test("a right code: the INVITE is held, the device bound, then 480 and check-sync; the account is retired")
    func rightCode() throws {
        var fixture = Self.fixture()
        let held = Self.dial(Self.code1001, &fixture)
        #expect(held.compactMap(\.response).allSatisfy { $0.statusCode < 200 })
        let bind = try #require(Self.binds(fixture).first)
        #expect(bind.deviceID == Self.deviceID && bind.lineID == 1 && bind.account == Self.account)

        var output = SIPEndpointOutput()
        fixture.endpoint.provisioned(
            bind.id, result: .bound(Self.request([1]), previous: nil), now: fixture.now, into: &output)
        let sent = output.messages.compactMap(SIPMessageOut.init)
        let final = try #require(sent.compactMap(\.response).first)
        #expect(final.statusCode == 480 && final.reasonPhrase == "Provisioned, Resyncing")
        let notify = try #require(sent.requests(.notify).first)
        #expect(notify.uri.description == "sip:\(Self.account)@192.0.2.50:5060")
        #expect(sent.first(where: { $0.request?.method == .notify })?.destination.address == "192.0.2.50")
        #expect(fixture.endpoint.registrar.line(username: Self.account) == nil)
        #expect(fixture.endpoint.registrar.bindings(lineID: -Self.deviceID).isEmpty)
        #expect(output.changes.isEmpty)
        // Retired: the account cannot dial again.
        let again = Self.dial(Self.code1001, &fixture)
        #expect(again.contains { ($0.response?.statusCode ?? 0) == 407 })
    }

    @Test("the store refuses (the device has a line already): the held INVITE gets its status, no NOTIFY")
    func refusedByStore() throws {
        var fixture = Self.fixture()
        _ = Self.dial(Self.code1001, &fixture)
        let bind = try #require(Self.binds(fixture).first)
        var output = SIPEndpointOutput()
        fixture.endpoint.provisioned(
            bind.id, result: .refused(status: 403, reason: "Phone Already Provisioned"), now: fixture.now,
            into: &output)
        let sent = output.messages.compactMap(SIPMessageOut.init)
        #expect(sent.responses(403).count == 1)
        #expect(sent.requests(.notify).isEmpty)
    }

    @Test("check-sync: NOTIFY with Event check-sync;reboot=false, Subscription-State terminated, no body")
    func notifyShape() throws {
        var fixture = Self.fixture()
        var output = SIPEndpointOutput()
        fixture.endpoint.resync(pending: [Self.request([])], now: fixture.now, into: &output)
        let notify = try #require(output.messages.compactMap(SIPMessageOut.init).requests(.notify).first)
        #expect(notify.headers[.event] == "check-sync;reboot=false")
        #expect(notify.headers.values(SIPHeaderName("Subscription-State")) == ["terminated"])
        #expect(notify.headers[.contentLength] == "0")
        #expect(notify.body.isEmpty)
        #expect(notify.headers[.cseq] == "1 NOTIFY")
        #expect(notify.headers[.to] == "<sip:\(Self.account)@192.0.2.1>")
        #expect(try notify.headers.vias().first?.branch?.hasPrefix("z9hG4bK") == true)
        #expect(
            output.provisioning.contains {
                if case .log(.checkSyncSent(let mac, _, _)) = $0 { mac == "00:04:13:aa:bb:ee" } else { false }
            })
    }

    @Test("check-sync over UDP is retransmitted (Timer E: 0.5, 1, 2, 4, 4… s) until a final response")
    func retransmission() throws {
        var fixture = Self.fixture()
        var output = SIPEndpointOutput()
        fixture.endpoint.resync(pending: [Self.request([])], now: fixture.now, into: &output)
        let first = try #require(output.messages.first)
        var resent = fixture.advance(by: .milliseconds(500)).filter { $0.request?.method == .notify }
        #expect(resent.count == 1)
        resent += fixture.advance(by: .milliseconds(1_000)).filter { $0.request?.method == .notify }
        #expect(resent.count == 2)
        let notify = try #require(SIPMessageOut(first)?.request)
        _ = fixture.receive(CallFixture.answer(notify, status: 200, toTag: "p"), from: Self.phone)
        let after = fixture.advance(by: .seconds(10)).filter { $0.request?.method == .notify }
        #expect(after.isEmpty)
        #expect(
            fixture.provisioning.contains {
                if case .log(.checkSyncAnswered(_, _, 200)) = $0 { true } else { false }
            })
    }

    @Test("check-sync nobody answers: 11 sends over Timer F's 32 s, then logged as not answered")
    func timeout() throws {
        var fixture = Self.fixture()
        var output = SIPEndpointOutput()
        fixture.endpoint.resync(pending: [Self.request([])], now: fixture.now, into: &output)
        let resent = fixture.advance(by: .seconds(33)).filter { $0.request?.method == .notify }
        #expect(output.messages.count + resent.count == 11)
        #expect(fixture.provisioning.contains { if case .log(.checkSyncFailed) = $0 { true } else { false } })
    }

    @Test("once per request: polled again, no second NOTIFY; a new request, a new one; no contact yet, later")
    func oncePerRequest() {
        var fixture = Self.fixture()
        func notifies(_ pending: [ResyncRequest]) -> Int {
            var output = SIPEndpointOutput()
            fixture.endpoint.resync(pending: pending, now: fixture.now, into: &output)
            return output.messages.compactMap(SIPMessageOut.init).requests(.notify).count
        }
        #expect(notifies([Self.request([])]) == 1)
        #expect(notifies([Self.request([])]) == 0)
        #expect(notifies([Self.request([], at: "2026-11-24T10:05:00Z")]) == 1)
        // Device 9: no line, no account, seen nowhere: nothing to send yet, nothing marked.
        let quiet = ResyncRequest(deviceID: 9, mac: "00:04:13:aa:bb:09", requestedAt: "t", lineIDs: [], lastSeenIP: nil)
        #expect(notifies([quiet]) == 0)
        var bound = quiet
        bound.lineIDs = [3]  // 2001, registered from Claire's phone
        #expect(notifies([bound]) == 1)
        #expect(notifies([bound]) == 0)
    }

    @Test("check-sync reaches the lines' contacts and any binding from the device's last-seen address, once each")
    func targets() {
        var fixture = Self.fixture()
        var output = SIPEndpointOutput()
        let request = ResyncRequest(
            deviceID: 9, mac: "00:04:13:aa:bb:09", requestedAt: "t", lineIDs: [2], lastSeenIP: "192.0.2.20")
        fixture.endpoint.resync(pending: [request], now: fixture.now, into: &output)
        let destinations = output.messages.compactMap(SIPMessageOut.init).filter { $0.request?.method == .notify }
            .map(\.destination.address).sorted()
        // 1002's desk phone (line and address both match: once) and softphone.
        #expect(destinations == ["192.0.2.20", "192.0.2.21"])
    }
}
