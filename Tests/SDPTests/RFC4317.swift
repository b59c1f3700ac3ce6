/// The offer/answer examples of RFC 4317 (its s= lines carry a single space, written `s=` here).
enum RFC4317 {
    static func alice(version: Int = 2_890_844_526, _ body: String) -> String {
        """
        v=0
        o=alice 2890844526 \(version) IN IP4 host.atlanta.example.com
        s=
        c=IN IP4 host.atlanta.example.com
        t=0 0

        """ + body
    }

    static func bob(version: Int = 2_808_844_564, host: String = "host.biloxi.example.com", _ body: String) -> String {
        """
        v=0
        o=bob 2808844564 \(version) IN IP4 host.biloxi.example.com
        s=
        c=IN IP4 \(host)
        t=0 0

        """ + body
    }

    /// §2.1, §2.2, §2.3 and §2.8's offer: PCMU, PCMA, iLBC; H.261, MPV.
    static let audioVideoOffer = alice(
        """
        m=audio 49170 RTP/AVP 0 8 97
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:97 iLBC/8000
        m=video 51372 RTP/AVP 31 32
        a=rtpmap:31 H261/90000
        a=rtpmap:32 MPV/90000

        """)

    /// §2.1's answer: PCMU and MPV.
    static let audioVideo1Answer = bob(
        """
        m=audio 49174 RTP/AVP 0
        a=rtpmap:0 PCMU/8000
        m=video 49170 RTP/AVP 32
        a=rtpmap:32 MPV/90000

        """)

    /// §2.2's answer: two audio codecs, video declined.
    static let audioVideo2Answer = bob(
        """
        m=audio 49172 RTP/AVP 0 8
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        m=video 0 RTP/AVP 31
        a=rtpmap:31 H261/90000

        """)

    /// §2.3's answer: iLBC under another dynamic payload type (99 for the offer's 97).
    static let audioVideo3Answer = bob(
        """
        m=audio 49172 RTP/AVP 99
        a=rtpmap:99 iLBC/8000
        m=video 51374 RTP/AVP 31
        a=rtpmap:31 H261/90000

        """)

    /// §2.4's offer: audio, and telephone-events alone on a second, sendonly stream.
    static let twoAudioOffer = alice(
        """
        m=audio 49170 RTP/AVP 0 97
        a=rtpmap:0 PCMU/8000
        a=rtpmap:97 iLBC/8000
        m=audio 49172 RTP/AVP 98
        a=rtpmap:98 telephone-event/8000
        a=sendonly

        """)

    /// §2.4's answer.
    static let twoAudioAnswer = bob(
        """
        m=audio 49172 RTP/AVP 97
        a=rtpmap:97 iLBC/8000
        m=audio 49174 RTP/AVP 98
        a=rtpmap:98 telephone-event/8000
        a=recvonly

        """)

    /// §2.6's offer: PCMU, or iLBC with telephone-event, on two streams.
    static let audioOnlyOffer = alice(
        """
        m=audio 49170 RTP/AVP 0
        a=rtpmap:0 PCMU/8000
        m=audio 51372 RTP/AVP 97 101
        a=rtpmap:97 iLBC/8000
        a=rtpmap:101 telephone-event/8000

        """)

    /// §2.8's answer: the video goes to another host.
    static let audioVideo6Answer = bob(
        """
        m=audio 49174 RTP/AVP 0
        a=rtpmap:0 PCMU/8000
        m=video 49172 RTP/AVP 32
        c=IN IP4 otherhost.biloxi.example.com
        a=rtpmap:32 MPV/90000

        """)

    /// §3.1: Bob answers on hold (sendonly), then takes Alice off hold in a new offer.
    static let holdOffer = alice(
        """
        m=audio 49170 RTP/AVP 0 97
        a=rtpmap:0 PCMU/8000
        a=rtpmap:97 iLBC/8000

        """)

    static let holdAnswer = bob(
        host: "placeholder.biloxi.example.com",
        """
        m=audio 49172 RTP/AVP 97
        a=rtpmap:97 iLBC/8000
        a=sendonly

        """)

    /// §5.2's offer: RFC 2543 hold, c=0.0.0.0.
    static let blackHoleOffer = """
        v=0
        o=alice 2890844526 2890844526 IN IP4 host.atlanta.example.com
        s=
        c=IN IP4 0.0.0.0
        t=0 0
        m=audio 23442 RTP/AVP 97
        a=rtpmap:97 iLBC/8000

        """

    /// §5.1: no media at all.
    static let noMediaOffer = alice("")
}
