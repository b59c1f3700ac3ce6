/// Field checks shared by every model type. Each throws `CastorError.invalid` naming the field and saying
/// what is expected, so an API client or a CLI user can fix the input without reading code.
public enum Validate {
    /// Lower-case identifiers used in dial plans and file names: `[a-z0-9_-]`, starting with a letter or digit,
    /// at most 39 characters (XiVO's limit for context names, which Asterisk uses as dialplan context names).
    public static func identifier(_ value: String, field: String) throws(CastorError) {
        guard !value.isEmpty else { throw .invalid(field: field, reason: "must not be empty") }
        guard value.count <= 39 else { throw .invalid(field: field, reason: "must be at most 39 characters") }
        let ok = value.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        guard ok, let first = value.unicodeScalars.first, first != "-", first != "_" else {
            throw .invalid(
                field: field,
                reason: "\"\(value)\" must use only a-z, 0-9, '_' and '-', starting with a letter or digit")
        }
    }

    /// Human text (names, labels): non-empty, at most 128 characters, no control characters.
    public static func label(_ value: String, field: String) throws(CastorError) {
        guard !value.trimmingSpaces.isEmpty else { throw .invalid(field: field, reason: "must not be empty") }
        guard value.count <= 128 else { throw .invalid(field: field, reason: "must be at most 128 characters") }
        guard !value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else {
            throw .invalid(field: field, reason: "must not contain control characters")
        }
    }

    /// A dialable number: 1 to 40 ASCII digits.
    public static func digits(_ value: String, field: String) throws(CastorError) {
        guard !value.isEmpty, value.count <= 40, value.allSatisfy(\.isASCIIDigit) else {
            throw .invalid(field: field, reason: "\"\(value)\" must be 1 to 40 digits")
        }
    }

    /// A SIP username (RFC 3261 §25.1 `user` unreserved characters, conservatively): letters, digits, `-_.!~*'()`.
    public static func sipUser(_ value: String, field: String) throws(CastorError) {
        guard !value.isEmpty, value.count <= 64 else {
            throw .invalid(field: field, reason: "must be 1 to 64 characters")
        }
        let allowed = Set("-_.!~*'()+")
        guard value.allSatisfy({ ($0.isASCII && ($0.isLetter || $0.isNumber)) || allowed.contains($0) }) else {
            throw .invalid(field: field, reason: "\"\(value)\" must use only letters, digits and -_.!~*'()+")
        }
    }

    /// A SIP secret: 8 to 128 printable ASCII characters without quotes or backslashes (they would need
    /// escaping in phone configs and digest headers).
    public static func secret(_ value: String, field: String) throws(CastorError) {
        guard value.count >= 8 else { throw .invalid(field: field, reason: "must be at least 8 characters") }
        guard value.count <= 128 else { throw .invalid(field: field, reason: "must be at most 128 characters") }
        guard value.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f && $0 != "\"" && $0 != "\\" }) else {
            throw .invalid(field: field, reason: "must be printable ASCII without spaces, quotes or backslashes")
        }
    }

    /// `local@domain.tld`, with no spaces: enough to catch typos, not a full RFC 5322 parser.
    public static func email(_ value: String, field: String) throws(CastorError) {
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix("."), !value.contains(where: { $0 == " " || $0.isNewline }), value.count <= 254
        else { throw .invalid(field: field, reason: "\"\(value)\" is not an email address") }
    }

    /// A locale such as `fr_FR` or `en_US` (language `_` country).
    public static func language(_ value: String, field: String) throws(CastorError) {
        let parts = value.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            parts[0].allSatisfy({ $0.isASCII && $0.isLowercase }), parts[1].allSatisfy({ $0.isASCII && $0.isUppercase })
        else { throw .invalid(field: field, reason: "\"\(value)\" must be a locale such as fr_FR or en_US") }
    }

    /// A dotted-quad IPv4 address.
    public static func ipv4(_ value: String, field: String) throws(CastorError) {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4,
            parts.allSatisfy({ !$0.isEmpty && $0.count <= 3 && $0.allSatisfy(\.isASCIIDigit) && Int($0)! <= 255 })
        else { throw .invalid(field: field, reason: "\"\(value)\" is not an IPv4 address") }
    }
}

extension String {
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return s
    }
}
