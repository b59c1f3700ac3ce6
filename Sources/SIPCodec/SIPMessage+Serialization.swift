#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension SIPMessage {
    /// The message's bytes: see ``SIPRequest/serialize(into:)`` and ``SIPResponse/serialize(into:)``.
    public func serialize(into buffer: inout [UInt8]) {
        switch self {
        case .request(let request): request.serialize(into: &buffer)
        case .response(let response): response.serialize(into: &buffer)
        }
    }

    public func serialized() -> [UInt8] {
        var buffer: [UInt8] = []
        serialize(into: &buffer)
        return buffer
    }
}

extension SIPRequest {
    /// Appends `Method SP Request-URI SP SIP-Version CRLF`, the header fields with their long names
    /// (RFC 3261 §7.3.3 allows either), a Content-Length equal to the body's length in place of the first one
    /// (or last if there was none: it is mandatory on streams, §18.3, and harmless on datagrams), the empty
    /// line, and the body. Line ends are CRLF. A CR or LF inside a header value is written as SP, so a value
    /// can never inject a header line.
    public func serialize(into buffer: inout [UInt8]) {
        let uri = uri.description
        buffer.reserveCapacity(buffer.count + SIPHeaderWriter.estimatedSize(headers, body) + uri.utf8.count + 32)
        buffer.append(contentsOf: method.name.utf8)
        buffer.append(UInt8(ascii: " "))
        buffer.append(contentsOf: uri.utf8)
        buffer.append(UInt8(ascii: " "))
        buffer.append(contentsOf: version.utf8)
        buffer.append(contentsOf: SIPHeaderWriter.crlf)
        SIPHeaderWriter.write(headers, body: body, into: &buffer)
    }

    public func serialized() -> [UInt8] {
        var buffer: [UInt8] = []
        serialize(into: &buffer)
        return buffer
    }
}

extension SIPResponse {
    /// Appends `SIP-Version SP Status-Code SP Reason-Phrase CRLF`, then the header fields and body as
    /// ``SIPRequest/serialize(into:)`` does.
    public func serialize(into buffer: inout [UInt8]) {
        buffer.reserveCapacity(buffer.count + SIPHeaderWriter.estimatedSize(headers, body) + 48)
        buffer.append(contentsOf: version.utf8)
        buffer.append(UInt8(ascii: " "))
        buffer.append(contentsOf: String(statusCode).utf8)
        buffer.append(UInt8(ascii: " "))
        SIPHeaderWriter.appendLine(reasonPhrase, to: &buffer)
        buffer.append(contentsOf: SIPHeaderWriter.crlf)
        SIPHeaderWriter.write(headers, body: body, into: &buffer)
    }

    public func serialized() -> [UInt8] {
        var buffer: [UInt8] = []
        serialize(into: &buffer)
        return buffer
    }
}

/// The header section and body, shared by requests and responses.
enum SIPHeaderWriter {
    static let crlf: [UInt8] = [UInt8(ascii: "\r"), UInt8(ascii: "\n")]

    static func estimatedSize(_ headers: SIPHeaders, _ body: [UInt8]) -> Int {
        var size = body.count + 24
        for index in headers.fields.indices {
            size += headers.fields[index].name.description.utf8.count + headers.fields[index].value.utf8.count + 4
        }
        return size
    }

    static func write(_ headers: SIPHeaders, body: [UInt8], into buffer: inout [UInt8]) {
        var wroteLength = false
        // Indices, not `for field in`: each field read in place, without a copy of its three strings.
        for index in headers.fields.indices {
            if headers.fields[index].name.known == .contentLength {
                if !wroteLength { writeContentLength(body.count, into: &buffer) }
                wroteLength = true
                continue
            }
            appendLine(headers.fields[index].name.description, to: &buffer)
            buffer.append(UInt8(ascii: ":"))
            buffer.append(UInt8(ascii: " "))
            appendLine(headers.fields[index].value, to: &buffer)
            buffer.append(UInt8(ascii: "\r"))
            buffer.append(UInt8(ascii: "\n"))
        }
        if !wroteLength { writeContentLength(body.count, into: &buffer) }
        buffer.append(UInt8(ascii: "\r"))
        buffer.append(UInt8(ascii: "\n"))
        buffer.append(contentsOf: body)
    }

    private static func writeContentLength(_ count: Int, into buffer: inout [UInt8]) {
        buffer.append(contentsOf: "Content-Length: ".utf8)
        buffer.append(contentsOf: String(count).utf8)
        buffer.append(contentsOf: crlf)
    }

    /// Appends `text`, with any CR or LF replaced by SP.
    static func appendLine(_ text: String, to buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            let start = buffer.count
            buffer.append(contentsOf: utf8)
            // Rare: a CR or LF in a value (found with memchr on the contiguous bytes, then patched in place).
            if let base = utf8.baseAddress,
                memchr(base, Int32(UInt8(ascii: "\r")), utf8.count) != nil
                    || memchr(base, Int32(UInt8(ascii: "\n")), utf8.count) != nil
            {
                for index in start..<buffer.count
                where buffer[index] == UInt8(ascii: "\r") || buffer[index] == UInt8(ascii: "\n") {
                    buffer[index] = UInt8(ascii: " ")
                }
            }
        }
    }
}
