/// Why bytes are not a session description (RFC 8866 §5, §9), and on which line.
///
/// Thrown by ``SessionDescription/init(parsing:)`` with ``line`` counted from 1 (blank lines count), and by
/// the field parsers (``SDPOrigin/init(parsing:)``, ``SDPConnection/init(parsing:)``…) with ``line`` nil.
///
/// ```swift
/// do { _ = try SessionDescription(parsing: Array(body)) } catch { print(error) }
/// // "SDP line 6 "m=audio x RTP/AVP 0": the port is not a number from 0 to 65535 (RFC 8866 §5.14)"
/// ```
public struct SDPParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong, in categories a caller can act on (all of them mean 400 or 488 to a SIP peer).
    public enum Kind: Hashable, Sendable {
        /// No bytes, or only blank lines.
        case empty
        /// A byte SDP text never carries: NUL, a CR not followed by LF, or invalid UTF-8 (RFC 8866 §5).
        case invalidCharacter
        /// A line that is not `<type>=<value>` with a one-letter type (RFC 8866 §5).
        case invalidLine
        /// A type letter RFC 8866 does not define: the description must be rejected (RFC 8866 §5).
        case unknownType
        /// The first line is not `v=0` (RFC 8866 §5.1).
        case invalidVersion
        /// A mandatory line is absent: o= (§5.2), s= (§5.3) or t= (§5.9).
        case missingField
        /// A line that may appear once appears twice (o=, s=, i=, u=, c= at session level, z=, k=).
        case duplicateField
        /// A line in a section that never carries it: v=, o=, s=, u=, e=, p=, t=, r=, z= after the first m=,
        /// or r= before any t= (RFC 8866 §5).
        case misplacedField
        /// An o= line that is not `username sess-id sess-version nettype addrtype unicast-address` (§5.2).
        case invalidOrigin
        /// A c= line that is not `nettype addrtype connection-address` (§5.7).
        case invalidConnection
        /// A media stream with a port but no c= line, neither its own nor the session's (§5.7).
        case missingConnection
        /// A b= line that is not `bwtype:bandwidth` (§5.8).
        case invalidBandwidth
        /// A t= line that is not two decimal times (§5.9).
        case invalidTiming
        /// An m= line that is not `media port[/number] proto 1*fmt` (§5.14).
        case invalidMedia
        /// An a= line without an attribute name (§5.13).
        case invalidAttribute
        /// An rtpmap encoding that is not `name/rate[/parameters]` (RFC 8866 §6.6).
        case invalidRTPMap
    }

    /// What is wrong.
    public var kind: Kind
    /// The 1-based line number in the description, or nil for a field parsed on its own.
    public var line: Int?
    /// The offending line as written (at most 80 characters), or the field's text.
    public var text: String
    /// A short explanation, citing the rule broken.
    public var detail: String

    public init(_ kind: Kind, line: Int? = nil, text: String, _ detail: String) {
        self.kind = kind
        self.line = line
        self.text = text.count > 80 ? String(text.prefix(77)) + "..." : text
        self.detail = detail
    }

    /// The same error, attributed to `line` of a description whose text is `text`.
    func at(line: Int, text: String) -> SDPParseError {
        SDPParseError(kind, line: line, text: text, detail)
    }

    public var description: String {
        guard let line else { return "SDP field \"\(text)\": \(detail)" }
        return text.isEmpty ? "SDP line \(line): \(detail)" : "SDP line \(line) \"\(text)\": \(detail)"
    }
}
