/// Typical messages of a lab PBX, written as a Snom or Yealink phone sends them (CRLF line ends).
enum SampleMessages {
    /// A REGISTER answering a digest challenge: ~500 bytes, the registrar's hot path.
    static let register: [UInt8] = .crlf(
        """
        REGISTER sip:pbx.lab SIP/2.0
        Via: SIP/2.0/UDP 10.0.0.23:5060;branch=z9hG4bK-1s7rjmhdbqm3;rport
        From: "Reception" <sip:201@pbx.lab>;tag=6ll9ssbv8v
        To: "Reception" <sip:201@pbx.lab>
        Call-ID: 3c26700857e0-ha2nzvn4ubff
        CSeq: 2 REGISTER
        Max-Forwards: 70
        Contact: <sip:201@10.0.0.23:5060;line=kq8kd2m3>;reg-id=1;+sip.instance="<urn:uuid:0f4c9a1e-2b6d-4e8f-9a3b-000413aabb01>";expires=3600
        User-Agent: snomD785/10.1.159.12
        Supported: path, gruu, outbound
        Authorization: Digest username="201", realm="pbx.lab", nonce="5f2a9c1e7b3d", uri="sip:pbx.lab", response="0d4b8c1f6e2a3b5c7d9e0f1a2b3c4d5e", algorithm=MD5
        Expires: 3600
        Content-Length: 0


        """)

    static let invite: [UInt8] = .crlf(
        """
        INVITE sip:202@pbx.lab SIP/2.0
        Via: SIP/2.0/TCP 10.0.0.23:5060;branch=z9hG4bK-a8w2y1;rport
        Max-Forwards: 70
        From: "Reception" <sip:201@pbx.lab>;tag=2f8c1a
        To: <sip:202@pbx.lab>
        Call-ID: a84b4c76e66710@10.0.0.23
        CSeq: 314159 INVITE
        Contact: <sip:201@10.0.0.23:5060;transport=tcp>
        Allow: INVITE, ACK, CANCEL, BYE, REFER, OPTIONS, NOTIFY, INFO
        Content-Type: application/sdp
        Content-Length: 135

        v=0
        o=root 1 1 IN IP4 10.0.0.23
        s=call
        c=IN IP4 10.0.0.23
        t=0 0
        m=audio 62000 RTP/AVP 8 0 101
        a=rtpmap:101 telephone-event/8000

        """)

    static let ok: [UInt8] = .crlf(
        """
        SIP/2.0 200 OK
        Via: SIP/2.0/UDP 10.0.0.23:5060;branch=z9hG4bK-1s7rjmhdbqm3;rport=5060;received=10.0.0.23
        From: "Reception" <sip:201@pbx.lab>;tag=6ll9ssbv8v
        To: "Reception" <sip:201@pbx.lab>;tag=a9f3e2
        Call-ID: 3c26700857e0-ha2nzvn4ubff
        CSeq: 2 REGISTER
        Contact: <sip:201@10.0.0.23:5060;line=kq8kd2m3>;expires=3600
        Content-Length: 0


        """)

    static let all = [register, invite, ok]
}
