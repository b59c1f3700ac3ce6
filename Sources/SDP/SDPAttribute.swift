/// An attribute line (RFC 8866 §5.13): a property (`a=sendonly`) or a name with a value
/// (`a=rtpmap:0 PCMU/8000`). Kept in order and as written; the typed views (``MediaDescription/mediaFormats``,
/// ``MediaDescription/direction``, ``MediaDescription/rtcp``…) read them.
///
/// ```
/// a=rtpmap:101 telephone-event/8000
///   \____/ \_______________________/
///    name            value
/// ```
public struct SDPAttribute: Hashable, Sendable, CustomStringConvertible {
    /// The attribute name, a token; compared as written (RFC 8866 §5.13 makes names case-sensitive).
    public var name: String
    /// Everything after the first colon, or nil for a property attribute.
    public var value: String?

    public init(name: String, value: String? = nil) {
        self.name = name
        self.value = value
    }

    /// Parses the value of an a= line: `att-field [":" att-value]`.
    public init(parsing text: String) throws(SDPParseError) {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard let name = parts.first, SDPText.isToken(name) else {
            throw SDPParseError(
                .invalidAttribute, text: text, "the attribute name must be a non-empty token (RFC 8866 §5.13)")
        }
        self.init(name: String(name), value: parts.count == 2 ? String(parts[1]) : nil)
    }

    public var description: String { value.map { "\(name):\($0)" } ?? name }
}
