/// Splits a challenge or credentials value into its scheme and `auth-param`s (RFC 7235 §2.1, RFC 3261 §25.1):
///
/// ```
/// credentials = auth-scheme 1*LWS [ auth-param *( LWS* "," LWS* auth-param ) ]
/// auth-param  = token LWS* "=" LWS* ( token / quoted-string )
/// quoted-string = DQUOTE *( qdtext / "\" (%x00-09 / %x0B-0C / %x0E-7F) ) DQUOTE
/// ```
///
/// Empty list elements (`a=1,,b=2`, a trailing comma) are skipped as RFC 7230 §7 asks of recipients. Values are
/// unescaped. Control characters (other than HTAB) are refused everywhere, so a value can never smuggle a line
/// break into a log or a re-serialised header; folded lines (RFC 3261 §7.3.1) are the codec's to unfold before
/// this runs. Every index is checked: no input traps.
///
/// The scan reads the value's own UTF-8 in place and hands each name over as bytes
/// (``AuthParameterName``): a parser matches the names it knows without building a string for each, which
/// matters on a registrar's hot path (every REGISTER carries ten or so parameters).
struct AuthHeaderScanner {
    private let bytes: UnsafeRawBufferPointer
    private var index = 0

    private init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// Reads the whole value: checks that the scheme is `scheme` (ASCII case-insensitively, RFC 7235 §2.1),
    /// then returns the parameters in order, names lowercased.
    static func scan(_ text: String, scheme: String) throws(DigestParseError) -> [AuthParameter] {
        var parameters: [AuthParameter] = []
        try scan(text, scheme: scheme) { (name, value, isQuoted) throws(DigestParseError) in
            parameters.append(AuthParameter(name: name.lowercased, value: value, isQuoted: isQuoted))
        }
        return parameters
    }

    /// Reads the whole value as ``scan(_:scheme:)`` does, handing each parameter to `visit` in order: its name
    /// (valid during the call only), its unescaped value, and whether the value was quoted.
    static func scan(
        _ text: String, scheme: String,
        _ visit: (AuthParameterName, String, Bool) throws(DigestParseError) -> Void
    ) throws(DigestParseError) {
        var text = text
        try text.withUTF8 { utf8 in
            Result { () throws(DigestParseError) in
                var scanner = AuthHeaderScanner(UnsafeRawBufferPointer(utf8))
                try scanner.scheme(scheme)
                try scanner.parameters(visit)
            }
        }.get()
    }

    private mutating func scheme(_ scheme: String) throws(DigestParseError) {
        skipWhitespace()
        let schemeStart = index
        skipToken()
        let sent = AuthParameterName(UnsafeRawBufferPointer(rebasing: bytes[schemeStart..<index]))
        guard sent.matches(scheme) else { throw .notDigest(scheme: string(schemeStart..<index)) }
        let afterScheme = index
        skipWhitespace()
        if index == afterScheme, index < bytes.count {
            throw .syntax(offset: index, expected: "a space after the scheme")
        }
    }

    private mutating func parameters(
        _ visit: (AuthParameterName, String, Bool) throws(DigestParseError) -> Void
    ) throws(DigestParseError) {
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
                continue
            }
            let nameStart = index
            skipToken()
            guard index > nameStart else { throw .syntax(offset: index, expected: "a parameter name") }
            let name = AuthParameterName(UnsafeRawBufferPointer(rebasing: bytes[nameStart..<index]))
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                throw .syntax(offset: index, expected: "\"=\" after \(name.lowercased)")
            }
            index += 1
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                try visit(name, try quotedString(), true)
            } else {
                let valueStart = index
                skipToken()
                guard index > valueStart else { throw .syntax(offset: index, expected: "a token or quoted value") }
                try visit(name, string(valueStart..<index), false)
            }
            skipWhitespace()
            guard index < bytes.count else { break }
            guard bytes[index] == UInt8(ascii: ",") else {
                throw .syntax(offset: index, expected: "\",\" between parameters")
            }
        }
    }

    /// Reads a quoted-string starting at its opening quote; returns its unescaped content.
    private mutating func quotedString() throws(DigestParseError) -> String {
        index += 1
        let start = index
        var unescaped: [UInt8]? = nil  // only allocated when the value holds a quoted-pair
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                let value = unescaped.map { String(decoding: $0, as: UTF8.self) } ?? string(start..<index)
                index += 1
                return value
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count, bytes[index + 1] < 0x80, !Self.isControl(bytes[index + 1]) else {
                    throw .syntax(offset: index, expected: "an escaped printable character after \"\\\"")
                }
                if unescaped == nil { unescaped = Array(bytes[start..<index]) }
                unescaped?.append(bytes[index + 1])
                index += 2
            default:
                guard !Self.isControl(byte) else { throw .syntax(offset: index, expected: "a printable character") }
                unescaped?.append(byte)
                index += 1
            }
        }
        throw .syntax(offset: index, expected: "a closing quote")
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
            index += 1
        }
    }

    private mutating func skipToken() {
        while index < bytes.count, Self.isTokenCharacter(bytes[index]) { index += 1 }
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// HTAB is allowed inside quoted strings (qdtext includes LWS); CR, LF and other controls are not.
    private static func isControl(_ byte: UInt8) -> Bool { (byte < 0x20 && byte != 0x09) || byte == 0x7F }

    /// RFC 7230 §3.2.6 `tchar`, a superset of RFC 3261 §25.1 `token` (which lacks `#$&^|`).
    static func isTokenCharacter(_ byte: UInt8) -> Bool {
        // RFC 7230 §3.2.6 tchar: ALPHA, DIGIT and !#$%&'*+-.^_`|~ (a switch: no table behind a lazy global).
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "!"), UInt8(ascii: "#")...UInt8(ascii: "'"),
            UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "^"),
            UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"):
            true
        default: false
        }
    }
}

/// An `auth-param` name as the peer wrote it (a token, in any case), borrowed from the header value being
/// scanned: compare it with ``equals(_:)`` or ``matches(_:)``, copy it with ``lowercased``.
struct AuthParameterName {
    private let bytes: UnsafeRawBufferPointer

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var count: Int { bytes.count }

    /// Whether the name is `name`, ASCII case-insensitively (RFC 7235 §2.1: names are case-insensitive).
    func equals(_ name: StaticString) -> Bool {
        matches(UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    }

    /// Whether the name is `name`, ASCII case-insensitively.
    func matches(_ name: String) -> Bool {
        var name = name
        return name.withUTF8 { matches(UnsafeRawBufferPointer($0)) }
    }

    private func matches(_ expected: UnsafeRawBufferPointer) -> Bool {
        guard expected.count == bytes.count else { return false }
        for index in 0..<bytes.count
        where DigestAlgorithm.asciiLowercase(bytes[index]) != DigestAlgorithm.asciiLowercase(expected[index]) {
            return false
        }
        return true
    }

    /// The name in lowercase, as a string.
    var lowercased: String {
        String(unsafeUninitializedCapacity: bytes.count) { buffer in
            for index in 0..<bytes.count { buffer[index] = DigestAlgorithm.asciiLowercase(bytes[index]) }
            return bytes.count
        }
    }
}
