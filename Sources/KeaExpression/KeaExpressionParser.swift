import DHCPCodec

/// A recursive-descent parser for Kea 2.2's expression grammar (`src/lib/eval/parser.yy`, top-level bool).
///
/// Kea's grammar types its rules: `bool_expr` (`==`, `and`, `or`, `not`, `member`, `….exists`) and `string_expr`
/// (literals, options, `pkt4.…`, `substring`, `concat`, `+`…). Both may start with `(`, so this parser reads
/// either kind (``Parsed``) and checks the type where an operator or the end needs one, failing at the token
/// where bison would: `option[60].hex` alone fails at the end, `expecting == or +`.
///
/// Precedence, loosest first: `or`, `and`, `not`, `==`, `+` (`%left OR`, `%left AND`, `%precedence NOT`; `==`
/// joins two strings and `+` two strings, so `a + b == c and not d == e` is `((a + b) == c) and (not (d == e))`).
struct KeaExpressionParser {
    /// What a sub-expression turned out to be.
    enum Parsed {
        case condition(KeaExpression.Condition)
        case value(KeaExpression.Value)
    }

    /// Whether the caller needs a string (`concat(…)` arguments, `==` operands) or takes either.
    enum Want {
        case string
        case any
    }

    typealias Condition = KeaExpression.Condition
    typealias Value = KeaExpression.Value

    private let tokens: [KeaExpressionToken]
    private var position = 0
    let optionCode: (String) -> UInt8?
    private let isDefinedClass: (String) -> Bool
    /// Class names in `member('…')`, in order of appearance.
    private(set) var referencedClasses: [String] = []
    private var depth = 0
    /// Deeper nesting is refused, so a hostile test cannot exhaust the stack.
    static let maximumDepth = 64

    init(
        tokens: [KeaExpressionToken], optionCode: @escaping (String) -> UInt8?,
        isDefinedClass: @escaping (String) -> Bool
    ) {
        self.tokens = tokens
        self.optionCode = optionCode
        self.isDefinedClass = isDefinedClass
    }

    var current: KeaExpressionToken { tokens[min(position, tokens.count - 1)] }

    mutating func advance() { position += 1 }

    // MARK: Errors

    /// `syntax error, unexpected TOKEN, expecting A or B` (bison's verbose form); or, when the parser stopped at
    /// text the lexer could not cut, the lexer's error (Kea's lexer runs on demand, so that one comes first).
    func unexpected(_ expecting: [String]) -> KeaExpressionError {
        if case .invalid(let error) = current.kind { return error }
        let suffix = expecting.isEmpty ? "" : ", expecting " + expecting.joined(separator: " or ")
        return KeaExpressionError(
            offset: current.offset, message: "syntax error, unexpected \(current.displayName)\(suffix)")
    }

    mutating func expect(_ keyword: String, or others: [String] = []) throws(KeaExpressionError) {
        guard current.isKeyword(keyword) else { throw unexpected(others + [keyword]) }
        advance()
    }

    // MARK: Entry

    /// The whole text as a boolean test: Kea's `TOPLEVEL_BOOL expression`.
    mutating func parseTest() throws(KeaExpressionError) -> Condition {
        let parsed = try parseOr()
        return try close(parsed, with: "end of file", isEnd: true)
    }

    /// Requires `parsed` to be a condition followed by the closing token (`)`, `,`, end of file).
    private mutating func close(_ parsed: Parsed, with closer: String, isEnd: Bool = false) throws(KeaExpressionError)
        -> Condition
    {
        let atCloser = isEnd ? current.kind == .endOfFile : current.isKeyword(closer)
        switch parsed {
        case .value:
            // A string can only go on with `==` or `+` here (bison: `expecting == or +`).
            throw unexpected(["==", "+"])
        case .condition(let condition):
            guard atCloser else { throw unexpected(isEnd ? [closer] : [closer, "and", "or"]) }
            if !isEnd { advance() }
            return condition
        }
    }

    // MARK: Boolean levels

    mutating func parseOr() throws(KeaExpressionError) -> Parsed {
        var left = try parseAnd()
        while current.isKeyword("or"), case .condition(let lhs) = left {
            advance()
            let parsed = try parseAnd()
            left = .condition(.or(lhs, try requireCondition(parsed)))
        }
        return left
    }

    private mutating func parseAnd() throws(KeaExpressionError) -> Parsed {
        var left = try parseNot()
        while current.isKeyword("and"), case .condition(let lhs) = left {
            advance()
            let parsed = try parseNot()
            left = .condition(.and(lhs, try requireCondition(parsed)))
        }
        return left
    }

    private mutating func parseNot() throws(KeaExpressionError) -> Parsed {
        guard current.isKeyword("not") else { return try parseEqual() }
        advance()
        try enter()
        defer { depth -= 1 }
        let parsed = try parseNot()
        return .condition(.not(try requireCondition(parsed)))
    }

    /// A string where a condition is needed: it could only have gone on with `==` or `+`.
    private func requireCondition(_ parsed: Parsed) throws(KeaExpressionError) -> Condition {
        switch parsed {
        case .condition(let condition): return condition
        case .value: throw unexpected(["==", "+"])
        }
    }

