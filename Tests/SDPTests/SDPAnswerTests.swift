import Testing

@testable import SDP

/// Answering an offer as the B2BUA does (RFC 3264 §6): one audio stream, the local codec preference, the
/// offerer's payload types, every other m= line rejected with port 0.
@Suite struct SDPAnswerTests {
    static let origin = SDPOrigin(username: "castor", sessionID: 42, sessionVersion: 1, address: "192.0.2.1")

    static func local(
        _ codecs: [SDPCodec] = [.pcmu, .pcma], telephoneEvent: Bool = true, ptime: Int? = 20, rtcpMux: Bool = false,
        direction: SDPDirection = .sendrecv
    ) -> SDPLocalMedia {
        SDPLocalMedia(
            address: "192.0.2.1", port: 40000, codecs: codecs, telephoneEvent: telephoneEvent, ptime: ptime,
            rtcpMux: rtcpMux, direction: direction)
    }

    static func answer(_ offer: String, _ local: SDPLocalMedia = local()) throws -> SDPAnswerResult {
        SDPNegotiation.answer(
            to: try SessionDescription(parsing: SDPFixtures.crlf(offer)), local: local, origin: origin)
    }

    @Test func snomOfferAnsweredInTheLocalPreference() throws {
        let result = try Self.answer(SDPFixtures.snom, Self.local([.pcma, .pcmu]))
        let expected = """
            v=0
            o=castor 42 1 IN IP4 192.0.2.1
            s=-
            c=IN IP4 192.0.2.1
            t=0 0
            m=audio 40000 RTP/AVP 8 101
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            a=ptime:20
            a=sendrecv

            """
        #expect(result.description.serialized() == SDPFixtures.crlf(expected))
        let stream = try #require(result.acceptedStream)
        #expect(result.isAcceptable)
        #expect(stream.mediaIndex == 0)
        #expect(stream.format == SDPMediaFormat(payloadType: 8, codec: .pcma))
        #expect(stream.telephoneEvent == SDPMediaFormat(payloadType: 101, codec: .telephoneEvent, fmtp: "0-15"))
        #expect(stream.remoteRTP == SDPTransportAddress(address: "192.168.0.87", port: 50766))
        #expect(stream.remoteRTCP == SDPTransportAddress(address: "192.168.0.87", port: 50767))
        #expect(!stream.rtcpMux)
        #expect(stream.localDirection == .sendrecv)
        #expect(stream.ptime == 20)
        #expect(!stream.onHold)
    }

    @Test func linphoneOfferTakesTheEightKilohertzTelephoneEventAndItsRTCPPort() throws {
        let result = try Self.answer(SDPFixtures.linphone)
        let stream = try #require(result.acceptedStream)
        #expect(stream.format == SDPMediaFormat(payloadType: 0, codec: .pcmu))
        #expect(stream.telephoneEvent == SDPMediaFormat(payloadType: 100, codec: .telephoneEvent))
        #expect(stream.remoteRTCP == SDPTransportAddress(address: "192.168.1.20", port: 59090))
        let audio = result.description.media[0]
        #expect(audio.formats == ["0", "100"])
        #expect(audio.attributes(named: "rtpmap").compactMap(\.value) == ["0 PCMU/8000", "100 telephone-event/8000"])
        #expect(audio.attributes(named: "fmtp").isEmpty)
    }

    @Test func offerersDynamicPayloadTypeAndFmtpAreKept() throws {
        let offer = """
            v=0
            o=- 1 1 IN IP4 198.51.100.7
            s=-
            c=IN IP4 198.51.100.7
            t=0 0
            m=audio 5004 RTP/AVP 112 18 96
            a=rtpmap:112 PCMA/8000
            a=rtpmap:18 G729/8000
            a=fmtp:18 annexb=no
            a=rtpmap:96 telephone-event/8000
            a=fmtp:96 0-16

            """
        let result = try Self.answer(offer, Self.local([.g729, .pcma]))
        let audio = result.description.media[0]
        #expect(audio.formats == ["18", "96"])
        #expect(audio.mediaFormat(18) == SDPMediaFormat(payloadType: 18, codec: .g729, fmtp: "annexb=no"))
        #expect(audio.mediaFormat(96)?.fmtp == "0-16")
        let pcma = try Self.answer(offer, Self.local([.pcma]))
        #expect(pcma.acceptedStream?.format == SDPMediaFormat(payloadType: 112, codec: .pcma))
        #expect(pcma.description.media[0].formats == ["112", "96"])
    }

    @Test func telephoneEventOnlyWhenOfferedAndWanted() throws {
        let sipp = try Self.answer(SDPFixtures.sipp)
        #expect(sipp.acceptedStream?.telephoneEvent == nil)
        #expect(sipp.description.media[0].formats == ["0"])
        let unwanted = try Self.answer(SDPFixtures.snom, Self.local(telephoneEvent: false))
        #expect(unwanted.acceptedStream?.telephoneEvent == nil)
        #expect(unwanted.description.media[0].formats == ["0"])
    }

    @Test func videoIsRejectedWithPortZeroInPlace() throws {
        let result = try Self.answer(RFC4317.audioVideoOffer)
        #expect(result.streams.map { $0?.format.codec } == [.pcmu, nil])
        #expect(result.description.media.map(\.mediaLine) == ["audio 40000 RTP/AVP 0", "video 0 RTP/AVP 31 32"])
        #expect(result.description.media[1].attributes.isEmpty)
        #expect(result.acceptedStream?.remoteAddress == "host.atlanta.example.com")
    }

