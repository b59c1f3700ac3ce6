/// Why a datagram is not an RTP packet (RFC 3550 §5.1, Appendix A.1's header validity checks). The relay
/// drops such datagrams and counts them; nothing from the wire makes the parser trap.
public enum RTPParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Fewer than the 12 bytes of the fixed header.
    case tooShort(length: Int)
    /// The version field is not 2.
    case unsupportedVersion(UInt8)
    /// The CSRC count says more identifiers than the datagram holds.
    case truncatedCSRCList(count: Int, length: Int)
    /// The header extension (§5.3.1) runs past the end of the datagram.
    case truncatedExtension(length: Int)
    /// The padding count (the last byte, when P is set) is 0 or longer than what follows the header.
    case invalidPadding(count: Int)

    public var description: String {
        switch self {
        case .tooShort(let length): "RTP packet of \(length) bytes is shorter than the 12-byte header"
        case .unsupportedVersion(let version): "RTP version \(version), not 2"
        case .truncatedCSRCList(let count, let length): "\(count) CSRCs do not fit a \(length)-byte RTP packet"
        case .truncatedExtension(let length): "RTP header extension runs past the \(length)-byte packet"
        case .invalidPadding(let count): "RTP padding count \(count) is invalid"
        }
    }
}
