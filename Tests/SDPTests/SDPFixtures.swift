/// Real session descriptions, written with `\n` and sent with CRLF (``crlf``). The RFC examples are copied
/// from their RFCs; the phones' are typical of what they send, as seen in traces.
enum SDPFixtures {
    /// The text with each LF turned into CRLF, as bytes.
    static func crlf(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\r")) }
            bytes.append(byte)
        }
        return bytes
    }

    /// RFC 8866 §5's example (a session with an IPv6 video stream).
    static let rfc8866 = """
        v=0
        o=jdoe 3724394400 3724394405 IN IP4 198.51.100.1
        s=Call to John Smith
        i=SDP Offer #1
        u=http://www.jdoe.example.com/home.html
        e=Jane Doe <jane@jdoe.example.com>
        p=+1 617 555-6011
        c=IN IP4 198.51.100.1
        t=0 0
        m=audio 49170 RTP/AVP 0
        m=audio 49180 RTP/AVP 0
        m=video 51372 RTP/AVP 99
        c=IN IP6 2001:db8::2
        a=rtpmap:99 h263-1998/90000

        """

    /// RFC 4566 §5's example: multicast with a TTL, a bounded time, a session-level recvonly.
    static let rfc4566 = """
        v=0
        o=jdoe 2890844526 2890842807 IN IP4 10.47.16.5
        s=SDP Seminar
        i=A Seminar on the session description protocol
        u=http://www.example.com/seminars/sdp.pdf
        e=j.doe@example.com (Jane Doe)
        c=IN IP4 224.2.17.12/127
        t=2873397496 2873404696
        a=recvonly
        m=audio 49170 RTP/AVP 0
        m=video 51372 RTP/AVP 99
        a=rtpmap:99 h263-1998/90000

        """

    /// SIPp's default UAC scenario (`sipp -sn uac`), its keywords filled in.
    static let sipp = """
        v=0
        o=user1 53655765 2353687637 IN IP4 127.0.0.1
        s=-
        c=IN IP4 127.0.0.1
        t=0 0
        m=audio 6000 RTP/AVP 0
        a=rtpmap:0 PCMU/8000

        """

    /// A Snom D7xx offer: four codecs, telephone-event, ptime, an explicit sendrecv.
    static let snom = """
        v=0
        o=root 1397367089 1397367089 IN IP4 192.168.0.87
        s=call
        c=IN IP4 192.168.0.87
        t=0 0
        m=audio 50766 RTP/AVP 0 8 9 18 101
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:9 G722/8000
        a=rtpmap:18 G729/8000
        a=fmtp:18 annexb=no
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=ptime:20
        a=sendrecv

        """

    /// A linphone 5 offer: opus and speex first, static G.711 and G.729 without rtpmap, telephone-event at
    /// three clock rates, RFC 3605 rtcp, RFC 4585 feedback.
    static let linphone = """
        v=0
        o=1000 496 2809 IN IP4 192.168.1.20
        s=Talk
        c=IN IP4 192.168.1.20
        t=0 0
        a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics
        a=record:off
        m=audio 44305 RTP/AVP 96 97 98 0 8 18 101 99 100
        a=rtpmap:96 opus/48000/2
        a=fmtp:96 useinbandfec=1
        a=rtpmap:97 speex/16000
        a=fmtp:97 vbr=on
        a=rtpmap:98 speex/8000
        a=fmtp:98 vbr=on
        a=fmtp:18 annexb=yes
        a=rtpmap:101 telephone-event/48000
        a=rtpmap:99 telephone-event/16000
        a=rtpmap:100 telephone-event/8000
        a=rtcp:59090
        a=rtcp-fb:* trr-int 1000
        a=rtcp-fb:* ccm tmmbr

        """

    /// A baresip offer: a media-level c= as well as the session's, rtcp-mux, ssrc, mid, label.
    static let baresip = """
        v=0
        o=- 686726419 1742984825 IN IP4 192.168.43.99
        s=-
        c=IN IP4 192.168.43.99
        t=0 0
        a=tool:baresip 3.10.1
        m=audio 30244 RTP/AVP 96 9 8 0 101
        c=IN IP4 192.168.43.99
        b=AS:64
        a=rtpmap:96 opus/48000/2
        a=fmtp:96 stereo=1;sprop-stereo=1
        a=rtpmap:9 G722/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:0 PCMU/8000
        a=rtpmap:101 telephone-event/8000
        a=fmtp:101 0-15
        a=sendrecv
        a=rtcp-mux
        a=rtcp-rsize
        a=ssrc:3498303314 cname:sip:test@example.com
        a=mid:0
        a=minptime:20
        a=ptime:20
        a=label:1

        """

    /// A browser's offer (DTLS-SRTP, ICE): nothing the PBX can accept before SRTP.
    static let webRTC = """
        v=0
        o=- 9179752601252826711 2 IN IP4 127.0.0.1
        s=-
        t=0 0
        a=group:BUNDLE 0
        a=msid-semantic: WMS
        m=audio 50470 UDP/TLS/RTP/SAVPF 111 0 8 126
        c=IN IP4 10.42.0.3
        a=rtcp:9 IN IP4 0.0.0.0
        a=ice-ufrag:Uf3k
        a=ice-pwd:8Xb1J2v6RQ3VZp5xZk3o8xgF
        a=fingerprint:sha-256 AC:4C:AA:6D:50:AF:CF:BA:31:4D:A0:22:50:DF:CA:E0:67:1B:D4:55:B2:1F:B9:7C:92:9F:DB
        a=setup:actpass
        a=mid:0
        a=sendrecv
        a=rtcp-mux
        a=rtpmap:111 opus/48000/2
        a=fmtp:111 minptime=10;useinbandfec=1
        a=rtpmap:0 PCMU/8000
        a=rtpmap:8 PCMA/8000
        a=rtpmap:126 telephone-event/8000

        """

    /// Every fixture written in RFC 8866's order, which ``SessionDescription/serialized()`` reproduces byte
    /// for byte.
    static let canonical: [(String, String)] = [
        ("RFC 8866", rfc8866), ("RFC 4566", rfc4566), ("SIPp", sipp), ("Snom", snom), ("linphone", linphone),
        ("baresip", baresip), ("WebRTC", webRTC),
    ]
}
