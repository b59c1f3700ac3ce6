/// One token of a Kea expression, as Kea 2.2's flex lexer (`src/lib/eval/lexer.ll`) cuts them.
struct KeaExpressionToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        case endOfFile
        /// `'text'`: no escapes and no newline inside, as in Kea.
        case string(String)
        /// `0x…`, kept as written; decoded by the parser.
        case hexString(String)
        /// `-?[0-9]+`, kept as written.
        case integer(String)
        /// A dotted quad.
        case ipAddress(String)
        /// A name directly followed by `]`: `option[host-name]`.
        case optionName(String)
        /// A keyword (`option`, `substring`, `and`…) or punctuation (`(`, `==`, `+`…).
        case keyword(String)
        /// A word that is no keyword: always a syntax error, named in the message.
        case word(String)
        /// Text no token starts with; the lexer stops here, and the parser reports this error if it gets here.
        case invalid(KeaExpressionError)
    }

    var kind: Kind
    /// Character offset of the token's first character.
    var offset: Int

    /// Bison's name for the token in `unexpected …` (its `%token` alias without quotes).
    var displayName: String {
        switch kind {
        case .endOfFile: "end of file"
        case .string: "constant string"
        case .hexString: "constant hexstring"
        case .integer: "integer"
        case .ipAddress: "ip address"
        case .optionName: "option name"
        case .keyword(let keyword): keyword
        case .word(let word): "\"\(word)\""
        case .invalid(let error): error.message
        }
    }

    func isKeyword(_ keyword: String) -> Bool { kind == .keyword(keyword) }

    /// Kea 2.2's keywords and punctuation (`lexer.ll`).
    static let keywords: Set<String> = [
        "option", "relay4", "relay6", "peeraddr", "linkaddr", "text", "hex", "exists", "pkt", "iface", "src", "dst",
        "len", "pkt4", "mac", "hlen", "htype", "ciaddr", "giaddr", "yiaddr", "siaddr", "pkt6", "msgtype", "transid",
        "vendor", "vendor-class", "data", "enterprise", "substring", "split", "all", "concat", "ifelse", "hexstring",
        "addrtotext", "int8totext", "int16totext", "int32totext", "uint8totext", "uint16totext", "uint32totext", "not",
        "and", "or", "member",
    ]
}
