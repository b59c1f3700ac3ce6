import CastorModel
import SDP
import SIPCodec
import Testing

@testable import PBXCore

@Suite("B2BUA: calls between lines, with a recording relay")
struct B2BUATests {
    @Test("an INVITE without credentials is challenged with 407 and rings nobody")
    func challenged() {
        var fixture = CallFixture()
        let out = fixture.receive(fixture.invite(), from: fixture.alice)
        #expect(out.responses(407).count == 1)
        #expect(out.responses(407).first?.headers.contains(.proxyAuthenticate) == true)
        #expect(out.requests(.invite).isEmpty)
        #expect(fixture.media.allocated.isEmpty)
    }

    @Test("1001 calls 1002: forked to both phones, 180 relayed, the first 200 wins, the other fork is cancelled")
    func answeredCall() throws {
        var fixture = CallFixture()
        let out = fixture.placeCall()
        let invites = out.requests(.invite)
        #expect(invites.count == 2)
        let desk = try #require(out.request(.invite, to: "192.0.2.20"))
        let soft = try #require(out.request(.invite, to: "192.0.2.21"))
        // The PBX's offer: the relay's leg-B port, PCMU first (the caller's law), telephone-event.
        let offer = try SessionDescription(parsing: desk.body)
        #expect(offer.media.first?.port == 10_006)
        #expect(offer.media.first?.mediaFormats.first?.codec == .pcmu)
        #expect(desk.headers[.from]?.contains("sip:1001@") == true)
        #expect(desk.headers[.from]?.contains("Alice") == true)

        let ringing = fixture.receive(CallFixture.answer(desk, status: 180, reason: "Ringing"), from: fixture.bobDesk)
        #expect(ringing.responses(180).count == 1)
        _ = fixture.receive(
            CallFixture.answer(soft, status: 180, reason: "Ringing", toTag: "soft"), from: fixture.bobSoft)

        let answered = fixture.receive(
            CallFixture.answer(desk, status: 200, sdp: CallFixture.answerPCMU), from: fixture.bobDesk)
        // ACK to the desk phone, CANCEL to the softphone, 200 with the relay's leg-A port to the caller.
        #expect(answered.request(.ack, to: "192.0.2.20") != nil)
        let cancel = try #require(answered.request(.cancel, to: "192.0.2.21"))
        #expect(Self.branch(cancel) == Self.branch(soft))
        let ok = try #require(answered.responses(200).first)
        #expect(ok.headers[.cseq] == "2 INVITE")
        let answer = try SessionDescription(parsing: ok.body)
        #expect(answer.media.first?.port == 10_004)
        #expect(answer.media.first?.mediaFormats.first?.codec == .pcmu)
        let legs = try #require(fixture.media.connected[1])
        #expect(legs.a.law == .pcmu && legs.b.law == .pcmu)
        #expect(legs.a.address == "192.0.2.10" && legs.a.rtpPort == 4000)
        #expect(legs.b.address == "192.0.2.20" && legs.b.rtpPort == 5000)
        #expect(legs.a.telephoneEvent == 101 && legs.b.telephoneEvent == 101)

        // The softphone answers the CANCEL and its INVITE with 487.
        _ = fixture.receive(CallFixture.answer(cancel, status: 200, toTag: "soft"), from: fixture.bobSoft)
        let acked = fixture.receive(
            CallFixture.answer(soft, status: 487, reason: "Request Terminated", toTag: "soft"), from: fixture.bobSoft)
        #expect(acked.request(.ack, to: "192.0.2.21") != nil)

        // The caller's ACK confirms; its BYE ends the call: 200 to it, BYE to the desk phone, a CDR row.
        _ = fixture.receive(Self.inDialog("ACK", cseq: 2, toTag: ok), from: fixture.alice)
        let bye = fixture.receive(Self.inDialog("BYE", cseq: 3, toTag: ok), from: fixture.alice)
        #expect(bye.responses(200).count == 1)
        let byeToBob = try #require(bye.request(.bye, to: "192.0.2.20"))
        #expect(byeToBob.headers[.to]?.contains("tag=bob-tag") == true)
        #expect(fixture.media.released == [1])
        let record = try #require(fixture.lastRecords.last)
        #expect(record.disposition == .answered)
        #expect(record.caller == "1001" && record.callee == "1002" && record.calleeLine == "1002")
        #expect(record.callerContext == "comptabilite" && record.hangupBy == "caller")
        #expect(record.callerCodec == "PCMU" && record.calleeCodec == "PCMU")
    }

    @Test("a second 200 from another fork is acknowledged and hung up at once")
    func lateSecondAnswer() throws {
        var fixture = CallFixture()
        let out = fixture.placeCall()
        let desk = try #require(out.request(.invite, to: "192.0.2.20"))
        let soft = try #require(out.request(.invite, to: "192.0.2.21"))
        _ = fixture.receive(CallFixture.answer(desk, status: 200, sdp: CallFixture.answerPCMU), from: fixture.bobDesk)
        let late = fixture.receive(
            CallFixture.answer(soft, status: 200, toTag: "soft", sdp: CallFixture.answerPCMU), from: fixture.bobSoft)
        #expect(late.request(.ack, to: "192.0.2.21") != nil)
        #expect(late.request(.bye, to: "192.0.2.21") != nil)
        #expect(late.responses(200).isEmpty)
    }

