extension SIPMessage {
    /// Parses one message from a datagram (RFC 3261 §7, §18.3), or a whole message a ``SIPStreamFramer`` cut
    /// from a stream.
    ///
    /// Leading CRLFs are skipped (§7.5). Line ends may be CRLF or a bare LF (read liberally, always written as
    /// CRLF). Folded header lines are joined with a single SP (§7.3.1). The body is the bytes after the empty
    /// line: all of them without Content-Length, the first Content-Length of them otherwise (the rest of the
    /// datagram is discarded, §18.3). After parsing, the message's single Content-Length field holds the
    /// body's length — appended if the datagram had none — so that serializing reproduces the same message.
    ///
    /// Throws for a malformed start line, a header line without a name and colon, a raw NUL in the header
    /// section (other than a quoted-pair's), a missing empty line, and a Content-Length that is not a number,
    /// is repeated, or exceeds the bytes that follow. Header values are not checked here: the typed accessors
    /// and ``SIPRequest/validate(supportedExtensions:supportedContentTypes:)`` do that.
    public init(parsing bytes: UnsafeRawBufferPointer) throws(SIPParseError) {
        var parser = SIPMessageParser(bytes)
        self = try parser.parse()
    }

    /// Parses one message from a datagram; see ``init(parsing:)-(UnsafeRawBufferPointer)``.
    public init(parsing bytes: [UInt8]) throws(SIPParseError) {
        self = try bytes.withUnsafeBytes { buffer in
            Result { () throws(SIPParseError) -> SIPMessage in try SIPMessage(parsing: buffer) }
        }.get()
    }
}

/// The single pass over a message's bytes behind ``SIPMessage/init(parsing:)-(UnsafeRawBufferPointer)``.
struct SIPMessageParser {
    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")

    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    mutating func parse() throws(SIPParseError) -> SIPMessage {
        let end = bytes.count
        while position < end, bytes[position] == Self.cr || bytes[position] == Self.lf { position += 1 }
        guard position < end else { throw SIPParseError(.emptyMessage, at: position, "no start line") }
        let lineStart = position
        let lineEnd = try endOfLine()
        let start = try startLine(lineStart..<lineEnd)
        var fields: [SIPHeaderField] = []
        fields.reserveCapacity(16)
        var contentLength: (index: Int, value: Int, text: String)?
        while true {
            guard position < end else {
                throw SIPParseError(
                    .unterminatedHeaderSection, at: position, "no empty line after the header fields (RFC 3261 §7)")
            }
            let byte = bytes[position]
            if byte == Self.lf {
                position += 1
                break
            }
            if byte == Self.cr {
                guard position + 1 < end, bytes[position + 1] == Self.lf else {
                    throw SIPParseError(
                        position + 1 < end ? .invalidLineEnding : .unterminatedHeaderSection, at: position,
                        "CR not followed by LF")
                }
                position += 2
                break
            }
            let fieldStart = position
            let field = try headerField()
            if field.name.known == .contentLength {
                guard contentLength == nil else {
                    throw SIPParseError(
                        .multipleContentLength, at: fieldStart, header: .contentLength,
                        "more than one Content-Length: the body's length is unknown (RFC 4475 §3.3.9)")
                }
                let length = field.value.withUTF8Bytes { SIPScanner($0).decimal(0..<$0.count, maximum: UInt64(end)) }
                guard let length else {
                    let tooLarge = field.value.utf8.allSatisfy(SIPByteClass.isDigit) && !field.value.isEmpty
                    throw SIPParseError(
                        tooLarge ? .bodyShorterThanContentLength : .invalidContentLength, at: fieldStart,
                        header: .contentLength,
                        tooLarge
                            ? "Content-Length \(field.value) exceeds the whole message's \(end) bytes"
                            : "Content-Length \"\(field.value)\" is not a decimal number (RFC 3261 §20.14)")
                }
                contentLength = (fields.count, Int(length), field.value)
            }
            fields.append(field)
        }
        let available = end - position
        var bodyCount = available
        if let contentLength {
            guard contentLength.value <= available else {
                throw SIPParseError(
                    .bodyShorterThanContentLength, at: position, header: .contentLength,
                    "Content-Length \(contentLength.value) exceeds the \(available) bytes left (RFC 3261 §18.3)")
            }
            bodyCount = contentLength.value
            let normalized = String(bodyCount)
            if contentLength.text != normalized { fields[contentLength.index].value = normalized }
        } else {
            fields.append(SIPHeaderField(name: .contentLength, value: String(bodyCount)))
        }
        let body = Array(UnsafeRawBufferPointer(rebasing: bytes[position..<position + bodyCount]))
        switch start {
        case .request(var request):
            request.headers = SIPHeaders(fields)
            request.body = body
            return .request(request)
        case .response(var response):
            response.headers = SIPHeaders(fields)
            response.body = body
            return .response(response)
        }
    }

