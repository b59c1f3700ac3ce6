import Testing

@testable import SDP

/// One leg's offer/answer state (RFC 3264 §4, §8; RFC 3261 §14): initial exchanges both ways, re-INVITE
/// hold and resume, versions, glare, rollback.
@Suite struct SDPOfferAnswerTests {
    static let origin = SDPOrigin(username: "castor", sessionID: 42, sessionVersion: 7, address: "192.0.2.1")

    static func local(_ direction: SDPDirection = .sendrecv) -> SDPLocalMedia {
        SDPLocalMedia(address: "192.0.2.1", port: 40000, codecs: [.pcmu, .pcma], direction: direction)
    }

    static func parse(_ text: String) throws -> SessionDescription {
        try SessionDescription(parsing: SDPFixtures.crlf(text))
    }

    /// The phone's answer to our offer, with `direction`.
    static func phoneAnswer(_ direction: SDPDirection, version: Int = 1) throws -> SessionDescription {
        try parse(
            """
            v=0
            o=phone 99 \(version) IN IP4 198.51.100.7
            s=-
            c=IN IP4 198.51.100.7
            t=0 0
            m=audio 5004 RTP/AVP 0 101
            a=rtpmap:101 telephone-event/8000
            a=\(direction)

            """)
    }

    /// The Snom's offer in a (re-)INVITE, with `direction`.
    static func phoneOffer(_ direction: SDPDirection) throws -> SessionDescription {
        try parse(SDPFixtures.snom.replacing("a=sendrecv", with: "a=\(direction)"))
    }

    @Test func outgoingCallThenHoldAndResume() throws {
        var leg = SDPOfferAnswer(origin: Self.origin)
        #expect(leg.state == .idle)
        let offer = try leg.sendOffer(Self.local())
        #expect(offer.origin == Self.origin)
        #expect(leg.state == .localOffer(offer))
        let streams = try leg.receiveAnswer(Self.phoneAnswer(.sendrecv))
        #expect(streams[0]?.localDirection == .sendrecv)
        #expect(leg.agreement?.local == offer)
        guard case .established(let agreement) = leg.state else {
            Issue.record("not established: \(leg.state)")
            return
        }
        #expect(agreement.streams == streams)

        // Hold: a=sendonly, answered recvonly; our version moves by one.
        let hold = try leg.sendOffer(Self.local(.sendonly))
        #expect(hold.origin.sessionVersion == 8)
        #expect(hold.origin.sessionID == 42)
        #expect(hold.media[0].direction == .sendonly)
        let held = try leg.receiveAnswer(Self.phoneAnswer(.recvonly, version: 2))
        #expect(held[0]?.localDirection == .sendonly)
        #expect(held[0]?.onHold == false)

        // Inactive, then resume.
        #expect(try leg.sendOffer(Self.local(.inactive)).origin.sessionVersion == 9)
        #expect(try leg.receiveAnswer(Self.phoneAnswer(.inactive, version: 3))[0]?.localDirection == .inactive)
        let resume = try leg.sendOffer(Self.local())
        #expect(resume.origin.sessionVersion == 10)
        #expect(try leg.receiveAnswer(Self.phoneAnswer(.sendrecv, version: 4))[0]?.localDirection == .sendrecv)

        // A session refresh that changes nothing keeps the version (RFC 3264 §8).
        let refresh = try leg.sendOffer(Self.local())
        #expect(refresh == resume)
        #expect(refresh.origin.sessionVersion == 10)
    }

    @Test func incomingCallThenRemoteHoldAndResume() throws {
        var leg = SDPOfferAnswer(origin: Self.origin)
        try leg.receiveOffer(Self.phoneOffer(.sendrecv))
        let answer = try leg.sendAnswer(Self.local())
        #expect(answer.isAcceptable)
        #expect(answer.description.origin.sessionVersion == 7)
        #expect(leg.streams == answer.streams)

        let steps: [(SDPDirection, SDPDirection, Bool, UInt64)] = [
            (.sendonly, .recvonly, true, 8),
            (.inactive, .inactive, true, 9),
            (.inactive, .inactive, true, 9),
            (.sendrecv, .sendrecv, false, 10),
        ]
        for (offered, answered, onHold, version) in steps {
            try leg.receiveOffer(Self.phoneOffer(offered))
            let result = try leg.sendAnswer(Self.local())
            #expect(result.description.media[0].direction == answered)
            #expect(result.acceptedStream?.onHold == onHold)
            #expect(result.acceptedStream?.localDirection == answered)
            #expect(result.description.origin.sessionVersion == version)
            #expect(leg.origin.sessionVersion == version)
        }
    }

    @Test func glareWhenAnOfferCrossesOurs() throws {
        var leg = SDPOfferAnswer(origin: Self.origin)
        _ = try leg.sendOffer(Self.local())
        _ = try leg.receiveAnswer(Self.phoneAnswer(.sendrecv))
        let hold = try leg.sendOffer(Self.local(.sendonly))
        #expect(throws: SDPOfferAnswerError.glare) { try leg.receiveOffer(Self.phoneOffer(.sendonly)) }
        #expect(leg.state == .localOffer(hold))
        #expect(SDPOfferAnswerError.glare.description.contains("491"))
    }

