extension SIPURI {
    /// Parses a whole URI (RFC 3261 §19.1.1 and §25.1 for sip/sips, RFC 3966 for tel, RFC 3986's
    /// `scheme ":" 1*uric` for any other scheme). Whitespace, `<` and `>` are never part of a URI.
    public init(parsing text: String) throws(SIPParseError) {
        self = try text.withSIPBytes { bytes throws(SIPParseError) in try SIPURI(bytes, 0..<bytes.count) }
    }

    /// Parses `bytes[range]` entirely as a URI; errors carry offsets into `bytes`.
    init(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) throws(SIPParseError) {
        var scanner = SIPScanner(bytes, range: range)
        let schemeRange = scanner.scan(while: Self.isSchemeCharacter)
        guard let first = schemeRange.first.map({ bytes[$0] }), SIPByteClass.isAlphanumeric(first),
            !SIPByteClass.isDigit(first), scanner.consume(UInt8(ascii: ":"))
        else {
            throw SIPParseError(.invalidURI, at: scanner.index, "expected a scheme and \":\" (RFC 3261 §19.1.1)")
        }
        let scheme: Scheme
        if scanner.equalsIgnoringCase(schemeRange, "sip") {
            scheme = .sip
        } else if scanner.equalsIgnoringCase(schemeRange, "sips") {
            scheme = .sips
        } else if scanner.equalsIgnoringCase(schemeRange, "tel") {
            scheme = .tel
        } else {
            scheme = .other(scanner.string(schemeRange).asciiLowercased)
        }
        switch scheme {
        case .sip, .sips:
            self.init(scheme: scheme, host: "")
            try parseSIP(&scanner)
        case .tel:
            self.init(scheme: .tel, host: "")
            let number = try Self.escaped(&scanner, Self.isTelephoneCharacter)
            guard !number.isEmpty else {
                throw SIPParseError(.invalidURI, at: scanner.index, "tel URI without a number (RFC 3966 §3)")
            }
            user = scanner.string(number)
            try parseParameters(&scanner)
        case .other:
            let rest = scanner.scan(while: SIPByteClass.isURICharacter)
            guard !rest.isEmpty else {
                throw SIPParseError(.invalidURI, at: scanner.index, "nothing after the scheme")
            }
            self.init(scheme: scheme, opaque: scanner.string(rest))
        }
        guard scanner.isAtEnd else {
            let byte = scanner.current.map {
                $0 >= 0x21 && $0 < 0x7F ? "\"\(Character(Unicode.Scalar($0)))\"" : "\($0)"
            }
            throw SIPParseError(
                .invalidURI, at: scanner.index,
                "unexpected character \(byte ?? "") in a URI (RFC 3261 §25.1; spaces and <> are never part of one)")
        }
    }

