/// One `<type>=<value>` line of a description as the parser sees it (RFC 8866 §5): its 1-based number, its
/// type letter and its value, trailing whitespace removed.
struct SDPLine: Sendable {
    var number: Int
    var type: Character
    var value: String

    /// The line as written, for error messages.
    var text: String { "\(type)=\(value)" }

    /// The type letters RFC 8866 §5 defines; any other makes the description unusable.
    static let knownTypes: Set<Character> = ["v", "o", "s", "i", "u", "e", "p", "c", "b", "t", "r", "z", "k", "a", "m"]

    /// Splits `bytes` into lines. Accepts LF as well as CRLF (RFC 8866 §5 asks parsers to), drops trailing
    /// spaces and tabs, skips blank lines; rejects NUL, a lone CR, invalid UTF-8 and unknown type letters.
    static func lines(of bytes: some Collection<UInt8>) throws(SDPParseError) -> [SDPLine] {
        var lines: [SDPLine] = []
        var current: [UInt8] = []
        var number = 1
        var pendingCR = false
        for byte in bytes {
            if pendingCR, byte != UInt8(ascii: "\n") {
                throw SDPParseError(
                    .invalidCharacter, line: number, text: String(decoding: current, as: UTF8.self),
                    "a CR not followed by LF (RFC 8866 §5)")
            }
            switch byte {
            case UInt8(ascii: "\r"):
                pendingCR = true
            case UInt8(ascii: "\n"):
                if let line = try line(current, number: number) { lines.append(line) }
                current.removeAll(keepingCapacity: true)
                number += 1
                pendingCR = false
            case 0:
                throw SDPParseError(
                    .invalidCharacter, line: number, text: String(decoding: current, as: UTF8.self),
                    "a NUL byte (RFC 8866 §9: text excludes NUL, CR and LF)")
            default:
                current.append(byte)
            }
        }
        if pendingCR {
            throw SDPParseError(
                .invalidCharacter, line: number, text: String(decoding: current, as: UTF8.self),
                "a CR not followed by LF (RFC 8866 §5)")
        }
        if let line = try line(current, number: number) { lines.append(line) }
        return lines
    }

    /// One line's bytes (without its line end) as a line, or nil when blank.
    private static func line(_ raw: [UInt8], number: Int) throws(SDPParseError) -> SDPLine? {
        var bytes = raw[...]
        while let last = bytes.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { bytes.removeLast() }
        if bytes.isEmpty { return nil }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw SDPParseError(
                .invalidCharacter, line: number, text: String(decoding: bytes, as: UTF8.self),
                "the line is not UTF-8 (RFC 8866 §5)")
        }
        guard bytes.count >= 2, bytes[bytes.startIndex + 1] == UInt8(ascii: "="), let first = bytes.first else {
            throw SDPParseError(.invalidLine, line: number, text: text, "expected <type>=<value> (RFC 8866 §5)")
        }
        let type = Character(Unicode.Scalar(first))
        guard knownTypes.contains(type) else {
            throw SDPParseError(
                .unknownType, line: number, text: text,
                "\"\(type)\" is not an SDP type letter; the description must be rejected (RFC 8866 §5)")
        }
        // The value from the bytes: dropping two Characters would also drop a combining mark after "=".
        return SDPLine(number: number, type: type, value: String(decoding: bytes.dropFirst(2), as: UTF8.self))
    }
}
