/// The header of an RTP data packet (RFC 3550 §5.1), read from the datagram's bytes, with where the payload
/// starts and how long it is once the CSRC list, the header extension (§5.3.1) and padding are skipped.
///
/// ```
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |V=2|P|X|  CC   |M|     PT      |       sequence number         |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                           timestamp                           |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |           synchronization source (SSRC) identifier            |
/// +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
/// |            contributing source (CSRC) identifiers (CC × 4)    |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// | profile-defined (16) |  extension length in 32-bit words (16) |  if X
/// |                    header extension ...                       |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |  payload ...                  | padding ...   | padding count |  count if P
/// ```
///
/// ```swift
/// let header = try RTPHeader(parsing: datagram)      // UnsafeRawBufferPointer or [UInt8]
/// header.payloadType          // 0 (PCMU)
/// header.payloadOffset        // 12
/// ```
///
/// Parsing is total: any byte string yields a header or an ``RTPParseError``, never a trap. It does not
/// allocate, so the relay parses every packet it forwards.
public struct RTPHeader: Hashable, Sendable {
    /// Always 2 for a parsed header.
    public var version: UInt8
    /// P: the packet ends with padding, whose last byte is its length.
    public var hasPadding: Bool
    /// X: a header extension follows the CSRC list.
    public var hasExtension: Bool
    /// CC: how many CSRC identifiers follow the fixed header.
    public var csrcCount: Int
    /// M: profile-defined; for audio the first packet of a talkspurt (RFC 3551 §4.1).
    public var marker: Bool
    /// PT: the payload format (RFC 3551 §6: 0 PCMU, 8 PCMA, 13 CN; 96–127 dynamic, as SDP maps them).
    public var payloadType: UInt8
    public var sequenceNumber: UInt16
    /// Sampling instant of the first octet, in the payload format's clock (8 kHz for G.711).
    public var timestamp: UInt32
    public var ssrc: UInt32
    /// Where the payload starts: 12 + 4 × CC, plus the extension when X is set.
    public var payloadOffset: Int
    /// The payload's length, without padding.
    public var payloadLength: Int
    /// The padding's length, including its count byte (0 without P).
    public var paddingLength: Int

    /// The 12 bytes of the fixed header.
    public static let fixedLength = 12

    /// Parses the header at the start of `bytes` (one whole datagram).
    public init(parsing bytes: UnsafeRawBufferPointer) throws(RTPParseError) {
        let length = bytes.count
        guard length >= Self.fixedLength else { throw .tooShort(length: length) }
        let first = bytes[0]
        version = first >> 6
        guard version == 2 else { throw .unsupportedVersion(version) }
        hasPadding = first & 0x20 != 0
        hasExtension = first & 0x10 != 0
        csrcCount = Int(first & 0x0F)
        marker = bytes[1] & 0x80 != 0
        payloadType = bytes[1] & 0x7F
        sequenceNumber = UInt16(bytes[2]) << 8 | UInt16(bytes[3])
        timestamp = Self.word(bytes, at: 4)
        ssrc = Self.word(bytes, at: 8)
        var offset = Self.fixedLength + 4 * csrcCount
        guard offset <= length else { throw .truncatedCSRCList(count: csrcCount, length: length) }
        if hasExtension {
            // RFC 3550 §5.3.1: 16 bits defined by profile, 16 bits of length in 32-bit words (header excluded).
            guard offset + 4 <= length else { throw .truncatedExtension(length: length) }
            let words = Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3])
            offset += 4 + 4 * words
            guard offset <= length else { throw .truncatedExtension(length: length) }
        }
        paddingLength = 0
        if hasPadding {
            // RFC 3550 §5.1: the last octet counts the padding, itself included; A.1 checks it fits.
            let count = Int(bytes[length - 1])
            guard count >= 1, count <= length - offset else { throw .invalidPadding(count: count) }
            paddingLength = count
        }
        payloadOffset = offset
        payloadLength = length - offset - paddingLength
    }

    /// Parses the header at the start of `bytes` (one whole datagram).
    public init(parsing bytes: [UInt8]) throws(RTPParseError) {
        let parsed = bytes.withUnsafeBytes { buffer in Result { () throws(RTPParseError) in try Self(parsing: buffer) }
        }
        self = try parsed.get()
    }

    /// The range of the payload in the datagram.
    public var payloadRange: Range<Int> { payloadOffset..<payloadOffset + payloadLength }

    /// Writes `payloadType` into the packet's second byte, keeping the marker bit: the only header change a
    /// relay that renumbers payload types makes (RFC 3550 §7.1: a translator may change the payload type).
    public static func rewritePayloadType(_ payloadType: UInt8, in packet: UnsafeMutableRawBufferPointer) {
        guard packet.count >= 2 else { return }
        packet[1] = packet[1] & 0x80 | payloadType & 0x7F
    }

    private static func word(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt32 {
        UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16 | UInt32(bytes[offset + 2]) << 8
            | UInt32(bytes[offset + 3])
    }
}
