/// Builds a challenge or credentials value: `Scheme name="quoted", name=token, …` (RFC 7235 §2.1), escaping
/// `"` and `\` in quoted values (RFC 7230 §3.2.6 quoted-pair).
///
/// CR, LF and the other control characters but HTAB cannot be escaped in a quoted-string; they are dropped, so a realm read
/// from configuration can never split the header in two.
struct AuthHeaderWriter {
    private(set) var text: String
    private var first = true

    init(scheme: String) {
        text = scheme
        text.reserveCapacity(256)
    }

    mutating func quoted(_ name: String, _ value: String) {
        separate(name)
        text.append("\"")
        var bytes = value
        let plain = bytes.withUTF8 { utf8 in
            !utf8.contains { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || Self.isControl($0) }
        }
        if plain {
            text.append(value)
        } else {
            for scalar in value.unicodeScalars where scalar.value > 0xFF || !Self.isControl(UInt8(scalar.value)) {
                if scalar == "\"" || scalar == "\\" { text.append("\\") }
                text.unicodeScalars.append(scalar)
            }
        }
        text.append("\"")
    }

    /// Writes `name=value` bare when `value` is a token, else quoted.
    mutating func token(_ name: String, _ value: String) {
        guard !value.isEmpty, value.utf8.allSatisfy(AuthHeaderScanner.isTokenCharacter) else {
            quoted(name, value)
            return
        }
        separate(name)
        text.append(value)
    }

    mutating func parameter(_ parameter: AuthParameter) {
        if parameter.isQuoted {
            quoted(parameter.name, parameter.value)
        } else {
            token(parameter.name, parameter.value)
        }
    }

    private mutating func separate(_ name: String) {
        text.append(first ? " " : ", ")
        first = false
        text.append(name)
        text.append("=")
    }

    /// HTAB is qdtext (RFC 7230 §3.2.6); the other C0 controls and DEL are not.
    private static func isControl(_ byte: UInt8) -> Bool { (byte < 0x20 && byte != 0x09) || byte == 0x7F }
}
