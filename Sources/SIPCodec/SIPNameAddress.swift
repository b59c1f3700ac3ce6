/// An address with optional display name and header parameters, as in From, To, Contact, Route,
/// Record-Route, Path, Reply-To (RFC 3261 §20.10, §20.20, §20.39, §25.1 `name-addr / addr-spec`).
///
/// ```
/// "Alice \"A\" Liddell" <sip:alice@example.com;transport=tcp>;tag=1928301774;expires=60
///  \__________________/  \_______________________________/ \_____________________/
///      display name            URI (its own parameters)      header parameters
/// sip:alice@example.com;tag=1928301774
///  \__________________/ \____________/
///   addr-spec form: parameters after the URI belong to the header (§20.10)
/// ```
///
/// ```swift
/// let to = try SIPNameAddress(parsing: #""Watson" <sip:watson@example.com>;tag=99"#)
/// to.displayName            // "Watson"
/// to.tag                    // "99"
/// ```
public struct SIPNameAddress: Hashable, Sendable, CustomStringConvertible {
    /// Without quotes, quoted-pairs resolved; a token display name keeps its inner whitespace as written.
    public var displayName: String?
    public var uri: SIPURI
    /// Header parameters (`tag`, `expires`, `q`, `lr` of a Route's URI is *not* here: it is the URI's).
    public var parameters: SIPParameters

    public init(displayName: String? = nil, uri: SIPURI, parameters: SIPParameters = SIPParameters()) {
        self.displayName = displayName
        self.uri = uri
        self.parameters = parameters
    }

    /// The `tag` parameter of From and To (RFC 3261 §19.3).
    public var tag: String? {
        get { parameters.value("tag") }
        set {
            if let newValue {
                parameters.set("tag", newValue)
            } else {
                parameters.remove("tag")
            }
        }
    }

    /// A Contact's `expires` parameter (RFC 3261 §10.2.1.1); nil when absent or not a number of seconds
    /// below 2³² (RFC 4475 §3.1.2.4: treat as absent).
    public var expires: Int? {
        guard let value = parameters.value("expires"), let seconds = UInt32(value) else { return nil }
        return Int(seconds)
    }

    /// The name-addr form, always with angle brackets (required when the URI has `,` `;` or `?`, §20.10).
    public var description: String {
        var text = ""
        if let displayName {
            text += "\""
            for scalar in displayName.unicodeScalars {
                switch scalar {
                case "\"", "\\": text += "\\\(scalar)"
                case "\r", "\n": text += " "
                case "\u{00}"..."\u{08}", "\u{0B}", "\u{0C}", "\u{0E}"..."\u{1F}", "\u{7F}": text += "\\\(scalar)"
                default: text.unicodeScalars.append(scalar)
                }
            }
            text += "\" "
        }
        text += "<\(uri)>"
        parameters.write(to: &text)
        return text
    }
}

extension SIPNameAddress {
    /// Parses `( name-addr / addr-spec ) *( SEMI generic-param )`.
    public init(parsing text: String) throws(SIPParseError) {
        self = try text.withSIPBytes { bytes throws(SIPParseError) in
            var scanner = SIPScanner(bytes)
            return try SIPNameAddress(&scanner)
        }
    }

    /// Parses from the scanner's position to its end.
    init(_ scanner: inout SIPScanner) throws(SIPParseError) {
        scanner.skipWhitespace()
        var displayName: String?
        var bracketed = false
        if scanner.current == UInt8(ascii: "\"") {
            guard let quoted = scanner.quotedString() else {
                throw SIPParseError(
                    .malformedHeader, at: scanner.index, "unterminated quoted display name (RFC 4475 §3.1.2.5)")
            }
            displayName = scanner.unquoted(quoted)
            scanner.skipWhitespace()
            guard scanner.current == UInt8(ascii: "<") else {
                throw SIPParseError(.malformedHeader, at: scanner.index, "expected \"<\" after the display name")
            }
            bracketed = true
        } else if scanner.current == UInt8(ascii: "<") {
            bracketed = true
        } else {
            // `*(token LWS) LAQUOT` or an addr-spec: look for tokens followed by "<".
            let start = scanner.index
            var lastTokenEnd = start
            while scanner.token() != nil {
                lastTokenEnd = scanner.index
                scanner.skipWhitespace()
            }
            if scanner.current == UInt8(ascii: "<"), lastTokenEnd > start {
                displayName = scanner.string(start..<lastTokenEnd)
                bracketed = true
            } else {
                scanner.index = start
            }
        }
        let uri: SIPURI
        if bracketed {
            scanner.index += 1
            let uriStart = scanner.index
            while let byte = scanner.current, byte != UInt8(ascii: ">") { scanner.index += 1 }
            guard scanner.consume(UInt8(ascii: ">")) else {
                throw SIPParseError(.malformedHeader, at: scanner.index, "\"<\" without \">\"")
            }
            uri = try SIPURI(scanner.bytes, uriStart..<scanner.index - 1)
        } else {
            // addr-spec: the URI ends at whitespace or ";" — which starts header parameters — and may not
            // contain "?" or "," (RFC 3261 §20.10; RFC 4475 §3.1.2.13).
            let uriStart = scanner.index
            while let byte = scanner.current, byte != UInt8(ascii: ";"), !SIPByteClass.isWhitespace(byte) {
                if byte == UInt8(ascii: "?") || byte == UInt8(ascii: ",") {
                    throw SIPParseError(
                        .malformedHeader, at: scanner.index,
                        "a URI with \"?\" or \",\" must be enclosed in <> (RFC 3261 §20.10)")
                }
                scanner.index += 1
            }
            uri = try SIPURI(scanner.bytes, uriStart..<scanner.index)
        }
        let parameters = try SIPParameters.parseHeaderParameters(&scanner)
        self.init(displayName: displayName, uri: uri, parameters: parameters)
    }
}
