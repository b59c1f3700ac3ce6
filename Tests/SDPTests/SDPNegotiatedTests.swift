import Testing

@testable import SDP

/// Reading the answer to our own offer (RFC 3264 §6, §7) with RFC 4317's exchanges, and every answer that
/// does not answer.
@Suite struct SDPNegotiatedTests {
    static func parse(_ text: String) throws -> SessionDescription {
        try SessionDescription(parsing: SDPFixtures.crlf(text))
    }

    static func negotiated(_ offer: String, _ answer: String) throws -> [SDPNegotiatedStream?] {
        try SDPNegotiation.negotiated(offer: parse(offer), answer: parse(answer))
    }

    @Test func rfc4317AudioAndVideo1() throws {
        let streams = try Self.negotiated(RFC4317.audioVideoOffer, RFC4317.audioVideo1Answer)
        let audio = try #require(streams[0])
        #expect(audio.format == SDPMediaFormat(payloadType: 0, codec: .pcmu))
        #expect(audio.remoteRTP == SDPTransportAddress(address: "host.biloxi.example.com", port: 49174))
        #expect(audio.remoteRTCP == SDPTransportAddress(address: "host.biloxi.example.com", port: 49175))
        #expect(audio.localDirection == .sendrecv)
        let video = try #require(streams[1])
        #expect(video.format.codec == SDPCodec(name: "MPV", clockRate: 90000))
        #expect(video.mediaIndex == 1)
    }

    @Test func rfc4317AudioAndVideo2DeclinedVideo() throws {
        let streams = try Self.negotiated(RFC4317.audioVideoOffer, RFC4317.audioVideo2Answer)
        #expect(streams.map { $0?.format.payloadType } == [0, nil])
    }

    @Test func rfc4317AudioAndVideo3AnotherDynamicPayloadType() throws {
        let streams = try Self.negotiated(RFC4317.audioVideoOffer, RFC4317.audioVideo3Answer)
        #expect(streams[0]?.format == SDPMediaFormat(payloadType: 99, codec: SDPCodec(name: "iLBC", clockRate: 8000)))
        #expect(streams[1]?.format.payloadType == 31)
    }

    @Test func rfc4317TwoAudioStreamsAndTelephoneEventsAlone() throws {
        let streams = try Self.negotiated(RFC4317.twoAudioOffer, RFC4317.twoAudioAnswer)
        #expect(streams[0]?.format.payloadType == 97)
        let events = try #require(streams[1])
        #expect(events.format == SDPMediaFormat(payloadType: 98, codec: .telephoneEvent))
        #expect(events.telephoneEvent == nil)
        #expect(events.localDirection == .sendonly)
        #expect(!events.onHold)
    }

    @Test func rfc4317AudioAndVideo6VideoElsewhere() throws {
        let streams = try Self.negotiated(RFC4317.audioVideoOffer, RFC4317.audioVideo6Answer)
        #expect(streams[1]?.remoteAddress == "otherhost.biloxi.example.com")
        #expect(streams[0]?.remoteAddress == "host.biloxi.example.com")
    }

    @Test func rfc4317HoldAnswer() throws {
        let streams = try Self.negotiated(RFC4317.holdOffer, RFC4317.holdAnswer)
        let audio = try #require(streams[0])
        #expect(audio.onHold)
        #expect(audio.localDirection == .recvonly)
        #expect(audio.remoteAddress == "placeholder.biloxi.example.com")
    }

    @Test func answerToOurOwnOffer() throws {
        let local = SDPLocalMedia(address: "192.0.2.1", port: 40000, codecs: [.pcmu, .pcma], rtcpMux: true)
        let origin = SDPOrigin(username: "castor", sessionID: 1, sessionVersion: 1, address: "192.0.2.1")
        let offer = SDPNegotiation.offer(local: local, origin: origin)
        let answer = try Self.parse(
            """
            v=0
            o=- 5 5 IN IP4 198.51.100.9
            s=-
            c=IN IP4 198.51.100.9
            t=0 0
            m=audio 7078 RTP/AVP 8 18 101 13
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            a=rtcp-mux
            a=ptime:30

            """)
        let stream = try #require(try SDPNegotiation.negotiated(offer: offer, answer: answer)[0])
        // 18 was never offered: listed formats the offer lacks are allowed (RFC 3264 §6.1) and skipped.
        #expect(stream.format == SDPMediaFormat(payloadType: 8, codec: .pcma))
        #expect(stream.telephoneEvent == SDPMediaFormat(payloadType: 101, codec: .telephoneEvent, fmtp: "0-15"))
        #expect(stream.rtcpMux)
        #expect(stream.remoteRTCP == SDPTransportAddress(address: "198.51.100.9", port: 7078))
        #expect(stream.ptime == 30)
        // The same answer without rtcp-mux: RTCP on the next port.
        var unmuxed = answer
        unmuxed.media[0].attributes.removeAll { $0.name == "rtcp-mux" }
        let plain = try #require(try SDPNegotiation.negotiated(offer: offer, answer: unmuxed)[0])
        #expect(!plain.rtcpMux)
        #expect(plain.remoteRTCP.port == 7079)
    }

