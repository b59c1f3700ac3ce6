import Testing

@testable import SDP

/// What the fixtures mean once parsed, field by field (RFC 8866 §5).
@Suite struct SessionDescriptionParsingTests {
    static func parse(_ text: String) throws -> SessionDescription {
        try SessionDescription(parsing: SDPFixtures.crlf(text))
    }

    @Test func rfc8866Example() throws {
        let description = try Self.parse(SDPFixtures.rfc8866)
        #expect(
            description.origin
                == SDPOrigin(
                    username: "jdoe", sessionID: 3_724_394_400, sessionVersion: 3_724_394_405, address: "198.51.100.1"))
        #expect(description.sessionName == "Call to John Smith")
        #expect(description.information == "SDP Offer #1")
        #expect(description.uri == "http://www.jdoe.example.com/home.html")
        #expect(description.emails == ["Jane Doe <jane@jdoe.example.com>"])
        #expect(description.phones == ["+1 617 555-6011"])
        #expect(description.connection == SDPConnection(address: "198.51.100.1"))
        #expect(description.timing == [SDPTiming()])
        #expect(description.media.map(\.media) == ["audio", "audio", "video"])
        #expect(description.media.map(\.port) == [49170, 49180, 51372])
        let video = description.media[2]
        #expect(video.connection == SDPConnection(addressType: "IP6", address: "2001:db8::2"))
        #expect(description.connection(for: video)?.address == "2001:db8::2")
        #expect(description.connection(for: description.media[0])?.address == "198.51.100.1")
        #expect(
            video.mediaFormats == [
                SDPMediaFormat(payloadType: 99, codec: SDPCodec(name: "h263-1998", clockRate: 90000))
            ])
    }

    @Test func rfc4566ExampleMulticastAndSessionDirection() throws {
        let description = try Self.parse(SDPFixtures.rfc4566)
        #expect(description.connection == SDPConnection(address: "224.2.17.12", ttl: 127))
        #expect(description.timing == [SDPTiming(start: 2_873_397_496, stop: 2_873_404_696)])
        #expect(description.direction == .recvonly)
        #expect(description.media.allSatisfy { description.direction(for: $0) == .recvonly })
        #expect(description.media[0].mediaFormats == [SDPMediaFormat(payloadType: 0, codec: .pcmu)])
    }

    @Test func sippDefaultOffer() throws {
        let description = try Self.parse(SDPFixtures.sipp)
        #expect(description.origin.sessionID == 53_655_765)
        #expect(description.origin.sessionVersion == 2_353_687_637)
        let audio = try #require(description.media.first)
        #expect(audio.proto == "RTP/AVP")
        #expect(audio.formats == ["0"])
        #expect(audio.attributes == [SDPAttribute(name: "rtpmap", value: "0 PCMU/8000")])
        #expect(description.direction(for: audio) == .sendrecv)
    }

    @Test func linphoneOffer() throws {
        let description = try Self.parse(SDPFixtures.linphone)
        #expect(description.attributes.map(\.name) == ["rtcp-xr", "record"])
        #expect(description.attributes[1] == SDPAttribute(name: "record", value: "off"))
        let audio = try #require(description.media.first)
        #expect(audio.mediaFormats.map(\.payloadType) == [96, 97, 98, 0, 8, 18, 101, 99, 100])
        #expect(audio.mediaFormats[0] == SDPMediaFormat(payloadType: 96, codec: .opus, fmtp: "useinbandfec=1"))
        #expect(audio.mediaFormats[3].codec == .pcmu)
        #expect(audio.mediaFormats[5] == SDPMediaFormat(payloadType: 18, codec: .g729, fmtp: "annexb=yes"))
        #expect(audio.mediaFormats[6].codec == SDPCodec(name: "telephone-event", clockRate: 48000))
        #expect(audio.mediaFormats[8].codec == .telephoneEvent)
        #expect(audio.rtcp == SDPRTCPAttribute(port: 59090))
        #expect(audio.attributes(named: "rtcp-fb").compactMap(\.value) == ["* trr-int 1000", "* ccm tmmbr"])
        #expect(!audio.rtcpMux)
        #expect(audio.ptime == nil)
    }

    @Test func baresipOffer() throws {
        let description = try Self.parse(SDPFixtures.baresip)
        let audio = try #require(description.media.first)
        #expect(audio.connection == SDPConnection(address: "192.168.43.99"))
        #expect(audio.bandwidths == [SDPBandwidth(type: "AS", value: 64)])
        #expect(audio.rtcpMux)
        #expect(audio.ptime == 20)
        #expect(audio.direction == .sendrecv)
        #expect(audio.mediaFormats.compactMap(\.codec) == [.opus, .g722, .pcma, .pcmu, .telephoneEvent])
        #expect(audio.attributeValue("ssrc") == "3498303314 cname:sip:test@example.com")
    }

    @Test func snomOffer() throws {
        let description = try Self.parse(SDPFixtures.snom)
        let audio = try #require(description.media.first)
        #expect(audio.mediaFormats.compactMap(\.codec) == [.pcmu, .pcma, .g722, .g729, .telephoneEvent])
        #expect(audio.mediaFormat(101)?.fmtp == "0-15")
        #expect(audio.ptime == 20)
        #expect(audio.direction == .sendrecv)
        #expect(!description.isOnHold(audio))
    }

    @Test func webRTCOffer() throws {
        let description = try Self.parse(SDPFixtures.webRTC)
        #expect(description.origin.sessionID == 9_179_752_601_252_826_711)
        #expect(description.connection == nil)
        #expect(description.attributes[1] == SDPAttribute(name: "msid-semantic", value: " WMS"))
        let audio = try #require(description.media.first)
        #expect(audio.proto == "UDP/TLS/RTP/SAVPF")
        #expect(!audio.isPlainRTP)
        #expect(audio.rtcp == SDPRTCPAttribute(port: 9, connection: SDPConnection(address: "0.0.0.0")))
    }

    @Test func lineEndsAndWhitespace() throws {
        let crlf = try Self.parse(SDPFixtures.snom)
        let lf = try SessionDescription(parsing: Array(SDPFixtures.snom.utf8))
        #expect(lf == crlf)
        let padded = SDPFixtures.snom.split(separator: "\n").map { $0 + " \t" }.joined(separator: "\r\n")
        #expect(try SessionDescription(parsing: Array(padded.utf8)) == crlf)
        let blankLines = "\r\n" + SDPFixtures.snom.replacing("t=0 0\n", with: "t=0 0\n\n") + "\r\n\r\n"
        #expect(try SessionDescription(parsing: Array(blankLines.utf8)) == crlf)
        let combining = SDPFixtures.snom.replacing("s=call", with: "s=\u{301}call")
        #expect(try SessionDescription(parsing: Array(combining.utf8)).sessionName == "\u{301}call")
        let noFinalLineEnd = String(SDPFixtures.snom.dropLast())
        #expect(try SessionDescription(parsing: Array(noFinalLineEnd.utf8)) == crlf)
    }

    @Test func emptySessionNameAndUnknownOrderKept() throws {
        let description = try Self.parse(RFC4317.holdOffer)
        #expect(description.sessionName == "")
        #expect(SDPFixtures.crlf(RFC4317.holdOffer.replacing("s=\n", with: "s= \n")) == description.serialized())
        // Session-level lines out of RFC 8866's order are accepted and written back in order.
        let shuffled = try Self.parse(
            "v=0\nt=0 0\ns=-\nc=IN IP4 192.0.2.1\no=- 1 1 IN IP4 192.0.2.1\na=x\nm=audio 4000 RTP/AVP 0\n")
        #expect(
            String(decoding: shuffled.serialized(), as: UTF8.self)
                == "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\na=x\r\nm=audio 4000 RTP/AVP 0\r\n"
        )
    }

    @Test func fieldsKeptAsWritten() throws {
        let text = """
            v=0
            o=- 1 1 IN IP4 192.0.2.1
            s=-
            c=IN IP4 233.252.0.1/127/3
            b=CT:128
            t=3034423619 3042462419
            r=604800 3600 0 90000
            r=7d 1h 0 25h
            z=2882844526 -1h 2898848070 0
            k=prompt
            a=tool:castor
            m=video 49170/2 RTP/AVP 31
            i=the main camera
            c=IN IP6 ff15::101/3
            c=IN IP6 ff15::102/3
            b=AS:512
            k=clear:secret
            a=recvonly
            a=empty-value:

            """
        let description = try Self.parse(text)
        #expect(description.connection == SDPConnection(address: "233.252.0.1", ttl: 127, count: 3))
        #expect(description.timing[0].repeats == ["604800 3600 0 90000", "7d 1h 0 25h"])
        #expect(description.timeZones == "2882844526 -1h 2898848070 0")
        #expect(description.encryptionKey == "prompt")
        let video = description.media[0]
        #expect(video.portCount == 2)
        #expect(video.information == "the main camera")
        #expect(video.connections.map(\.count) == [3, 3])
        #expect(video.connections[0].ttl == nil)
        #expect(video.encryptionKey == "clear:secret")
        #expect(video.attributes.last == SDPAttribute(name: "empty-value", value: ""))
        #expect(description.serialized() == SDPFixtures.crlf(text))
    }
}