    @Test func opusOnlyOfferAcceptsNothing() throws {
        let offer = """
            v=0
            o=- 1 1 IN IP4 198.51.100.7
            s=-
            c=IN IP4 198.51.100.7
            t=0 0
            m=audio 5004 RTP/AVP 111
            a=rtpmap:111 opus/48000/2

            """
        let result = try Self.answer(offer)
        #expect(!result.isAcceptable)
        #expect(result.acceptedStream == nil)
        #expect(result.streams == [nil])
        #expect(result.description.media.map(\.mediaLine) == ["audio 0 RTP/AVP 111"])
    }

    @Test func encryptedAndEmptyOffersAcceptNothing() throws {
        #expect(!(try Self.answer(SDPFixtures.webRTC)).isAcceptable)
        let noMedia = try Self.answer(RFC4317.noMediaOffer)
        #expect(!noMedia.isAcceptable)
        #expect(noMedia.description.media.isEmpty)
    }

    @Test func onlyTheFirstAcceptableAudioStreamIsAccepted() throws {
        // RFC 4317 §2.6: PCMU on the first stream, iLBC with telephone-event on the second.
        let alternatives = try Self.answer(RFC4317.audioOnlyOffer)
        #expect(alternatives.streams.map { $0 != nil } == [true, false])
        #expect(alternatives.description.media.map(\.port) == [40000, 0])
        // RFC 4317 §2.4: audio, then telephone-events alone; the relay has one port for one stream.
        let twoAudio = try Self.answer(RFC4317.twoAudioOffer)
        #expect(twoAudio.streams.map { $0?.format.payloadType } == [0, nil])
        // An unusable first stream does not stop a later one.
        let later = try Self.answer(
            RFC4317.audioOnlyOffer, Self.local([.pcma, SDPCodec(name: "iLBC", clockRate: 8000)]))
        #expect(later.streams.map { $0?.format.payloadType } == [nil, 97])
        #expect(later.acceptedStream?.telephoneEvent?.payloadType == 101)
    }

    @Test(arguments: [
        (SDPDirection.sendrecv, SDPDirection.sendrecv, SDPDirection.sendrecv, false),
        (.sendonly, .sendrecv, .recvonly, true),
        (.recvonly, .sendrecv, .sendonly, false),
        (.inactive, .sendrecv, .inactive, true),
        (.sendrecv, .sendonly, .sendonly, false),
        (.sendrecv, .inactive, .inactive, false),
        (.sendonly, .sendonly, .inactive, true),
    ])
    func directionIsTheOfferReversedAndIntersected(
        offered: SDPDirection, local: SDPDirection, answered: SDPDirection, onHold: Bool
    ) throws {
        let offer = SDPFixtures.snom.replacing("a=sendrecv", with: "a=\(offered)")
        let result = try Self.answer(offer, Self.local(direction: local))
        #expect(result.description.media[0].direction == answered)
        #expect(result.acceptedStream?.localDirection == answered)
        #expect(result.acceptedStream?.onHold == onHold)
    }

    @Test func rfc2543HoldIsSeen() throws {
        let result = try Self.answer(RFC4317.blackHoleOffer, Self.local([SDPCodec(name: "iLBC", clockRate: 8000)]))
        let stream = try #require(result.acceptedStream)
        #expect(stream.onHold)
        #expect(stream.remoteAddress == "0.0.0.0")
        #expect(stream.localDirection == .sendrecv)
    }

    @Test func rtcpMuxIsEchoedOnlyWhenOfferedAndAllowed() throws {
        let muxed = try Self.answer(SDPFixtures.baresip, Self.local(rtcpMux: true))
        #expect(muxed.description.media[0].rtcpMux)
        #expect(muxed.acceptedStream?.rtcpMux == true)
        #expect(muxed.acceptedStream?.remoteRTCP == SDPTransportAddress(address: "192.168.43.99", port: 30244))
        let refused = try Self.answer(SDPFixtures.baresip, Self.local(rtcpMux: false))
        #expect(!refused.description.media[0].rtcpMux)
        #expect(refused.acceptedStream?.remoteRTCP.port == 30245)
        let unoffered = try Self.answer(SDPFixtures.snom, Self.local(rtcpMux: true))
        #expect(!unoffered.description.media[0].rtcpMux)
        #expect(unoffered.acceptedStream?.rtcpMux == false)
    }

    @Test func ptimeIsLocal() throws {
        #expect(try Self.answer(SDPFixtures.sipp, Self.local(ptime: 30)).description.media[0].ptime == 30)
        let none = try Self.answer(SDPFixtures.baresip, Self.local(ptime: nil))
        #expect(none.description.media[0].ptime == nil)
        #expect(none.acceptedStream?.ptime == 20)
    }

    @Test func offerListsEveryFormatWithRTPMap() throws {
        let local = SDPLocalMedia(
            address: "192.0.2.1", port: 40000, codecs: [.pcmu, .pcma, .opus, .pcmu, .g722], rtcpMux: true)
        let offer = SDPNegotiation.offer(local: local, origin: Self.origin)
        let expected = """
            v=0
            o=castor 42 1 IN IP4 192.0.2.1
            s=-
            c=IN IP4 192.0.2.1
            t=0 0
            m=audio 40000 RTP/AVP 0 8 96 9 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:96 opus/48000/2
            a=rtpmap:9 G722/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=ptime:20
            a=rtcp-mux
            a=sendrecv

            """
        #expect(offer.serialized() == SDPFixtures.crlf(expected))
        let ipv6 = SDPNegotiation.offer(
            local: SDPLocalMedia(address: "2001:db8::1", port: 40000, codecs: [.pcma], telephoneEvent: false),
            origin: Self.origin)
        #expect(ipv6.connection == SDPConnection(addressType: "IP6", address: "2001:db8::1"))
        #expect(ipv6.media[0].formats == ["8"])
    }
}
