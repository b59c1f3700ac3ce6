/// What a datagram arriving on a media port is, from its first two bytes, so that RTP and RTCP can share
/// one port (RFC 5761 §4, "rtcp-mux") and stray STUN or DTLS is told apart (RFC 7983 §7).
///
/// ```
/// first byte   0…3   STUN           second byte (when the first is 128…191)
///             20…63  DTLS            192…223  RTCP (PT 200 SR, 201 RR, 202 SDES, 203 BYE, 204 APP, 205–207)
///            128…191 RTP or RTCP     anything else  RTP (marker bit + payload type)
/// ```
///
/// RFC 5761 §4 is why a muxed session must not use RTP payload types 64–95: with the marker bit set they
/// read as RTCP packet types 192–223.
public enum MediaPacketKind: Hashable, Sendable {
    case rtp
    case rtcp
    /// STUN, DTLS, ZRTP, TURN channel data, or garbage: not relayed.
    case other

    /// Classifies a datagram by its first two bytes (`other` when it has fewer).
    public init(classifying bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= 2, (128...191).contains(bytes[0]) else {
            self = .other
            return
        }
        self = (192...223).contains(bytes[1]) ? .rtcp : .rtp
    }

    /// Classifies a datagram by its first two bytes (`other` when it has fewer).
    public init(classifying bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { Self(classifying: $0) }
    }
}