    @Test func unsolicitedRTCPMuxDoesNotCount() throws {
        let answer = RFC4317.audioVideo2Answer.replacing(
            "a=rtpmap:8 PCMA/8000\n", with: "a=rtpmap:8 PCMA/8000\na=rtcp-mux\n")
        let streams = try Self.negotiated(RFC4317.audioVideoOffer, answer)
        #expect(streams[0]?.rtcpMux == false)
        #expect(streams[0]?.remoteRTCP.port == 49173)
    }

    static let offer = RFC4317.audioVideoOffer

    @Test func answerWithAnotherNumberOfStreams() throws {
        let answer = RFC4317.bob("m=audio 49174 RTP/AVP 0\n")
        #expect(throws: SDPNegotiationError.mediaCountMismatch(offered: 2, answered: 1)) {
            try Self.negotiated(Self.offer, answer)
        }
    }

    @Test func answerWithStreamsOutOfOrder() throws {
        let answer = RFC4317.bob("m=video 49170 RTP/AVP 32\nm=audio 49174 RTP/AVP 0\n")
        #expect(throws: SDPNegotiationError.mediaTypeMismatch(mediaIndex: 0, offered: "audio", answered: "video")) {
            try Self.negotiated(Self.offer, answer)
        }
    }

    @Test func answerWithoutAnOfferedCodec() throws {
        let answer = RFC4317.bob("m=audio 49174 RTP/AVP 18\nm=video 0 RTP/AVP 31\n")
        #expect(throws: SDPNegotiationError.noCommonFormat(mediaIndex: 0)) {
            try Self.negotiated(Self.offer, answer)
        }
    }

    @Test func answerWithAnotherTransport() throws {
        let answer = RFC4317.bob("m=audio 49174 RTP/SAVP 0\nm=video 0 RTP/AVP 31\n")
        #expect(
            throws: SDPNegotiationError.transportMismatch(mediaIndex: 0, offered: "RTP/AVP", answered: "RTP/SAVP")
        ) {
            try Self.negotiated(Self.offer, answer)
        }
    }

    @Test func answerAcceptingADisabledStream() throws {
        let offer = RFC4317.audioVideoOffer.replacing("m=video 51372", with: "m=video 0")
        #expect(throws: SDPNegotiationError.acceptedDisabledStream(mediaIndex: 1)) {
            try Self.negotiated(offer, RFC4317.audioVideo1Answer)
        }
    }

    @Test func answerWithAForbiddenDirection() throws {
        let offer = RFC4317.holdOffer + "a=sendonly\n"
        let answer = RFC4317.holdAnswer
        #expect(throws: SDPNegotiationError.directionNotAllowed(mediaIndex: 0, offered: .sendonly, answered: .sendonly))
        {
            try Self.negotiated(offer, answer)
        }
        let recvonly = try Self.negotiated(offer, answer.replacing("a=sendonly", with: "a=recvonly"))
        #expect(recvonly[0]?.localDirection == .sendonly)
        #expect(recvonly[0]?.onHold == false)
    }

    @Test func answerWithoutAConnection() throws {
        var answer = try Self.parse(RFC4317.audioVideo1Answer)
        answer.connection = nil
        #expect(throws: SDPNegotiationError.missingConnection(mediaIndex: 0)) {
            try SDPNegotiation.negotiated(offer: Self.parse(Self.offer), answer: answer)
        }
        #expect(SDPNegotiationError.missingConnection(mediaIndex: 0).description.contains("RFC 8866 §5.7"))
    }
}
