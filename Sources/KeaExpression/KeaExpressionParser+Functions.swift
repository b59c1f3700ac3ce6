/// The string functions with integer arguments (`substring`, `split`) and literal conversions.
extension KeaExpressionParser {
    // MARK: Functions

    mutating func parseSubstring() throws(KeaExpressionError) -> Value {
        advance()
        try expect("(")
        let string = try parseString()
        try expect(",", or: ["+"])
        let start = try integerArgument()
        try expect(",")
        var length: Int64?
        if current.isKeyword("all") {
            advance()
        } else {
            guard case .integer = current.kind else { throw unexpected(["integer", "all"]) }
            length = try integerArgument()
        }
        try expect(")")
        return .substring(string, start: start, length: length)
    }

    mutating func parseSplit() throws(KeaExpressionError) -> Value {
        advance()
        try expect("(")
        let string = try parseString()
        try expect(",", or: ["+"])
        let delimiters = try parseString()
        try expect(",", or: ["+"])
        let field = try integerArgument()
        try expect(")")
        return .split(string, delimiters, field: field)
    }

    /// An `INTEGER` token as written (Kea's lexer accepts anything that fits `int64_t`).
    private mutating func integerArgument() throws(KeaExpressionError) -> Int64 {
        guard case .integer(let text) = current.kind else { throw unexpected(["integer"]) }
        guard let value = Int64(text) else {
            throw KeaExpressionError(offset: current.offset, message: "Failed to convert \(text) to an integer.")
        }
        advance()
        return value
    }

    func uint32(_ text: String, at offset: Int) throws(KeaExpressionError) -> UInt32 {
        guard let value = UInt32(text) else {
            throw KeaExpressionError(offset: offset, message: "Invalid value in \(text). Allowed range: 0..4294967295")
        }
        return value
    }

    /// `0x…` to bytes; an odd digit count gets a leading zero, as Kea's `TokenHexString` does.
    static func decodeHex(_ text: String) -> [UInt8] {
        var digits = Array(text.utf8.dropFirst(2))
        if digits.count % 2 == 1 { digits.insert(UInt8(ascii: "0"), at: 0) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index + 1 < digits.count {
            bytes.append(nibble(digits[index]) << 4 | nibble(digits[index + 1]))
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8 {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: 0
        }
    }
}
