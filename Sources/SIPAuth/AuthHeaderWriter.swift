/// Builds a challenge or credentials value: `Scheme name="quoted", name=token, …` (RFC 7235 §2.1), escaping
/// `"` and `\` in quoted values (RFC 7230 §3.2.6 quoted-pair).
///
/// CR, LF and the other control characters but HTAB cannot be escaped in a quoted-string; they are dropped, so a realm read
/// from configuration can never split the header in two.
struct AuthHeaderWriter {
    /// The value as UTF-8, built in place (a registrar writes two challenges per 401).
    private var bytes: [UInt8] = []
    private var first = true

    init(scheme: String) {
        bytes.reserveCapacity(256)
        bytes.append(contentsOf: scheme.utf8)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func quoted(_ name: String, _ value: String) {
        separate(name)
        bytes.append(UInt8(ascii: "\""))
        // Byte by byte: every control character is ASCII, and `"` and `\` never occur inside a multi-byte
        // UTF-8 sequence, so filtering and escaping bytes is the same as doing it on characters.
        for byte in value.utf8 where !Self.isControl(byte) {
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func token(_ name: String, _ value: String) {
        guard !value.isEmpty, value.utf8.allSatisfy(AuthHeaderScanner.isTokenCharacter) else {
            quoted(name, value)
            return
        }
        separate(name)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func parameter(_ parameter: AuthParameter) {
        if parameter.isQuoted {
            quoted(parameter.name, parameter.value)
        } else {
            token(parameter.name, parameter.value)
        }
    }

    private mutating func separate(_ name: String) {
        if first {
            bytes.append(UInt8(ascii: " "))
        } else {
            bytes.append(UInt8(ascii: ","))
            bytes.append(UInt8(ascii: " "))
        }
        first = false
        bytes.append(contentsOf: name.utf8)
        bytes.append(UInt8(ascii: "="))
    }

    private static func isControl(_ byte: UInt8) -> Bool { (byte < 0x20 && byte != 0x09) || byte == 0x7F }
}