    /// `[ userinfo "@" ] hostport uri-parameters [ headers ]` after `sip:`.
    private mutating func parseSIP(_ scanner: inout SIPScanner) throws(SIPParseError) {
        // `@` cannot appear in a host, a parameter or a header, so the first one ends the userinfo.
        var at = scanner.index
        while at < scanner.end, scanner.bytes[at] != UInt8(ascii: "@") { at += 1 }
        if at < scanner.end {
            var userScanner = scanner
            userScanner.end = at
            let userRange = try Self.escaped(&userScanner, SIPByteClass.isUserCharacter)
            guard !userRange.isEmpty else {
                throw SIPParseError(.invalidURI, at: scanner.index, "empty user part before \"@\"")
            }
            user = scanner.string(userRange)
            if userScanner.consume(UInt8(ascii: ":")) {
                password = scanner.string(try Self.escaped(&userScanner, SIPByteClass.isPasswordCharacter))
            }
            guard userScanner.isAtEnd else {
                throw SIPParseError(.invalidURI, at: userScanner.index, "invalid character in the user part")
            }
            scanner.index = at + 1
        }
        let hostStart = scanner.index
        if scanner.consume(UInt8(ascii: "[")) {
            let address = scanner.scan {
                SIPByteClass.isHexDigit($0) || $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ".")
            }
            guard !address.isEmpty, scanner.consume(UInt8(ascii: "]")) else {
                throw SIPParseError(.invalidURI, at: scanner.index, "malformed IPv6 reference (RFC 3261 §25.1)")
            }
        } else {
            _ = scanner.scan(while: Self.isHostnameCharacter)
        }
        guard scanner.index > hostStart else {
            throw SIPParseError(.invalidURI, at: scanner.index, "missing host (RFC 3261 §19.1.1)")
        }
        host = scanner.string(hostStart..<scanner.index)
        if scanner.consume(UInt8(ascii: ":")) {
            let digits = scanner.scan(while: SIPByteClass.isDigit)
            guard let port = scanner.decimal(digits, maximum: 65_535) else {
                throw SIPParseError(.invalidURI, at: digits.lowerBound, "port is not a number from 0 to 65535")
            }
            self.port = Int(port)
        }
        try parseParameters(&scanner)
        if scanner.consume(UInt8(ascii: "?")) {
            repeat {
                let name = try Self.escaped(&scanner, SIPByteClass.isURIHeaderCharacter)
                guard !name.isEmpty, scanner.consume(UInt8(ascii: "=")) else {
                    throw SIPParseError(
                        .invalidURI, at: scanner.index, "URI header without \"name=\" (RFC 3261 §19.1.1)")
                }
                let value = try Self.escaped(&scanner, SIPByteClass.isURIHeaderCharacter)
                headers.append(Header(name: scanner.string(name), value: scanner.string(value)))
            } while scanner.consume(UInt8(ascii: "&"))
        }
    }

    /// `*( ";" pname [ "=" pvalue ] )` (RFC 3261 §19.1.1, RFC 3966 §3).
    private mutating func parseParameters(_ scanner: inout SIPScanner) throws(SIPParseError) {
        while scanner.consume(UInt8(ascii: ";")) {
            let name = try Self.escaped(&scanner, SIPByteClass.isParameterCharacter)
            guard !name.isEmpty else {
                throw SIPParseError(.invalidURI, at: scanner.index, "empty URI parameter name (RFC 3261 §25.1)")
            }
            var value: String?
            if scanner.consume(UInt8(ascii: "=")) {
                let range = try Self.escaped(&scanner, SIPByteClass.isParameterCharacter)
                guard !range.isEmpty else {
                    throw SIPParseError(.invalidURI, at: scanner.index, "URI parameter \"=\" without a value")
                }
                value = scanner.string(range)
            }
            parameters.list.append(SIPParameters.Parameter(name: scanner.string(name), value: value))
        }
    }

    /// The run of bytes that are `allowed` or `%XX` escapes; a `%` without two hex digits is an error.
    private static func escaped(
        _ scanner: inout SIPScanner, _ allowed: (UInt8) -> Bool
    ) throws(SIPParseError) -> Range<Int> {
        let start = scanner.index
        while let byte = scanner.current {
            if byte == UInt8(ascii: "%") {
                guard scanner.index + 2 < scanner.end, SIPByteClass.isHexDigit(scanner.bytes[scanner.index + 1]),
                    SIPByteClass.isHexDigit(scanner.bytes[scanner.index + 2])
                else {
                    throw SIPParseError(.invalidURI, at: scanner.index, "\"%\" not followed by two hex digits")
                }
                scanner.index += 3
            } else if allowed(byte) {
                scanner.index += 1
            } else {
                break
            }
        }
        return start..<scanner.index
    }

    /// `scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`.
    static func isSchemeCharacter(_ byte: UInt8) -> Bool {
        SIPByteClass.isAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ".")
    }

    /// Hostname or IPv4 characters; `_` is not in RFC 3261's grammar but common in lab hostnames.
    static func isHostnameCharacter(_ byte: UInt8) -> Bool {
        SIPByteClass.isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            || byte == UInt8(ascii: "_")
    }

    /// Digits, hex digits of a local number, `+`, `*`, `#` and visual separators (RFC 3966 §3).
    static func isTelephoneCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "+"), UInt8(ascii: "*"), UInt8(ascii: "#"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "("), UInt8(ascii: ")"):
            return true
        default: return SIPByteClass.isAlphanumeric(byte)
        }
    }
}
