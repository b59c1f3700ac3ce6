/// An ERROR packet's error code (RFC 1350 appendix "Error Codes"; 8 is RFC 2347's).
///
/// A struct rather than an enum so that a code outside 0–8 from a peer still parses and shows as its number.
public struct TFTPErrorCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt16

    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// 0: not defined, see the error message.
    public static let undefined = TFTPErrorCode(rawValue: 0)
    /// 1: file not found.
    public static let fileNotFound = TFTPErrorCode(rawValue: 1)
    /// 2: access violation.
    public static let accessViolation = TFTPErrorCode(rawValue: 2)
    /// 3: disk full or allocation exceeded.
    public static let diskFull = TFTPErrorCode(rawValue: 3)
    /// 4: illegal TFTP operation.
    public static let illegalOperation = TFTPErrorCode(rawValue: 4)
    /// 5: unknown transfer ID (a packet from a port that is not the transfer's peer).
    public static let unknownTransferID = TFTPErrorCode(rawValue: 5)
    /// 6: file already exists.
    public static let fileAlreadyExists = TFTPErrorCode(rawValue: 6)
    /// 7: no such user.
    public static let noSuchUser = TFTPErrorCode(rawValue: 7)
    /// 8: option negotiation refused: the client terminates the transfer after an OACK (RFC 2347).
    public static let optionNegotiationRefused = TFTPErrorCode(rawValue: 8)

    /// The RFC's wording for codes 0–8, `"error code N"` for others.
    public var description: String {
        switch rawValue {
        case 0: return "not defined"
        case 1: return "file not found"
        case 2: return "access violation"
        case 3: return "disk full or allocation exceeded"
        case 4: return "illegal TFTP operation"
        case 5: return "unknown transfer ID"
        case 6: return "file already exists"
        case 7: return "no such user"
        case 8: return "option negotiation refused"
        default: return "error code \(rawValue)"
        }
    }
}
