/// Splits a challenge or credentials value into its scheme and `auth-param`s (RFC 7235 §2.1, RFC 3261 §25.1):
///
/// ```
/// credentials = auth-scheme 1*LWS [ auth-param *( LWS* "," LWS* auth-param ) ]
/// auth-param  = token LWS* "=" LWS* ( token / quoted-string )
/// quoted-string = DQUOTE *( qdtext / "\" (%x00-09 / %x0B-0C / %x0E-7F) ) DQUOTE
/// ```
///
/// Empty list elements (`a=1,,b=2`, a trailing comma) are skipped as RFC 7230 §7 asks of recipients. Names are
/// lowercased; values are unescaped. Control characters (other than HTAB) are refused everywhere, so a value can
/// never smuggle a line break into a log or a re-serialised header; folded lines (RFC 3261 §7.3.1) are the
/// codec's to unfold before this runs. Every index is checked: no input traps.
struct AuthHeaderScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ text: String) { self.bytes = Array(text.utf8) }

    /// Reads the whole value: checks that the scheme is `scheme` (ASCII case-insensitively, RFC 7235 §2.1),
    /// then returns the parameters in order.
    static func scan(_ text: String, scheme: String) throws(DigestParseError) -> [AuthParameter] {
        var scanner = AuthHeaderScanner(text)
        scanner.skipWhitespace()
        let schemeStart = scanner.index
        scanner.skipToken()
        let sent = scanner.string(schemeStart..<scanner.index)
        guard DigestAlgorithm.equalIgnoringASCIICase(sent, scheme) else { throw .notDigest(scheme: sent) }
        let afterScheme = scanner.index
        scanner.skipWhitespace()
        if scanner.index == afterScheme, scanner.index < scanner.bytes.count {
            throw .syntax(offset: scanner.index, expected: "a space after the scheme")
        }
        return try scanner.parameters()
    }

    private mutating func parameters() throws(DigestParseError) -> [AuthParameter] {
        var parameters: [AuthParameter] = []
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
                continue
            }
            let nameStart = index
            skipToken()
            guard index > nameStart else { throw .syntax(offset: index, expected: "a parameter name") }
            let name = lowercasedString(nameStart..<index)
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                throw .syntax(offset: index, expected: "\"=\" after \(name)")
            }
            index += 1
            skipWhitespace()
            let parameter: AuthParameter
            if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                parameter = AuthParameter(name: name, value: try quotedString(), isQuoted: true)
            } else {
                let valueStart = index
                skipToken()
                guard index > valueStart else { throw .syntax(offset: index, expected: "a token or quoted value") }
                parameter = AuthParameter(name: name, value: string(valueStart..<index), isQuoted: false)
            }
            parameters.append(parameter)
            skipWhitespace()
            guard index < bytes.count else { break }
            guard bytes[index] == UInt8(ascii: ",") else {
                throw .syntax(offset: index, expected: "\",\" between parameters")
            }
        }
        return parameters
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

    private func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    private func lowercasedString(_ range: Range<Int>) -> String {
        let slice = bytes[range]
        guard slice.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else {
            return string(range)
        }
        return String(decoding: slice.map(DigestAlgorithm.asciiLowercase), as: UTF8.self)
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
