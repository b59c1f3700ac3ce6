/// A bandwidth line (RFC 8866 §5.8): the bandwidth a session or a stream is expected to use.
///
/// ```
/// b=AS:64          (application specific, kilobits per second)
/// b=TIAS:64000     (RFC 3890, bits per second)
/// b=RR:0           (RFC 3556: no RTCP receiver reports)
/// ```
public struct SDPBandwidth: Hashable, Sendable, CustomStringConvertible {
    /// `CT`, `AS`, or an extension token such as `TIAS`, `RS`, `RR`; kept as written.
    public var type: String
    public var value: UInt64

    public init(type: String, value: UInt64) {
        self.type = type
        self.value = value
    }

    /// Parses the value of a b= line: `token:1*DIGIT`.
    public init(parsing text: String) throws(SDPParseError) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, SDPText.isToken(parts[0]), let value = SDPText.decimal(parts[1]) else {
            throw SDPParseError(.invalidBandwidth, text: text, "expected bwtype:bandwidth (RFC 8866 §5.8)")
        }
        self.init(type: String(parts[0]), value: value)
    }

    public var description: String { "\(type):\(value)" }
}