    @Test("busy: the only phone answers 486, the caller hears 486, the CDR says BUSY")
    func busy() throws {
        var fixture = CallFixture(bobContacts: 1)
        let out = fixture.placeCall()
        let desk = try #require(out.request(.invite, to: "192.0.2.20"))
        let busy = fixture.receive(CallFixture.answer(desk, status: 486, reason: "Busy Here"), from: fixture.bobDesk)
        #expect(busy.request(.ack, to: "192.0.2.20") != nil)
        #expect(busy.responses(486).count == 1)
        #expect(fixture.lastRecords.last?.disposition == .busy)
        #expect(fixture.media.released == [1])
    }

    @Test("no answer: after the ring timeout the caller gets 480 and the ringing phones a CANCEL")
    func noAnswer() throws {
        var fixture = CallFixture(bobContacts: 1)
        let out = fixture.placeCall()
        let desk = try #require(out.request(.invite, to: "192.0.2.20"))
        _ = fixture.receive(CallFixture.answer(desk, status: 180, reason: "Ringing"), from: fixture.bobDesk)
        let early = fixture.advance(by: .seconds(29))
        #expect(early.responses(480).isEmpty)
        let late = fixture.advance(by: .seconds(2))
        #expect(!late.responses(480).isEmpty)
        #expect(late.request(.cancel, to: "192.0.2.20") != nil)
        #expect(fixture.lastRecords.last?.disposition == .noAnswer)
    }

    @Test("CANCEL before the callee said anything: the CANCEL waits for its 180; a 200 crossing it is hung up")
    func cancelRace() throws {
        var fixture = CallFixture(bobContacts: 1)
        let out = fixture.placeCall()
        let desk = try #require(out.request(.invite, to: "192.0.2.20"))
        let cancel = fixture.receive(
            "CANCEL sip:1002@192.0.2.1 SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-1b;rport\r\n"
                + "From: \"Alice\" <sip:1001@192.0.2.1>;tag=alice-tag\r\nTo: <sip:1002@192.0.2.1>\r\n"
                + "Call-ID: call-1@192.0.2.10\r\nCSeq: 2 CANCEL\r\nContent-Length: 0\r\n\r\n", from: fixture.alice)
        #expect(cancel.responses(200).count == 1)
        #expect(cancel.responses(487).count == 1)
        // §9.1: no CANCEL before a provisional response.
        #expect(cancel.requests(.cancel).isEmpty)
        let ringing = fixture.receive(CallFixture.answer(desk, status: 180, reason: "Ringing"), from: fixture.bobDesk)
        #expect(ringing.request(.cancel, to: "192.0.2.20") != nil)
        #expect(ringing.responses(180).isEmpty)
        // The callee answered before the CANCEL reached it: ACK and BYE.
        let crossed = fixture.receive(
            CallFixture.answer(desk, status: 200, sdp: CallFixture.answerPCMU), from: fixture.bobDesk)
        #expect(crossed.request(.ack, to: "192.0.2.20") != nil)
        #expect(crossed.request(.bye, to: "192.0.2.20") != nil)
        #expect(fixture.lastRecords.last?.disposition == .noAnswer)
    }

    @Test("1001 → 2001 is refused (404) until comptabilite includes administratif; then it rings")
    func contexts() throws {
        var closed = CallFixture()
        let refused = closed.placeCall(to: "2001")
        #expect(refused.responses(404).count == 1)
        #expect(closed.lastRecords.last?.disposition == .failed)
        var open = CallFixture(includeAdministratif: true)
        let rings = open.placeCall(to: "2001")
        #expect(rings.request(.invite, to: "192.0.2.30") != nil)
    }

    @Test("PCMU against PCMA: 2001's line allows A-law only; the relay translates between the legs")
    func transcoding() throws {
        var fixture = CallFixture(includeAdministratif: true)
        let pcmuOnly = CallFixture.sdp(port: 4000, formats: "0", extra: "a=rtpmap:0 PCMU/8000\r\n")
        let out = fixture.placeCall(to: "2001", sdp: pcmuOnly)
        let invite = try #require(out.request(.invite, to: "192.0.2.30"))
        let offer = try SessionDescription(parsing: invite.body)
        #expect(offer.media.first?.mediaFormats.compactMap(\.codec) == [.pcma])
        let answerPCMA = CallFixture.sdp(
            address: "192.0.2.30", port: 6000, formats: "8", extra: "a=rtpmap:8 PCMA/8000\r\n")
        let answered = fixture.receive(CallFixture.answer(invite, status: 200, sdp: answerPCMA), from: fixture.claire)
        let ok = try #require(answered.responses(200).first)
        #expect(try SessionDescription(parsing: ok.body).media.first?.mediaFormats.first?.codec == .pcmu)
        let legs = try #require(fixture.media.connected[1])
        #expect(legs.a.law == .pcmu && legs.a.payloadType == 0)
        #expect(legs.b.law == .pcma && legs.b.payloadType == 8)
    }