    @Test func secondOfferWhileOneIsOutstanding() throws {
        var leg = SDPOfferAnswer(origin: Self.origin)
        try leg.receiveOffer(Self.phoneOffer(.sendrecv))
        #expect(throws: SDPOfferAnswerError.offerPending) { try leg.receiveOffer(Self.phoneOffer(.sendrecv)) }
        #expect(throws: SDPOfferAnswerError.offerPending) { try leg.sendOffer(Self.local()) }
        var ours = SDPOfferAnswer(origin: Self.origin)
        _ = try ours.sendOffer(Self.local())
        #expect(throws: SDPOfferAnswerError.offerPending) { try ours.sendOffer(Self.local()) }
    }

    @Test func answersWithoutAnOffer() throws {
        var leg = SDPOfferAnswer(origin: Self.origin)
        #expect(throws: SDPOfferAnswerError.noOfferOutstanding) { try leg.receiveAnswer(Self.phoneAnswer(.sendrecv)) }
        #expect(throws: SDPOfferAnswerError.noOfferOutstanding) { try leg.sendAnswer(Self.local()) }
        #expect(throws: SDPOfferAnswerError.noOfferOutstanding) { try leg.rollback() }
        try leg.receiveOffer(Self.phoneOffer(.sendrecv))
        #expect(throws: SDPOfferAnswerError.noOfferOutstanding) { try leg.receiveAnswer(Self.phoneAnswer(.sendrecv)) }
        _ = try leg.sendAnswer(Self.local())
        #expect(throws: SDPOfferAnswerError.noOfferOutstanding) { try leg.sendAnswer(Self.local()) }
        #expect(throws: SDPOfferAnswerError.noOfferOutstanding) { try leg.receiveAnswer(Self.phoneAnswer(.sendrecv)) }
    }

    @Test func rollbackOfOurRejectedOfferNeverReusesAVersion() throws {
        var leg = SDPOfferAnswer(origin: Self.origin)
        _ = try leg.sendOffer(Self.local())
        _ = try leg.receiveAnswer(Self.phoneAnswer(.sendrecv))
        let agreement = try #require(leg.agreement)
        let hold = try leg.sendOffer(Self.local(.sendonly))
        #expect(hold.origin.sessionVersion == 8)
        try leg.rollback()  // 488 to the re-INVITE
        #expect(leg.state == .established(agreement))
        #expect(leg.streams == agreement.streams)
        // Retried as it was (after a 491): the same description, the same version.
        #expect(try leg.sendOffer(Self.local(.sendonly)) == hold)
        try leg.rollback()
        // Something else: the next version, not 8 again.
        #expect(try leg.sendOffer(Self.local(.inactive)).origin.sessionVersion == 9)
    }

    @Test func rollbackOfARemoteOffer() throws {
        var leg = SDPOfferAnswer(origin: Self.origin)
        try leg.receiveOffer(Self.phoneOffer(.sendrecv))
        try leg.rollback()
        #expect(leg.state == .idle)
        #expect(leg.agreement == nil)
        try leg.receiveOffer(Self.phoneOffer(.sendrecv))
        _ = try leg.sendAnswer(Self.local())
        let agreement = try #require(leg.agreement)
        try leg.receiveOffer(Self.phoneOffer(.sendonly))
        try leg.rollback()
        #expect(leg.state == .established(agreement))
    }

    @Test func unacceptableOfferIsRejectedWithoutMovingTheVersion() throws {
        var leg = SDPOfferAnswer(origin: Self.origin)
        try leg.receiveOffer(Self.phoneOffer(.sendrecv))
        _ = try leg.sendAnswer(Self.local())
        let agreement = try #require(leg.agreement)
        try leg.receiveOffer(Self.parse(SDPFixtures.webRTC))
        let refused = try leg.sendAnswer(Self.local())
        #expect(!refused.isAcceptable)
        #expect(leg.state == .established(agreement))
        #expect(leg.origin.sessionVersion == 7)
        var fresh = SDPOfferAnswer(origin: Self.origin)
        try fresh.receiveOffer(Self.parse(SDPFixtures.webRTC))
        #expect(!(try fresh.sendAnswer(Self.local())).isAcceptable)
        #expect(fresh.state == .idle)
    }

    @Test func invalidAnswerLeavesTheOfferOutstanding() throws {
        var leg = SDPOfferAnswer(origin: Self.origin)
        let offer = try leg.sendOffer(Self.local())
        let video = try Self.parse(RFC4317.audioVideo1Answer)
        #expect(throws: SDPOfferAnswerError.invalidAnswer(.mediaCountMismatch(offered: 1, answered: 2))) {
            try leg.receiveAnswer(video)
        }
        #expect(leg.state == .localOffer(offer))
        try leg.rollback()
        #expect(leg.state == .idle)
    }

    @Test func anyDescriptionCanBeOfferedWithOurOrigin() throws {
        var leg = SDPOfferAnswer(origin: Self.origin)
        let offer = try leg.sendOffer(Self.parse(RFC4317.audioVideoOffer))
        #expect(offer.origin == Self.origin)
        let streams = try leg.receiveAnswer(Self.parse(RFC4317.audioVideo1Answer))
        #expect(streams.map { $0?.format.payloadType } == [0, 32])
    }
}
