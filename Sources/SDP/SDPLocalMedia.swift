/// What this side of a leg offers or accepts for audio (RFC 3264 §5, §6): the relay's address and port, the
/// codecs in preference order, and the attributes the PBX writes.
///
/// ```swift
/// let local = SDPLocalMedia(address: "192.0.2.1", port: 40000, codecs: [.pcma, .pcmu])
/// let offer = SDPNegotiation.offer(local: local, origin: origin)
/// ```
public struct SDPLocalMedia: Hashable, Sendable {
    /// The IPv4 (or IPv6) address media is received on, as text.
    public var address: String
    /// The RTP port (even, RFC 3550 §11); RTCP is on port + 1 unless rtcp-mux is agreed.
    public var port: Int
    /// The codecs this side handles, most preferred first.
    public var codecs: [SDPCodec]
    /// Whether RFC 4733 telephone-event/8000 is offered, or accepted when offered.
    public var telephoneEvent: Bool
    /// The packet duration this side wants to receive, in milliseconds (a=ptime, RFC 8866 §6.4).
    public var ptime: Int?
    /// Whether RTP and RTCP may share the port (a=rtcp-mux, RFC 5761 §5.1.1): offered, or accepted when
    /// offered.
    public var rtcpMux: Bool
    /// What this side is willing to do: sendrecv, or sendonly/inactive to hold (RFC 3264 §8.4).
    public var direction: SDPDirection

    public init(
        address: String, port: Int, codecs: [SDPCodec], telephoneEvent: Bool = true, ptime: Int? = 20,
        rtcpMux: Bool = false, direction: SDPDirection = .sendrecv
    ) {
        self.address = address
        self.port = port
        self.codecs = codecs
        self.telephoneEvent = telephoneEvent
        self.ptime = ptime
        self.rtcpMux = rtcpMux
        self.direction = direction
    }

    /// The c= line for ``address``: IP6 when it holds a colon, else IP4.
    var connection: SDPConnection {
        SDPConnection(addressType: address.contains(":") ? "IP6" : "IP4", address: address)
    }
}
