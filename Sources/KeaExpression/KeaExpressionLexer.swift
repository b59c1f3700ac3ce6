/// Cuts an expression into ``KeaExpressionToken``s the way Kea 2.2's `lexer.ll` does: blanks and newlines
/// separate, `'…'` is a string (no escapes), `0x…` a hex string, `-?[0-9]+` an integer, `a.b.c.d` an address,
/// a name followed by `]` an option name, and anything else a keyword or punctuation.
struct KeaExpressionLexer {
    private let characters: [Unicode.Scalar]
    private var index = 0

    init(_ text: String) { characters = Array(text.unicodeScalars) }

    /// Every token, ending with `.endOfFile`, or with `.invalid` at the first character no token starts with.
    static func tokens(of text: String) -> [KeaExpressionToken] {
        var lexer = KeaExpressionLexer(text)
        var tokens: [KeaExpressionToken] = []
        while true {
            do throws(KeaExpressionError) {
                let token = try lexer.next()
                tokens.append(token)
                if token.kind == .endOfFile { return tokens }
            } catch {
                tokens.append(KeaExpressionToken(kind: .invalid(error), offset: error.offset))
                return tokens
            }
        }
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        index + ahead < characters.count ? characters[index + ahead] : nil
    }

    private static func isDigit(_ character: Unicode.Scalar?) -> Bool {
        guard let character else { return false }
        return ("0"..."9").contains(character)
    }

    private static func isHexDigit(_ character: Unicode.Scalar?) -> Bool {
        guard let character else { return false }
        return character.properties.isASCIIHexDigit
    }

    private static func isLetter(_ character: Unicode.Scalar?) -> Bool {
        guard let character else { return false }
        return ("a"..."z").contains(character) || ("A"..."Z").contains(character)
    }

    private static func isBlank(_ character: Unicode.Scalar?) -> Bool {
        character == " " || character == "\t" || character == "\n"
    }

    private func text(_ range: Range<Int>) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: characters[range])
        return text
    }

    mutating func next() throws(KeaExpressionError) -> KeaExpressionToken {
        while Self.isBlank(peek()) { index += 1 }
        let start = index
        guard let character = peek() else { return KeaExpressionToken(kind: .endOfFile, offset: start) }
        func token(_ kind: KeaExpressionToken.Kind) -> KeaExpressionToken {
            KeaExpressionToken(kind: kind, offset: start)
        }
        switch character {
        case "'":
            index += 1
            var content = ""
            while let next = peek(), next != "'" {
                guard next != "\n" else { break }
                content.unicodeScalars.append(next)
                index += 1
            }
            guard peek() == "'" else {
                throw KeaExpressionError(offset: start, message: "Invalid character: ' (the string is not closed)")
            }
            index += 1
            return token(.string(content))
        case "=" where peek(1) == "=":
            index += 2
            return token(.keyword("=="))
        case "(", ")", "[", "]", ",", ".", "*", "+":
            index += 1
            return token(.keyword(String(character)))
        case "0" where (peek(1) == "x" || peek(1) == "X") && Self.isHexDigit(peek(2)):
            index += 2
            while Self.isHexDigit(peek()) { index += 1 }
            return token(.hexString(text(start..<index)))
        case "-" where Self.isDigit(peek(1)):
            index += 1
            while Self.isDigit(peek()) { index += 1 }
            return token(.integer(text(start..<index)))
        case _ where Self.isDigit(character):
            if let end = dottedQuadEnd() {
                index = end
                return token(.ipAddress(text(start..<index)))
            }
            while Self.isDigit(peek()) { index += 1 }
            return token(.integer(text(start..<index)))
        case _ where Self.isLetter(character):
            return token(word())
        default:
            let hint = character == ":" ? " (IPv6 addresses are not supported by castor)" : ""
            throw KeaExpressionError(offset: start, message: "Invalid character: \(character)\(hint)")
        }
    }

    /// `[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+` from `index`: where it ends, or `nil`.
    private func dottedQuadEnd() -> Int? {
        var position = index
        for part in 0..<4 {
            guard position < characters.count, Self.isDigit(characters[position]) else { return nil }
            while position < characters.count, Self.isDigit(characters[position]) { position += 1 }
            if part < 3 {
                guard position < characters.count, characters[position] == "." else { return nil }
                position += 1
            }
        }
        return position
    }

    /// `[A-Za-z]([-_A-Za-z0-9]*[A-Za-z0-9])?`: an option name when `]` follows (blanks allowed between),
    /// else a keyword, else an unknown word.
    private mutating func word() -> KeaExpressionToken.Kind {
        let start = index
        var end = index + 1
        var lastAlphanumeric = end
        while end < characters.count {
            let character = characters[end]
            if Self.isLetter(character) || Self.isDigit(character) {
                end += 1
                lastAlphanumeric = end
            } else if character == "-" || character == "_" {
                end += 1
            } else {
                break
            }
        }
        index = lastAlphanumeric
        let word = text(start..<index)
        var after = index
        while after < characters.count, Self.isBlank(characters[after]) { after += 1 }
        if after < characters.count, characters[after] == "]" { return .optionName(word) }
        if KeaExpressionToken.keywords.contains(word) { return .keyword(word) }
        return .word(word)
    }
}