    @Test("an offer without G.711 gets 488 and allocates nothing")
    func notAcceptable() {
        var fixture = CallFixture()
        let opus = CallFixture.sdp(port: 4000, formats: "96", extra: "a=rtpmap:96 opus/48000/2\r\n")
        let out = fixture.placeCall(sdp: opus)
        #expect(out.responses(488).count == 1)
        #expect(fixture.media.allocated.isEmpty)
    }

    @Test("a line in as many calls as its limit gets 486 for one more")
    func callLimit() throws {
        var fixture = CallFixture(bobContacts: 1, callLimit: 1)
        _ = fixture.placeCall()
        let second = fixture.placeCall()
        #expect(second.responses(403).count == 1 || second.responses(486).count == 1)
        #expect(fixture.media.allocated.count == 1)
    }

    @Test("hold: a re-INVITE with sendonly is answered recvonly and the relay stops sending to that phone")
    func hold() throws {
        var fixture = CallFixture(bobContacts: 1)
        let ok = try Self.answeredCall(&fixture)
        _ = fixture.receive(Self.inDialog("ACK", cseq: 2, toTag: ok), from: fixture.alice)
        let held = CallFixture.sdp(
            port: 4000, formats: "0", extra: "a=rtpmap:0 PCMU/8000\r\n", direction: "sendonly")
        let reinvite = fixture.receive(Self.inDialog("INVITE", cseq: 3, toTag: ok, sdp: held), from: fixture.alice)
        let answer = try #require(reinvite.responses(200).first)
        #expect(String(decoding: answer.body, as: UTF8.self).contains("a=recvonly"))
        #expect(fixture.media.connected[1]?.a.receives == false)
        #expect(fixture.media.connected[1]?.b.receives == true)
    }

    @Test("RTP timeout: an answered call with no audio for rtp_timeout is hung up on both sides")
    func rtpTimeout() throws {
        var fixture = CallFixture(bobContacts: 1)
        let ok = try Self.answeredCall(&fixture)
        _ = fixture.receive(Self.inDialog("ACK", cseq: 2, toTag: ok), from: fixture.alice)
        let quiet = fixture.advance(by: .seconds(50))
        #expect(quiet.requests(.bye).isEmpty)
        let ended = fixture.advance(by: .seconds(15))
        #expect(ended.request(.bye, to: "192.0.2.10") != nil)
        #expect(ended.request(.bye, to: "192.0.2.20") != nil)
        #expect(fixture.lastRecords.last?.hangupBy == "pbx")
    }

    @Test("the 200 to the caller is retransmitted until its ACK (RFC 3261 §13.3.1.4)")
    func okRetransmitted() throws {
        var fixture = CallFixture(bobContacts: 1)
        let ok = try Self.answeredCall(&fixture)
        let again = fixture.advance(by: .milliseconds(1_600))
        #expect(again.responses(200).count >= 2)
        _ = fixture.receive(Self.inDialog("ACK", cseq: 2, toTag: ok), from: fixture.alice)
        #expect(fixture.advance(by: .seconds(4)).responses(200).isEmpty)
    }

    // MARK: Helpers

    /// 1001 calls 1002's one phone, which answers: the PBX's 200 to the caller (not acknowledged yet).
    static func answeredCall(_ fixture: inout CallFixture) throws -> SIPResponse {
        let out = fixture.placeCall()
        let desk = try #require(out.request(.invite, to: "192.0.2.20"))
        return try #require(
            fixture.receive(CallFixture.answer(desk, status: 200, sdp: CallFixture.answerPCMU), from: fixture.bobDesk)
                .responses(200).first)
    }

    static func branch(_ request: SIPRequest) -> String? { (try? request.headers.topVia())?.branch }

    /// A request of the caller inside its dialog with the PBX (To tag from the PBX's 200).
    static func inDialog(_ method: String, cseq: Int, toTag ok: SIPResponse, sdp: String? = nil) -> String {
        var text = "\(method) sip:1002@192.0.2.1:5060 SIP/2.0\r\n"
        text += "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-\(method.lowercased())\(cseq);rport\r\n"
        text += "From: \(ok.headers[.from] ?? "")\r\nTo: \(ok.headers[.to] ?? "")\r\n"
        text += "Call-ID: \(ok.headers[.callID] ?? "")\r\nCSeq: \(cseq) \(method)\r\nMax-Forwards: 70\r\n"
        text += "Contact: <sip:1001@192.0.2.10:5060>\r\n"
        if let sdp {
            text += "Content-Type: application/sdp\r\nContent-Length: \(sdp.utf8.count)\r\n\r\n\(sdp)"
        } else {
            text += "Content-Length: 0\r\n\r\n"
        }
        return text
    }
}
