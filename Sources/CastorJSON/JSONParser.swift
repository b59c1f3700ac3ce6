/// An RFC 8259 JSON parser that reports the line and column of the first error and of every value.
///
/// Foundation's decoders only say "the given data was not valid JSON"; an installer editing a request or a
/// Kea configuration by hand needs to know where. ``JSONParseOptions`` adds what Kea's own lexer accepts
/// (comments, a stray comma). Nesting is capped so a hostile body cannot exhaust the stack.
///
/// ```swift
/// let value = try JSONValue(parsing: Array(#"{"name": "Alice"}"#.utf8))
/// let document = try JSONDocument(parsing: Array(keaText.utf8), options: .kea)
/// ```
struct JSONParser {
    let bytes: [UInt8]
    let options: JSONParseOptions
    var index = 0
    private(set) var warnings: [JSONWarning] = []
    var line = 1
    var lineStart = 0
    /// Columns count characters: continuation bytes between `lineStart` and `columnCacheIndex`, cached so
    /// asking for positions in order costs O(n) over the whole document.
    private var columnCacheIndex = 0
    private var columnCacheContinuations = 0

    init(bytes: [UInt8], options: JSONParseOptions = .strict) {
        self.bytes = bytes
        self.options = options
    }

    /// Parses one JSON value filling the whole input (surrounding white space and, if allowed, comments).
    mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
        try skipTrivia()
        guard index < bytes.count else { throw error("the body is empty, expected a JSON value") }
        let value = try parseValue(depth: 0)
        try skipTrivia()
        guard index == bytes.count else { throw error("unexpected \(describeCurrent()) after the JSON value") }
        return value
    }

    // MARK: Values

    private mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        guard depth < options.maximumDepth else {
            throw error("nested deeper than \(options.maximumDepth) levels")
        }
        let start = position()
        guard let byte = peek() else { throw error("unexpected end of input, expected a value") }
        switch byte {
        case UInt8(ascii: "{"): return JSONNode(try parseObject(depth: depth), at: start)
        case UInt8(ascii: "["): return JSONNode(try parseArray(depth: depth), at: start)
        case UInt8(ascii: "\""): return JSONNode(.string(try parseString()), at: start)
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return JSONNode(.bool(true), at: start)
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return JSONNode(.bool(false), at: start)
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return JSONNode(.null, at: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(.number(try parseNumber()), at: start)
        default: throw error("unexpected \(describeCurrent()), expected a value")
        }
    }

    private mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONNode.Value {
        index += 1  // {
        var members: [JSONMember] = []
        var keys: Set<String> = []
        try skipTrivia()
        if peek() == UInt8(ascii: "}") {
            index += 1
            return .object(members)
        }
        while true {
            try skipTrivia()
            guard peek() == UInt8(ascii: "\"") else {
                throw error("unexpected \(describeCurrent()), expected a member name in double quotes")
            }
            let keyPosition = position()
            let key = try parseString()
            if options.duplicateKeys == .reject {
                guard keys.insert(key).inserted else {
                    throw JSONSyntaxError(
                        line: keyPosition.line, column: keyPosition.column, reason: "duplicate member \"\(key)\"")
                }
            }
            try skipTrivia()
            guard peek() == UInt8(ascii: ":") else {
                throw error("unexpected \(describeCurrent()), expected ':' after \"\(key)\"")
            }
            index += 1
            try skipTrivia()
            members.append(JSONMember(key: key, keyPosition: keyPosition, value: try parseValue(depth: depth + 1)))
            try skipTrivia()
            switch peek() {
            case UInt8(ascii: ","):
                if try skipTrailingComma(before: UInt8(ascii: "}")) { return .object(members) }
            case UInt8(ascii: "}"):
                index += 1
                return .object(members)
            default: throw error("unexpected \(describeCurrent()), expected ',' or '}' after \"\(key)\"'s value")
            }
        }
    }

    private mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> JSONNode.Value {
        index += 1  // [
        var elements: [JSONNode] = []
        try skipTrivia()
        if peek() == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            try skipTrivia()
            elements.append(try parseValue(depth: depth + 1))
            try skipTrivia()
            switch peek() {
            case UInt8(ascii: ","):
                if try skipTrailingComma(before: UInt8(ascii: "]")) { return .array(elements) }
            case UInt8(ascii: "]"):
                index += 1
                return .array(elements)
            default: throw error("unexpected \(describeCurrent()), expected ',' or ']' in an array")
            }
        }
    }

    /// Consumes the comma at `index`. If trailing commas are allowed and `closer` follows, consumes it too,
    /// records Kea's warning at the comma and returns `true` (the container is complete).
    private mutating func skipTrailingComma(before closer: UInt8) throws(JSONSyntaxError) -> Bool {
        let comma = position()
        index += 1
        guard options.allowsTrailingCommas else { return false }
        try skipTrivia()
        guard peek() == closer else { return false }
        index += 1
        // Kea 2.2, `kea-dhcp4 -t`: "DHCP4_CONFIG_SYNTAX_WARNING configuration syntax warning: f:1.33:
        // Extraneous comma. A piece of configuration may have been omitted."
        warnings.append(
            JSONWarning(position: comma, message: "Extraneous comma. A piece of configuration may have been omitted."))
        return true
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = index
        if peek() == UInt8(ascii: "-") { index += 1 }
        guard let first = peek(), isDigit(first) else { throw error("expected a digit in a number") }
        if first == UInt8(ascii: "0") {
            index += 1
            if let next = peek(), isDigit(next) { throw error("a number must not start with a leading zero") }
        } else {
            skipDigits()
        }
        if peek() == UInt8(ascii: ".") {
            index += 1
            guard let digit = peek(), isDigit(digit) else { throw error("expected a digit after the decimal point") }
            skipDigits()
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            index += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { index += 1 }
            guard let digit = peek(), isDigit(digit) else { throw error("expected a digit in the exponent") }
            skipDigits()
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(JSONSyntaxError) {
        let expected = literal.withUTF8Buffer { Array($0) }
        guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
            throw error("unexpected \(describeCurrent()), expected a value (did you mean \(literal)?)")
        }
        index += expected.count
    }

    // MARK: Helpers

    func peek(offset: Int = 0) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

    private func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private mutating func skipDigits() {
        while let byte = peek(), isDigit(byte) { index += 1 }
    }

    /// The line and column of `index`.
    mutating func position() -> JSONPosition {
        if columnCacheIndex < lineStart || columnCacheIndex > index {
            columnCacheIndex = lineStart
            columnCacheContinuations = 0
        }
        let end = min(index, bytes.count)
        while columnCacheIndex < end {
            if bytes[columnCacheIndex] & 0xC0 == 0x80 { columnCacheContinuations += 1 }
            columnCacheIndex += 1
        }
        return JSONPosition(line: line, column: index - lineStart - columnCacheContinuations + 1)
    }

    func describeCurrent() -> String {
        guard let byte = peek() else { return "end of input" }
        if byte >= 0x20 && byte < 0x7f { return "character '\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16))"
    }

    mutating func error(_ reason: String) -> JSONSyntaxError {
        let here = position()
        return JSONSyntaxError(line: here.line, column: here.column, reason: reason)
    }
}

extension JSONValue {
    /// Parses a complete JSON document, throwing the line and column of the first error.
    public init(parsing bytes: [UInt8], options: JSONParseOptions = .strict) throws(JSONSyntaxError) {
        var parser = JSONParser(bytes: bytes, options: options)
        self = try parser.parseDocument().plainValue
    }
}
