/// The first header of an RTCP compound packet (RFC 3550 §6.4.1), enough for the relay to check what it
/// forwards: version 2, a packet type in 192…223 (RFC 5761 §4), and a length that fits the datagram. The
/// relay passes RTCP on unchanged; it does not rewrite reports.
///
/// ```
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |V=2|P|    RC   |   PT=SR=200   |             length            |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                         SSRC of sender                        |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// ```
public struct RTCPHeader: Hashable, Sendable {
    /// RC/SC: reception report or source count (or the subtype, for APP and feedback packets).
    public var count: UInt8
    /// 200 SR, 201 RR, 202 SDES, 203 BYE, 204 APP, 205 RTPFB, 206 PSFB, 207 XR.
    public var packetType: UInt8
    /// The first packet's length in bytes: (length field + 1) × 4.
    public var length: Int
    /// The sender's SSRC.
    public var ssrc: UInt32

    /// Parses the first RTCP header of a datagram; `nil` when it is not valid RTCP (too short, version not 2,
    /// a type outside 192…223, or a first packet longer than the datagram).
    public init?(parsing bytes: UnsafeRawBufferPointer) {
        guard bytes.count >= 8, bytes[0] >> 6 == 2, (192...223).contains(bytes[1]) else { return nil }
        let words = Int(bytes[2]) << 8 | Int(bytes[3])
        let length = (words + 1) * 4
        guard length <= bytes.count else { return nil }
        count = bytes[0] & 0x1F
        packetType = bytes[1]
        self.length = length
        ssrc = UInt32(bytes[4]) << 24 | UInt32(bytes[5]) << 16 | UInt32(bytes[6]) << 8 | UInt32(bytes[7])
    }

    /// Parses the first RTCP header of a datagram.
    public init?(parsing bytes: [UInt8]) {
        guard let header = bytes.withUnsafeBytes({ Self(parsing: $0) }) else { return nil }
        self = header
    }
}
