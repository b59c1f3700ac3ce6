import MediaCore

/// Where a leg's phone said, in its SDP, it wants media: the connection address with the `m=` port for RTP,
/// the RTCP address (`a=rtcp`, RFC 3605; otherwise the RTP port + 1, RFC 3550 §11), and whether RTCP shares
/// the RTP port (`a=rtcp-mux`, RFC 5761). Symmetric RTP (``LatchingPolicy``) overrides these addresses
/// once the phone's own packets arrive.
///
/// ```swift
/// // c=IN IP4 192.0.2.7 / m=audio 4000 RTP/AVP 0 101
/// let remote = MediaRemote(address: "192.0.2.7", rtpPort: 4000)     // RTCP to 192.0.2.7:4001
/// let muxed = MediaRemote(address: "192.0.2.7", rtpPort: 4000, rtcpMux: true)
/// ```
public struct MediaRemote: Hashable, Sendable {
    /// Where to send RTP; `nil` when unknown (no SDP yet, `c=IN IP4 0.0.0.0`, port 0).
    public var rtp: MediaEndpoint?
    /// Where to send RTCP when not muxed; `nil` when unknown.
    public var rtcp: MediaEndpoint?
    /// RTCP goes to the RTP address, through the relay's RTP port.
    public var rtcpMux: Bool

    /// Nothing known: media for the leg goes nowhere until the phone's first packet latches its address.
    public static let unknown = MediaRemote(rtp: nil)

    /// A remote from endpoints; `rtcp` defaults to the RTP port + 1.
    public init(rtp: MediaEndpoint?, rtcp: MediaEndpoint? = nil, rtcpMux: Bool = false) {
        self.rtp = rtp
        self.rtcpMux = rtcpMux
        if let rtcp {
            self.rtcp = rtcp
        } else if let rtp, rtp.port < .max {
            self.rtcp = MediaEndpoint(address: rtp.address, port: rtp.port + 1)
        } else {
            self.rtcp = nil
        }
    }

    /// A remote from SDP text: an address that is not a dotted quad, `0.0.0.0`, or port 0 leaves it unknown.
    public init(address: String, rtpPort: Int, rtcpAddress: String? = nil, rtcpPort: Int? = nil, rtcpMux: Bool = false)
    {
        let rtp = MediaEndpoint(address: address, port: rtpPort)
        let rtcp = rtcpPort.flatMap { MediaEndpoint(address: rtcpAddress ?? address, port: $0) }
        self.init(rtp: rtp, rtcp: rtcp, rtcpMux: rtcpMux)
    }
}
