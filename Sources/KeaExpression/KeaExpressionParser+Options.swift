/// Option references: `option[…]`, `relay4[…]`, `vendor[…]`, `vendor-class[…]`, each ending in `.hex`,
/// `.text` or `.exists` (the last only where a condition may stand).
extension KeaExpressionParser {
    // MARK: Options

    /// `[` CODE `]` `.`, where CODE is an integer or (for `option`) a name.
    private mutating func bracketedCode(allowsName: Bool) throws(KeaExpressionError) -> UInt8 {
        try expect("[")
        let token = current
        let code: UInt8
        switch token.kind {
        case .integer(let text):
            guard let value = Int(text), let byte = UInt8(exactly: value) else {
                throw KeaExpressionError(
                    offset: token.offset, message: "Option code has invalid value in \(text). Allowed range: 0..255")
            }
            code = byte
        case .optionName(let name) where allowsName:
            guard let value = optionCode(name) else {
                throw KeaExpressionError(offset: token.offset, message: "option '\(name)' is not defined")
            }
            code = value
        default:
            throw unexpected(allowsName ? ["integer", "option name"] : ["integer"])
        }
        advance()
        try expect("]")
        try expect(".")
        return code
    }

    /// `.hex` / `.text` / `.exists` after an option reference; `.exists` only where a condition may stand.
    private mutating func representation(_ want: Want, others: [String] = []) throws(KeaExpressionError)
        -> KeaExpression.Representation?
    {
        let expected = others + (want == .string ? ["text", "hex"] : ["text", "hex", "exists"])
        switch current.kind {
        case .keyword("text"):
            advance()
            return .text
        case .keyword("hex"):
            advance()
            return .hex
        case .keyword("exists") where want == .any:
            advance()
            return nil
        default:
            throw unexpected(expected)
        }
    }

    mutating func parseOption(_ want: Want) throws(KeaExpressionError) -> Parsed {
        advance()
        let code = try bracketedCode(allowsName: true)
        if current.isKeyword("option") {
            advance()
            let subCode = try bracketedCode(allowsName: false)
            guard let representation = try representation(want) else {
                return .condition(.subOptionExists(code: code, subCode: subCode))
            }
            return .value(.subOption(code: code, subCode: subCode, representation: representation))
        }
        guard let representation = try representation(want, others: ["option"]) else {
            return .condition(.optionExists(code: code))
        }
        return .value(.option(code: code, representation: representation))
    }

    mutating func parseRelay4(_ want: Want) throws(KeaExpressionError) -> Parsed {
        advance()
        let subCode = try bracketedCode(allowsName: false)
        guard let representation = try representation(want) else { return .condition(.relay4Exists(subCode: subCode)) }
        return .value(.relay4(subCode: subCode, representation: representation))
    }

    /// `[` ENTERPRISE-ID `]` `.`: an unsigned 32-bit integer, or `*` (0) for any.
    private mutating func enterpriseID() throws(KeaExpressionError) -> UInt32 {
        try expect("[")
        let token = current
        let id: UInt32
        switch token.kind {
        case .integer(let text): id = try uint32(text, at: token.offset)
        case .keyword("*"): id = 0
        default: throw unexpected(["integer", "*"])
        }
        advance()
        try expect("]")
        try expect(".")
        return id
    }

    mutating func parseVendor(_ want: Want) throws(KeaExpressionError) -> Parsed {
        advance()
        if current.isKeyword(".") {
            advance()
            try expect("enterprise")
            return .value(.vendorEnterprise(classOption: false))
        }
        let id = try enterpriseID()
        if current.isKeyword("exists") && want == .any {
            advance()
            return .condition(.vendorExists(enterpriseID: id, subCode: nil))
        }
        guard current.isKeyword("option") else { throw unexpected(want == .any ? ["option", "exists"] : ["option"]) }
        advance()
        let subCode = try bracketedCode(allowsName: false)
        guard let representation = try representation(want) else {
            return .condition(.vendorExists(enterpriseID: id, subCode: subCode))
        }
        return .value(.vendorOption(enterpriseID: id, subCode: subCode, representation: representation))
    }

    mutating func parseVendorClass(_ want: Want) throws(KeaExpressionError) -> Parsed {
        advance()
        if current.isKeyword(".") {
            advance()
            try expect("enterprise")
            return .value(.vendorEnterprise(classOption: true))
        }
        let id = try enterpriseID()
        if current.isKeyword("exists") && want == .any {
            advance()
            return .condition(.vendorClassExists(enterpriseID: id))
        }
        guard current.isKeyword("data") else { throw unexpected(want == .any ? ["exists", "data"] : ["data"]) }
        advance()
        var index = 0
        if current.isKeyword("[") {
            advance()
            guard case .integer(let text) = current.kind else { throw unexpected(["integer"]) }
            guard let value = Int(text), (0...255).contains(value) else {
                throw KeaExpressionError(
                    offset: current.offset, message: "Invalid value in \(text). Allowed range: 0..255")
            }
            index = value
            advance()
            try expect("]")
        }
        return .value(.vendorClassData(enterpriseID: id, index: index))
    }
}
