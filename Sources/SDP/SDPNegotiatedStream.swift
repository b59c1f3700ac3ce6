/// One stream both sides agreed on (RFC 3264 §6.1, §7): the codec and payload types to use on this leg,
/// where the remote party receives RTP and RTCP, and what this side may do.
///
/// Built by ``SDPNegotiation/answer(to:local:origin:)`` (the remote party offered) and by
/// ``SDPNegotiation/negotiated(offer:answer:)`` (the remote party answered our offer).
public struct SDPNegotiatedStream: Hashable, Sendable {
    /// The index of the m= line in the offer (and the answer: they have the same lines, RFC 3264 §6).
    public var mediaIndex: Int
    /// The codec of this leg and its payload type: the offerer's when we answer (RFC 3264 §6.1), the
    /// answerer's when we read an answer (the number the remote party expects to receive).
    public var format: SDPMediaFormat
    /// RFC 4733 telephone-event, when both sides accept it, with the same payload type rules as ``format``.
    public var telephoneEvent: SDPMediaFormat?
    /// Where the remote party receives RTP: its stream's connection address (or the session's).
    public var remoteAddress: String
    public var remotePort: Int
    /// Where the remote party receives RTCP: RTP's port with rtcp-mux, else its a=rtcp (RFC 3605), else
    /// the RTP port plus one (RFC 3550 §11).
    public var remoteRTCP: SDPTransportAddress
    /// Whether RTP and RTCP share one port (RFC 5761): offered and accepted.
    public var rtcpMux: Bool
    /// What this side may do: send when it is sendrecv or sendonly, receive when sendrecv or recvonly.
    public var localDirection: SDPDirection
    /// The packet duration the remote party wants to receive, in milliseconds (its a=ptime).
    public var ptime: Int?
    /// Whether the remote party's description holds the stream: sendonly, inactive or c=0.0.0.0
    /// (RFC 3264 §8.4); it does not want this side's audio.
    public var onHold: Bool

    public init(
        mediaIndex: Int, format: SDPMediaFormat, telephoneEvent: SDPMediaFormat?, remoteAddress: String,
        remotePort: Int, remoteRTCP: SDPTransportAddress, rtcpMux: Bool, localDirection: SDPDirection,
        ptime: Int?, onHold: Bool
    ) {
        self.mediaIndex = mediaIndex
        self.format = format
        self.telephoneEvent = telephoneEvent
        self.remoteAddress = remoteAddress
        self.remotePort = remotePort
        self.remoteRTCP = remoteRTCP
        self.rtcpMux = rtcpMux
        self.localDirection = localDirection
        self.ptime = ptime
        self.onHold = onHold
    }

    /// The remote party's RTP address and port.
    public var remoteRTP: SDPTransportAddress { SDPTransportAddress(address: remoteAddress, port: remotePort) }

    /// The stream `remote` describes in `description`, with the formats and direction agreed.
    static func remote(
        _ remote: MediaDescription, at index: Int, in description: SessionDescription, format: SDPMediaFormat,
        telephoneEvent: SDPMediaFormat?, rtcpMux: Bool, localDirection: SDPDirection
    ) -> SDPNegotiatedStream? {
        guard let address = description.connection(for: remote)?.address else { return nil }
        let rtcp =
            if rtcpMux {
                SDPTransportAddress(address: address, port: remote.port)
            } else if let attribute = remote.rtcp {
                SDPTransportAddress(address: attribute.connection?.address ?? address, port: attribute.port)
            } else {
                SDPTransportAddress(address: address, port: remote.port + 1)
            }
        return SDPNegotiatedStream(
            mediaIndex: index, format: format, telephoneEvent: telephoneEvent, remoteAddress: address,
            remotePort: remote.port, remoteRTCP: rtcp, rtcpMux: rtcpMux, localDirection: localDirection,
            ptime: remote.ptime, onHold: description.isOnHold(remote))
    }
}