    private mutating func parseEqual() throws(KeaExpressionError) -> Parsed {
        let left = try parseConcat(.any)
        guard current.isKeyword("=="), case .value(let lhs) = left else { return left }
        advance()
        let right = try parseString()
        return .condition(.equal(lhs, right))
    }

    // MARK: String levels

    /// A `string_expr`, with its `+` chain.
    mutating func parseString() throws(KeaExpressionError) -> Value {
        guard case .value(let value) = try parseConcat(.string) else {
            // parseConcat(.string) only yields values; kept total rather than trapping.
            throw unexpected([])
        }
        return value
    }

    private mutating func parseConcat(_ want: Want) throws(KeaExpressionError) -> Parsed {
        var left = try parsePrimary(want)
        while current.isKeyword("+"), case .value(let lhs) = left {
            advance()
            guard case .value(let rhs) = try parsePrimary(.string) else { throw unexpected([]) }
            left = .value(.concat(lhs, rhs))
        }
        return left
    }

    private mutating func enter() throws(KeaExpressionError) {
        depth += 1
        guard depth <= Self.maximumDepth else {
            throw KeaExpressionError(
                offset: current.offset, message: "expression nested more than \(Self.maximumDepth) levels deep")
        }
    }

    // MARK: Primaries

    private mutating func parsePrimary(_ want: Want) throws(KeaExpressionError) -> Parsed {
        try enter()
        defer { depth -= 1 }
        let token = current
        switch token.kind {
        case .string(let text):
            advance()
            return .value(.literal(Array(text.utf8)))
        case .hexString(let text):
            advance()
            return .value(.literal(Self.decodeHex(text)))
        case .ipAddress(let text):
            advance()
            guard let address = IPv4Address(text)?.octets else {
                throw KeaExpressionError(offset: token.offset, message: "Failed to convert \(text) to an IP address.")
            }
            return .value(.literal(address))
        case .integer(let text):
            advance()
            let integer = try uint32(text, at: token.offset)
            return .value(.literal(KeaExpression.bigEndian(integer)))
        case .keyword("("):
            advance()
            let inner = want == .string ? Parsed.value(try parseString()) : try parseOr()
            guard current.isKeyword(")") else {
                switch inner {
                case .value: throw unexpected([")", "==", "+"])
                case .condition: throw unexpected([")", "and", "or"])
                }
            }
            advance()
            return inner
        case .keyword("option"): return try parseOption(want)
        case .keyword("relay4"): return try parseRelay4(want)
        case .keyword("relay6"), .keyword("pkt6"):
            throw KeaExpressionError(offset: token.offset, message: "\(token.displayName) can only be used in DHCPv6.")
        case .keyword("pkt"):
            advance()
            try expect(".")
            let field = current.displayName
            guard ["iface", "src", "dst", "len"].contains(field) else {
                throw unexpected(["iface", "src", "dst", "len"])
            }
            throw KeaExpressionError(
                offset: token.offset,
                message: "pkt.\(field) is not supported by castor (the classifier sees the DHCP message only)")
        case .keyword("pkt4"):
            advance()
            try expect(".")
            guard case .keyword(let name) = current.kind, let field = KeaExpression.Pkt4Field(rawValue: name) else {
                throw unexpected([])
            }
            advance()
            return .value(.pkt4(field))
        case .keyword("substring"): return .value(try parseSubstring())
        case .keyword("split"): return .value(try parseSplit())
        case .keyword("concat"):
            advance()
            try expect("(")
            let first = try parseString()
            try expect(",", or: ["+"])
            let second = try parseString()
            try expect(")", or: ["+"])
            return .value(.concat(first, second))
        case .keyword("ifelse"):
            advance()
            try expect("(")
            let parsed = try parseOr()
            let condition = try close(parsed, with: ",")
            let first = try parseString()
            try expect(",", or: ["+"])
            let second = try parseString()
            try expect(")", or: ["+"])
            return .value(.ifElse(condition, first, second))
        case .keyword("hexstring"):
            advance()
            try expect("(")
            let bytes = try parseString()
            try expect(",", or: ["+"])
            let separator = try parseString()
            try expect(")", or: ["+"])
            return .value(.hexString(bytes, separator: separator))
        case .keyword("addrtotext"), .keyword("int8totext"), .keyword("int16totext"), .keyword("int32totext"),
            .keyword("uint8totext"), .keyword("uint16totext"), .keyword("uint32totext"):
            advance()
            try expect("(")
            let argument = try parseString()
            try expect(")", or: ["+"])
            let name = token.displayName
            if name == "addrtotext" { return .value(.addressToText(argument)) }
            let signed = !name.hasPrefix("u")
            let width = name.contains("8") ? 1 : name.contains("16") ? 2 : 4
            return .value(.integerToText(argument, width: width, signed: signed))
        case .keyword("vendor"): return try parseVendor(want)
        case .keyword("vendor-class"): return try parseVendorClass(want)
        case .keyword("member") where want == .any:
            advance()
            try expect("(")
            guard case .string(let name) = current.kind else { throw unexpected(["constant string"]) }
            let nameOffset = current.offset
            advance()
            try expect(")")
            guard isDefinedClass(name) else {
                throw KeaExpressionError(offset: nameOffset, message: "Not defined client class '\(name)'")
            }
            referencedClasses.append(name)
            return .condition(.member(name))
        default:
            throw unexpected(want == .string ? ["a string expression"] : [])
        }
    }
}
