/// One header field line (RFC 3261 §7.3): a name and its value, as one `Name: value` line on the wire.
///
/// When parsed, ``value`` is unfolded — each line fold (CRLF followed by SP or HTAB, RFC 3261 §7.3.1) and the
/// whitespace around it became a single SP — and trimmed of leading and trailing whitespace. Otherwise it is
/// byte for byte what the sender wrote, including several comma-separated values of a list header.
public struct SIPHeaderField: Hashable, Sendable {
    public var name: SIPHeaderName
    public var value: String

    public init(name: SIPHeaderName, value: String) {
        self.name = name
        self.value = value
    }
}
