extension SIPFuzzTarget {
    /// Messages the fuzzer starts from: what phones and the PBX exchange every day (REGISTER with digest
    /// credentials, its challenge and 200, an INVITE with SDP, ACK, BYE, an OPTIONS ping), plus the odd forms
    /// the grammar allows (compact names, folding, IPv6, quoted display names, tel URIs). `scripts/fuzz/sip.sh`
    /// adds the RFC 4475 torture messages, and the tests mutate both.
    public static var seeds: [[UInt8]] {
        [
            """
            REGISTER sip:pbx.lab SIP/2.0
            Via: SIP/2.0/UDP 10.0.0.23:5060;branch=z9hG4bK-1s7rjmhdbqm3;rport
            From: "Reception" <sip:201@pbx.lab>;tag=6ll9ssbv8v
            To: "Reception" <sip:201@pbx.lab>
            Call-ID: 3c26700857e0-ha2nzvn4ubff
            CSeq: 2 REGISTER
            Max-Forwards: 70
            Contact: <sip:201@10.0.0.23:5060;line=kq8kd2m3>;reg-id=1;+sip.instance="<urn:uuid:0f4c9a1e-2b6d>";expires=3600
            User-Agent: snomD785/10.1.159.12
            Supported: path, gruu, outbound
            Authorization: Digest username="201", realm="pbx.lab", nonce="5f2a9c1e7b3d", uri="sip:pbx.lab", response="0d4b8c1f6e2a3b5c7d9e0f1a2b3c4d5e", algorithm=MD5, qop=auth, nc=00000001, cnonce="x"
            Expires: 3600
            Content-Length: 0


            """,
            """
            SIP/2.0 401 Unauthorized
            Via: SIP/2.0/UDP 10.0.0.23:5060;branch=z9hG4bK-1s7rjmhdbqm3;rport=5060;received=10.0.0.23
            From: "Reception" <sip:201@pbx.lab>;tag=6ll9ssbv8v
            To: "Reception" <sip:201@pbx.lab>;tag=a9f3e2
            Call-ID: 3c26700857e0-ha2nzvn4ubff
            CSeq: 1 REGISTER
            WWW-Authenticate: Digest realm="pbx.lab", nonce="5f2a9c1e7b3d", algorithm=MD5, qop="auth"
            Content-Length: 0


            """,
            """
            SIP/2.0 200 OK
            Via: SIP/2.0/TLS [2001:db8::23]:5061;branch=z9hG4bK-x;rport=5061;received=[2001:db8::23]
            From: <sip:201@pbx.lab>;tag=6ll9ssbv8v
            To: <sip:201@pbx.lab>;tag=a9f3e2
            Call-ID: 3c26700857e0-ha2nzvn4ubff
            CSeq: 2 REGISTER
            Contact: <sip:201@10.0.0.23:5060>;expires=3600, <sip:201@10.0.0.24>;expires=12
            Date: Sat, 13 Nov 2010 23:29:00 GMT
            Content-Length: 0


            """,
            """
            INVITE sip:202@pbx.lab SIP/2.0
            Via: SIP/2.0/TCP 10.0.0.23:5060;branch=z9hG4bK-a8w2y1;rport
            Max-Forwards: 70
            Route: <sip:pbx.lab;lr>
            From: "Reception \\"Desk\\"" <sip:201@pbx.lab>;tag=2f8c1a
            To: <sip:202@pbx.lab>
            Call-ID: a84b4c76e66710@10.0.0.23
            CSeq: 314159 INVITE
            Contact: <sip:201@10.0.0.23:5060;transport=tcp>
            Allow: INVITE, ACK, CANCEL, BYE, REFER, OPTIONS, NOTIFY, INFO
            Content-Type: application/sdp
            Content-Length: 96

            v=0
            o=root 1 1 IN IP4 10.0.0.23
            s=call
            c=IN IP4 10.0.0.23
            t=0 0
            m=audio 62000 RTP/AVP 8 0

            """,
            """
            ACK sip:202@10.0.0.24:5060;transport=tcp SIP/2.0
            v: SIP/2.0/TCP 10.0.0.23:5060;branch=z9hG4bK-ack1
            Max-Forwards: 70
            f: <sip:201@pbx.lab>;tag=2f8c1a
            t: <sip:202@pbx.lab>;tag=77
            i: a84b4c76e66710@10.0.0.23
            CSeq: 314159 ACK
            l: 0


            """,
            """
            BYE tel:+4930123456;phone-context=pbx.lab SIP/2.0
            Via: SIP/2.0/UDP pbx.lab;branch=z9hG4bK-bye
            Via: SIP/2.0/UDP 10.0.0.24;branch=z9hG4bK-ua, SIP/2.0/UDP 10.0.0.25;branch=z9hG4bK-ub
            Max-Forwards: 69
            From: sip:202@pbx.lab;tag=77
            To: Reception <sip:201@pbx.lab>;tag=2f8c1a
            Call-ID: a84b4c76e66710@10.0.0.23
            CSeq: 2 BYE
            Subject: a long
             folded subject
            Require: path
            Content-Length: 0


            """,
            """
            OPTIONS sip:201@10.0.0.23:5060 SIP/2.0
            Via: SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-opt;rport
            From: <sip:pbx@pbx.lab>;tag=q1
            To: <sip:201@10.0.0.23:5060>
            Call-ID: qualify-1@pbx.lab
            CSeq: 1 OPTIONS
            Max-Forwards: 70
            Content-Length: 0


            """,
        ].map { text in text.utf8.flatMap { $0 == 10 ? [13, 10] : [$0] } }
    }
}