    /// Moves past the current line and returns where its content ends (before CRLF or LF).
    private mutating func endOfLine() throws(SIPParseError) -> Int {
        let end = bytes.count
        while position < end {
            let byte = bytes[position]
            if byte == Self.lf {
                position += 1
                return position - 1
            }
            if byte == Self.cr {
                guard position + 1 < end, bytes[position + 1] == Self.lf else {
                    throw SIPParseError(
                        position + 1 < end ? .invalidLineEnding : .unterminatedHeaderSection, at: position,
                        "CR not followed by LF")
                }
                position += 2
                return position - 2
            }
            if byte == 0 { throw SIPParseError(.invalidCharacter, at: position, "NUL in the start line") }
            position += 1
        }
        throw SIPParseError(.unterminatedHeaderSection, at: position, "the message ends inside its start line")
    }

    /// Whether any of the eight bytes of `word` is below 14 (CR, LF and NUL are), a DQUOTE or a backslash:
    /// the bytes a header value's scan must look at. Exact as a yes/no (the "has less than" and "has zero byte"
    /// tests of Sean Anderson's bit hacks, a borrow only ever following a byte that matched).
    @inline(__always)
    static func hasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let below14 = (word &- ones &* 14) & ~word & highs
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let quote = (quotes &- ones) & ~quotes & highs
        let backslash = (backslashes &- ones) & ~backslashes & highs
        return below14 | quote | backslash != 0
    }

    /// `field-name HCOLON field-value *(CRLF 1*WSP field-value) CRLF` (RFC 3261 §7.3.1, §25.1).
    private mutating func headerField() throws(SIPParseError) -> SIPHeaderField {
        // Locals, so that the scanning loops keep the offset in a register rather than storing it back into
        // the parser at every byte.
        let bytes = self.bytes
        var at = position
        defer { position = at }
        let end = bytes.count
        let nameStart = at
        while at < end, SIPByteClass.isToken(bytes[at]) { at += 1 }
        let nameRange = nameStart..<at
        while at < end, SIPByteClass.isWhitespace(bytes[at]) { at += 1 }
        guard !nameRange.isEmpty, at < end, bytes[at] == UInt8(ascii: ":") else {
            throw SIPParseError(
                .invalidHeaderName, at: nameRange.isEmpty ? nameStart : at,
                nameRange.isEmpty
                    ? "a header line must start with a token name (RFC 3261 §7.3.1)"
                    : "expected \":\" after the header name (RFC 3261 §7.3.1)")
        }
        at += 1
        let name = SIPHeaderName(bytes, nameRange)
        // Unfolded value: each line's content trimmed, the non-empty ones joined by one SP. `joined` is only
        // built when the value is folded, which is rare.
        var firstLine = 0..<0
        var joined: [UInt8]?
        var inQuotes = false
        while true {
            while at < end, SIPByteClass.isWhitespace(bytes[at]) { at += 1 }
            let contentStart = at
            while at < end {
                // Eight bytes at a time while none of them needs a look.
                while at &+ 8 <= end,
                    !Self.hasSpecialByte(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)))
                {
                    at &+= 8
                }
                guard at < end else { break }
                let byte = bytes[at]
                // Most bytes are none of CR, LF, NUL (all below 14), DQUOTE or backslash: one test, then on.
                if byte > 13, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
                    at += 1
                    continue
                }
                if byte == Self.cr || byte == Self.lf { break }
                if byte == 0 {
                    throw SIPParseError(
                        .invalidCharacter, at: at, header: name, "NUL outside a quoted-pair (RFC 3261 §25.1)")
                }
                at += 1
                if byte == UInt8(ascii: "\"") {
                    inQuotes.toggle()
                } else if byte == UInt8(ascii: "\\"), inQuotes, at < end, bytes[at] != Self.cr,
                    bytes[at] != Self.lf
                {
                    // quoted-pair (§25.1): the next byte is taken as it is, a NUL included; a line end still
                    // ends the line.
                    at += 1
                }
            }
            var contentEnd = at
            while contentEnd > contentStart, SIPByteClass.isWhitespace(bytes[contentEnd - 1]) { contentEnd -= 1 }
            guard at < end else {
                throw SIPParseError(
                    .unterminatedHeaderSection, at: at, "the message ends inside the \(name) header")
            }
            if bytes[at] == Self.cr {
                guard at + 1 < end, bytes[at + 1] == Self.lf else {
                    throw SIPParseError(
                        at + 1 < end ? .invalidLineEnding : .unterminatedHeaderSection, at: at,
                        "CR not followed by LF")
                }
                at += 2
            } else {
                at += 1
            }
            let line = contentStart..<contentEnd
            if joined == nil, firstLine.isEmpty {
                firstLine = line
            } else if !line.isEmpty {
                if joined == nil { joined = Array(UnsafeRawBufferPointer(rebasing: bytes[firstLine])) }
                if joined?.isEmpty == false { joined?.append(UInt8(ascii: " ")) }
                joined?.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[line]))
            }
            guard at < end, SIPByteClass.isWhitespace(bytes[at]) else { break }
        }
        let value: String
        if let joined {
            value = String(decoding: joined, as: UTF8.self)
        } else {
            value = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[firstLine]), as: UTF8.self)
        }
        return SIPHeaderField(name: name, value: value)
    }

    /// The start line, as a message without headers and body yet.
    private func startLine(_ line: Range<Int>) throws(SIPParseError) -> SIPMessage {
        let scanner = SIPScanner(bytes, range: line)
        if line.count >= 4, scanner.equalsIgnoringCase(line.lowerBound..<line.lowerBound + 4, "SIP/") {
            return .response(try statusLine(scanner))
        }
        return .request(try requestLine(scanner))
    }

    /// `Method SP Request-URI SP SIP-Version` with exactly one SP between elements (RFC 3261 §7.1, §25.1;
    /// RFC 4475 §3.1.2.7–§3.1.2.10 reject LWS in the URI, `<>` around it, extra or trailing SP).
    private func requestLine(_ line: SIPScanner) throws(SIPParseError) -> SIPRequest {
        var scanner = line
        guard let method = scanner.token() else {
            throw SIPParseError(.invalidMethod, at: scanner.index, "the method must be a token (RFC 3261 §25.1)")
        }
        guard scanner.consume(UInt8(ascii: " ")) else {
            throw SIPParseError(
                .invalidStartLine, at: scanner.index, "expected one SP after the method (RFC 3261 §7.1)")
        }
        let uriStart = scanner.index
        while let byte = scanner.current, byte != UInt8(ascii: " ") { scanner.index += 1 }
        let uriRange = uriStart..<scanner.index
        guard !uriRange.isEmpty, scanner.consume(UInt8(ascii: " ")) else {
            throw SIPParseError(
                .invalidStartLine, at: scanner.index,
                uriRange.isEmpty
                    ? "more than one SP after the method (RFC 3261 §7.1)"
                    : "expected SP SIP-Version after the Request-URI (RFC 3261 §7.1)")
        }
        let versionRange = scanner.index..<scanner.end
        guard Self.isVersion(scanner, versionRange) else {
            let hasSpace = versionRange.contains { bytes[$0] == UInt8(ascii: " ") || bytes[$0] == 0x09 }
            throw SIPParseError(
                hasSpace ? .invalidStartLine : .invalidVersion, at: versionRange.lowerBound,
                hasSpace
                    ? "whitespace inside the Request-URI or after the SIP-Version (RFC 3261 §7.1, §19.1.1)"
                    : "SIP-Version must be SIP/<digits>.<digits> (RFC 3261 §7.1)")
        }
        let uri: SIPURI
        do {
            uri = try SIPURI(bytes, uriRange)
        } catch {
            throw SIPParseError(.invalidRequestURI, at: error.offset, "Request-URI: \(error.detail)")
        }
        return SIPRequest(method: SIPMethod(scanner, method), uri: uri, version: scanner.string(versionRange))
    }

    /// `SIP-Version SP Status-Code SP Reason-Phrase`; the reason may be empty, its SP too (RFC 4475 §3.1.1.13).
    private func statusLine(_ line: SIPScanner) throws(SIPParseError) -> SIPResponse {
        var scanner = line
        while let byte = scanner.current, byte != UInt8(ascii: " ") { scanner.index += 1 }
        let versionRange = line.index..<scanner.index
        guard Self.isVersion(scanner, versionRange) else {
            throw SIPParseError(
                .invalidVersion, at: versionRange.lowerBound, "SIP-Version must be SIP/<digits>.<digits>")
        }
        guard scanner.consume(UInt8(ascii: " ")) else {
            throw SIPParseError(.invalidStartLine, at: scanner.index, "expected SP Status-Code (RFC 3261 §7.2)")
        }
        let codeRange = scanner.scan(while: SIPByteClass.isDigit)
        guard codeRange.count == 3, let code = scanner.decimal(codeRange, maximum: 699), code >= 100,
            scanner.isAtEnd || scanner.current == UInt8(ascii: " ")
        else {
            throw SIPParseError(
                .invalidStatusCode, at: codeRange.lowerBound,
                "the Status-Code must be 3 digits from 100 to 699 (RFC 3261 §7.2, RFC 4475 §3.1.2.19)")
        }
        _ = scanner.consume(UInt8(ascii: " "))
        return SIPResponse(
            statusCode: Int(code), reasonPhrase: scanner.string(scanner.index..<scanner.end),
            version: scanner.string(versionRange))
    }

    /// `SIP-Version = "SIP" "/" 1*DIGIT "." 1*DIGIT`, "SIP" in any case.
    static func isVersion(_ scanner: SIPScanner, _ range: Range<Int>) -> Bool {
        guard range.count >= 7, scanner.equalsIgnoringCase(range.lowerBound..<range.lowerBound + 4, "SIP/") else {
            return false
        }
        var digits = SIPScanner(scanner.bytes, range: range.lowerBound + 4..<range.upperBound)
        guard !digits.scan(while: SIPByteClass.isDigit).isEmpty, digits.consume(UInt8(ascii: ".")),
            !digits.scan(while: SIPByteClass.isDigit).isEmpty
        else { return false }
        return digits.isAtEnd
    }
}
