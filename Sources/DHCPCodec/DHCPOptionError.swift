/// Why an option's value does not match its type (RFC 2132 and the RFC defining the option).
///
/// A server ignores such an option rather than the whole message, so this never fails a parse: the option
/// stays in ``DHCPMessage/options`` raw, ``DHCPOption/decoded`` returns this error, and
/// ``DHCPMessage/malformedOptions`` lists it for logging.
public struct DHCPOptionError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// A fixed-size value with the wrong length.
        case wrongLength(actual: Int, expected: Int)
        /// A list of fixed-size items whose length is zero or not a multiple of the item size.
        case notAListOf(itemSize: Int, actual: Int)
        /// Shorter than the minimum the RFC allows.
        case tooShort(actual: Int, minimum: Int)
        /// Text that is empty (after trailing NULs) or not UTF-8.
        case invalidText
        /// A value outside the range the RFC defines (option 52's 1–3, option 57's ≥ 576, option 120's encoding).
        case outOfRange(value: Int)
        /// A domain name that is not uncompressed RFC 1035 §3.1 labels.
        case invalidDomainName
        /// A sub-option (RFC 3046 §2.0, RFC 2132 §8.4) that runs past the end of the value.
        case truncatedSubOption(code: UInt8, offset: Int)
    }

    /// The option code.
    public let code: UInt8
    public let reason: Reason

    public init(code: UInt8, reason: Reason) {
        self.code = code
        self.reason = reason
    }

    public var description: String {
        let name = DHCPOptionCode.name(of: code).map { "option \(code) (\($0))" } ?? "option \(code)"
        switch reason {
        case .wrongLength(let actual, let expected):
            return "\(name): \(actual) bytes, expected \(expected)"
        case .notAListOf(let itemSize, let actual):
            return "\(name): \(actual) bytes, expected a non-empty multiple of \(itemSize)"
        case .tooShort(let actual, let minimum):
            return "\(name): \(actual) bytes, expected at least \(minimum)"
        case .invalidText:
            return "\(name): empty or not UTF-8 text"
        case .outOfRange(let value):
            return "\(name): value \(value) out of range"
        case .invalidDomainName:
            return "\(name): not a list of RFC 1035 domain names"
        case .truncatedSubOption(let subCode, let offset):
            return "\(name): sub-option \(subCode) at byte \(offset) of the value runs past its end"
        }
    }
}
