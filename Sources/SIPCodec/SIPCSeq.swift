/// The CSeq header (RFC 3261 §20.16): a sequence number and the request's method.
///
/// ```
/// CSeq: 4711 INVITE
/// ```
public struct SIPCSeq: Hashable, Sendable, CustomStringConvertible {
    /// 32-bit unsigned (RFC 3261 §8.1.1.5); larger values are malformed (RFC 4475 §3.1.2.4).
    public var sequence: UInt32
    public var method: SIPMethod

    public init(sequence: UInt32, method: SIPMethod) {
        self.sequence = sequence
        self.method = method
    }

    /// Parses `1*DIGIT LWS Method`.
    public init(parsing text: String) throws(SIPParseError) {
        self = try text.withSIPBytes { bytes throws(SIPParseError) in
            var scanner = SIPScanner(bytes)
            scanner.skipWhitespace()
            let digits = scanner.scan(while: SIPByteClass.isDigit)
            guard let sequence = scanner.decimal(digits, maximum: UInt64(UInt32.max)) else {
                throw SIPParseError(
                    .malformedHeader, at: digits.lowerBound,
                    "the sequence number must be a decimal below 2^32 (RFC 3261 §8.1.1.5)"
                ).in(.cseq)
            }
            let beforeSpace = scanner.index
            scanner.skipWhitespace()
            guard scanner.index > beforeSpace, let method = scanner.token() else {
                throw SIPParseError(.malformedHeader, at: scanner.index, "expected a method after the number").in(.cseq)
            }
            scanner.skipWhitespace()
            guard scanner.isAtEnd else {
                throw SIPParseError(.malformedHeader, at: scanner.index, "text after the method").in(.cseq)
            }
            return SIPCSeq(sequence: UInt32(sequence), method: SIPMethod(scanner, method))
        }
    }

    public var description: String { "\(sequence) \(method)" }
}
