/// Why bytes are not a TFTP packet, and at which byte offset.
///
/// ```swift
/// do { _ = try TFTPPacket(parsing: bytes) } catch { print(error) }
/// // "TFTP packet: mode at byte 11 has no terminating NUL"
/// ```
public struct TFTPParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A NUL-terminated string field of a packet.
    public enum Field: Hashable, Sendable, CustomStringConvertible {
        case filename
        case mode
        case optionName
        case optionValue(name: String)

        public var description: String {
            switch self {
            case .filename: return "filename"
            case .mode: return "mode"
            case .optionName: return "option name"
            case .optionValue(let name): return "value of option \"\(name)\""
            }
        }
    }

    public enum Reason: Hashable, Sendable {
        /// Fewer bytes than the opcode's fixed part: 2 for any packet, 4 for DATA, ACK and ERROR.
        case tooShort(length: Int, minimum: Int)
        /// An opcode other than 1–6.
        case unknownOpcode(UInt16)
        /// A string field runs to the end of the packet without its NUL.
        case missingTerminator(Field)
        /// A string field is not valid UTF-8.
        case invalidUTF8(Field)
        /// An RRQ or WRQ with an empty file name.
        case emptyFilename
        /// A mode other than netascii, octet or mail (any case).
        case unknownMode(String)
        /// An empty option name followed by more than NUL padding.
        case emptyOptionName
        /// An option name with no value after it (an odd number of option strings).
        case optionWithoutValue(name: String)
    }

    public let reason: Reason
    /// Byte offset from the start of the packet (the opcode) where the problem is.
    public let offset: Int

    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String {
        switch reason {
        case .tooShort(let length, let minimum):
            return "TFTP packet: \(length) bytes, shorter than the \(minimum) its opcode needs"
        case .unknownOpcode(let opcode):
            return "TFTP packet: opcode \(opcode) at byte \(offset) is not one of 1–6 (RRQ…OACK)"
        case .missingTerminator(let field):
            return "TFTP packet: \(field) at byte \(offset) has no terminating NUL"
        case .invalidUTF8(let field):
            return "TFTP packet: \(field) at byte \(offset) is not valid UTF-8"
        case .emptyFilename:
            return "TFTP packet: empty filename at byte \(offset)"
        case .unknownMode(let mode):
            return "TFTP packet: mode \"\(mode)\" at byte \(offset) is not netascii, octet or mail"
        case .emptyOptionName:
            return "TFTP packet: empty option name at byte \(offset)"
        case .optionWithoutValue(let name):
            return "TFTP packet: option \"\(name)\" at byte \(offset) has no value"
        }
    }
}
