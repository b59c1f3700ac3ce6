extension JSONParser {
    /// Skips white space (RFC 8259 §2) and, when ``JSONParseOptions/allowsComments`` is set, the comments
    /// Kea 2.2's lexer accepts (`dhcp4_lexer.ll`): `// …` and `# …` to the end of the line, `/* … */`.
    mutating func skipTrivia() throws(JSONSyntaxError) {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): index += 1
            case UInt8(ascii: "\n"): newLine()
            case UInt8(ascii: "#") where options.allowsComments:
                skipToEndOfLine()
            case UInt8(ascii: "/") where options.allowsComments && peek(offset: 1) == UInt8(ascii: "/"):
                skipToEndOfLine()
            case UInt8(ascii: "/") where options.allowsComments && peek(offset: 1) == UInt8(ascii: "*"):
                try skipBlockComment()
            default: return
            }
        }
    }

    private mutating func newLine() {
        index += 1
        line += 1
        lineStart = index
    }

    private mutating func skipToEndOfLine() {
        while let byte = peek(), byte != UInt8(ascii: "\n") { index += 1 }
    }

    private mutating func skipBlockComment() throws(JSONSyntaxError) {
        let start = position()
        index += 2  // /*
        while let byte = peek() {
            if byte == UInt8(ascii: "*") && peek(offset: 1) == UInt8(ascii: "/") {
                index += 2
                return
            }
            if byte == UInt8(ascii: "\n") { newLine() } else { index += 1 }
        }
        throw JSONSyntaxError(line: start.line, column: start.column, reason: "unterminated /* comment")
    }
}
