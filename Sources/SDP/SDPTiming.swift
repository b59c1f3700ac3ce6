/// A time description (RFC 8866 §5.9, §5.10): when the session is active, `t=0 0` for an unbounded session
/// as SIP uses, and its repeat times kept as written.
///
/// ```
/// t=3034423619 3042462419
/// r=604800 3600 0 90000
/// ```
public struct SDPTiming: Hashable, Sendable {
    /// NTP seconds, or 0.
    public var start: UInt64
    /// NTP seconds, or 0 for an unbounded session.
    public var stop: UInt64
    /// The values of the r= lines that follow, as written.
    public var repeats: [String]

    public init(start: UInt64 = 0, stop: UInt64 = 0, repeats: [String] = []) {
        self.start = start
        self.stop = stop
        self.repeats = repeats
    }

    /// Parses the value of a t= line: two decimal times.
    public init(parsing text: String) throws(SDPParseError) {
        let fields = SDPText.fields(text)
        guard fields.count == 2, let start = SDPText.decimal(fields[0]), let stop = SDPText.decimal(fields[1]) else {
            throw SDPParseError(.invalidTiming, text: text, "expected start-time stop-time (RFC 8866 §5.9)")
        }
        self.init(start: start, stop: stop)
    }
}
