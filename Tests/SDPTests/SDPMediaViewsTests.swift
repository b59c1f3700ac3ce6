import Testing

@testable import SDP

/// The typed views over attributes: formats, codecs, directions, RTCP, hold (RFC 8866 §6, RFC 3551, RFC 3605,
/// RFC 5761, RFC 3264 §8.4).
@Suite struct SDPMediaViewsTests {
    static func stream(_ mediaLine: String, _ attributes: String = "", session: String = "") throws
        -> (SessionDescription, MediaDescription)
    {
        let text =
            "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n\(session)m=\(mediaLine)\n\(attributes)"
        let description = try SessionDescription(parsing: Array(text.utf8))
        return (description, try #require(description.media.first))
    }

    @Test func staticPayloadTypesWithoutRTPMap() throws {
        let (_, audio) = try Self.stream("audio 4000 RTP/AVP 0 3 4 8 9 13 18 96")
        #expect(
            audio.mediaFormats.map(\.codec?.description) == [
                "PCMU/8000", "GSM/8000", "G723/8000", "PCMA/8000", "G722/8000", "CN/8000", "G729/8000", nil,
            ])
        #expect(SDPCodec.staticPayloadType(10) == SDPCodec(name: "L16", clockRate: 44100, channels: 2))
        #expect(SDPCodec.staticPayloadType(31)?.name == "H261")
        #expect(SDPCodec.staticPayloadType(2) == nil)
        #expect(SDPCodec.staticPayloadType(101) == nil)
        #expect(SDPCodec.pcma.staticPayloadType == 8)
        #expect(SDPCodec.opus.staticPayloadType == nil)
    }

    @Test func rtpmapOverridesAndOddFormats() throws {
        let (_, audio) = try Self.stream(
            "audio 4000 RTP/AVP 96 0 128 x 97",
            "a=rtpmap:96 pcmu/8000\na=rtpmap:0 PCMA/8000\na=rtpmap:97 broken\na=rtpmap:97 iLBC/8000\na=fmtp:97  mode=30\n"
        )
        #expect(audio.formats == ["96", "0", "128", "x", "97"])
        #expect(
            audio.mediaFormats == [
                SDPMediaFormat(payloadType: 96, codec: .pcmu),
                SDPMediaFormat(payloadType: 0, codec: .pcma),
                SDPMediaFormat(payloadType: 97, codec: SDPCodec(name: "iLBC", clockRate: 8000), fmtp: "mode=30"),
            ])
    }

    @Test func codecNamesCompareCaseInsensitively() {
        #expect(SDPCodec(name: "pcmu", clockRate: 8000) == .pcmu)
        #expect(SDPCodec(name: "PCMU", clockRate: 16000) != .pcmu)
        #expect(SDPCodec(name: "opus", clockRate: 48000) != .opus)
        #expect(Set([SDPCodec(name: "Telephone-Event", clockRate: 8000), .telephoneEvent]).count == 1)
        #expect(SDPCodec(name: "pcmu", clockRate: 8000).name == "pcmu")
        #expect(SDPCodec.telephoneEvent.description == "telephone-event/8000")
        #expect(SDPCodec.opus.description == "opus/48000/2")
    }

    @Test func directionResolution() throws {
        let (plain, plainAudio) = try Self.stream("audio 4000 RTP/AVP 0")
        #expect(plainAudio.direction == nil)
        #expect(plain.direction(for: plainAudio) == .sendrecv)
        let (session, sessionAudio) = try Self.stream("audio 4000 RTP/AVP 0", session: "a=inactive\n")
        #expect(session.direction(for: sessionAudio) == .inactive)
        let (both, bothAudio) = try Self.stream("audio 4000 RTP/AVP 0", "a=recvonly\n", session: "a=sendonly\n")
        #expect(both.direction(for: bothAudio) == .recvonly)
    }

    @Test func directionAlgebra() {
        #expect(SDPDirection.sendonly.reversed == .recvonly)
        #expect(SDPDirection.recvonly.reversed == .sendonly)
        #expect(SDPDirection.sendrecv.reversed == .sendrecv)
        #expect(SDPDirection.inactive.reversed == .inactive)
        #expect(SDPDirection.sendrecv.intersection(.sendonly) == .sendonly)
        #expect(SDPDirection.recvonly.intersection(.sendonly) == .inactive)
        for direction in SDPDirection.allCases {
            #expect(SDPDirection(sends: direction.sends, receives: direction.receives) == direction)
            #expect(direction.attribute == SDPAttribute(name: direction.rawValue))
        }
    }

    @Test func holdDetection() throws {
        for (attributes, held) in [
            ("a=sendonly\n", true), ("a=inactive\n", true), ("a=recvonly\n", false), ("", false),
        ] {
            let (description, audio) = try Self.stream("audio 4000 RTP/AVP 0", attributes)
            #expect(description.isOnHold(audio) == held, "\(attributes)")
        }
        let old = try SessionDescription(parsing: SDPFixtures.crlf(RFC4317.blackHoleOffer))
        #expect(old.isOnHold(old.media[0]))
        let (media, audio) = try Self.stream("audio 4000 RTP/AVP 0", "c=IN IP4 0.0.0.0\n")
        #expect(media.isOnHold(audio))
    }

    @Test func rtcpAndMuxAndPtime() throws {
        let (_, audio) = try Self.stream(
            "audio 4000 RTP/AVP 0", "a=rtcp:53020 IN IP4 126.16.64.4\na=rtcp-mux\na=ptime:20.5\na=maxptime:150\n")
        #expect(audio.rtcp == SDPRTCPAttribute(port: 53020, connection: SDPConnection(address: "126.16.64.4")))
        #expect(audio.rtcp?.description == "53020 IN IP4 126.16.64.4")
        #expect(audio.rtcpMux)
        #expect(audio.ptime == 20)
        #expect(audio.maxptime == 150)
        let (_, broken) = try Self.stream("audio 4000 RTP/AVP 0", "a=rtcp:port\na=ptime:soon\n")
        #expect(broken.rtcp == nil)
        #expect(broken.ptime == nil)
    }

    @Test func cryptoIsKeptRaw() throws {
        let key = "1 AES_CM_128_HMAC_SHA1_80 inline:PS1uQCVeeCFCanVmcjkpPywjNWhcYD0mXXtxaVBR|2^20|1:32"
        let (description, audio) = try Self.stream("audio 4000 RTP/SAVP 0", "a=crypto:\(key)\n")
        #expect(audio.crypto == [key])
        #expect(!audio.isPlainRTP)
        #expect(String(decoding: description.serialized(), as: UTF8.self).contains("a=crypto:\(key)\r\n"))
    }
}
