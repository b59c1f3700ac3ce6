/// The lexical pieces RFC 8866 §9 builds its grammar from, shared by the field parsers.
enum SDPText {
    /// `1*DIGIT` as an unsigned number no greater than `maximum`; nil for anything else (a sign, a space,
    /// an overflow).
    static func decimal(_ text: Substring, maximum: UInt64 = .max) -> UInt64? {
        guard !text.isEmpty, text.utf8.count <= 20, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let value = UInt64(text), value <= maximum
        else { return nil }
        return value
    }

    /// `decimal` as an Int no greater than `maximum`.
    static func integer(_ text: Substring, maximum: Int) -> Int? {
        decimal(text, maximum: UInt64(max(0, maximum))).map { Int($0) }
    }

    /// The space-separated fields of a value (RFC 8866 uses single spaces; runs are tolerated).
    static func fields(_ text: String) -> [Substring] {
        text.split(separator: " ", omittingEmptySubsequences: true)
    }

    /// RFC 8866 §9 `token`: `1*(token-char)`, the characters of attribute names and bandwidth types.
    static func isToken(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy(isTokenByte)
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x21, 0x23...0x27, 0x2A, 0x2B, 0x2D, 0x2E, 0x30...0x39, 0x41...0x5A, 0x5E...0x7E: true
        default: false
        }
    }
}
