/// Cuts a TCP or TLS byte stream into SIP messages and keep-alives (RFC 3261 §18.3, RFC 5626 §3.5.1).
///
/// Bytes go in as they arrive, in any chunks; ``next()`` returns each complete item once, or nil until more
/// bytes arrive. A message ends Content-Length bytes after the empty line that ends its headers; on a stream
/// Content-Length is mandatory. CRLFCRLF between messages is a ping, a lone CRLF a pong. A lone CRLF at the
/// very end of the buffered bytes waits for the next byte, which tells a pong from the first half of a ping
/// (``hasPendingKeepAlive`` says so; a client waiting for a pong may count it).
///
/// ```swift
/// var framer = SIPStreamFramer(maximumMessageSize: 65_535)
/// framer.append(chunk)
/// while let item = try framer.next() {
///     switch item {
///     case .message(let bytes): handle(try SIPMessage(parsing: bytes))
///     case .keepAlivePing: channel.write("\r\n")
///     case .keepAlivePong: keepAlive.pongReceived()
///     }
/// }
/// ```
public struct SIPStreamFramer: Sendable {
    public let maximumMessageSize: Int

    private var buffer: [UInt8] = []
    /// The first byte not yet returned.
    private var start = 0
    /// Where the search for the end of the current message's headers resumes.
    private var searched = 0
    /// The current message's total length, once its headers are complete.
    private var messageLength: Int?
    /// Bytes dropped from the front of `buffer` so far (for error offsets).
    private var discarded = 0
    private var failure: SIPFramingError?

    public init(maximumMessageSize: Int = 65_535) {
        self.maximumMessageSize = maximumMessageSize
    }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
    }

    public mutating func append(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
    }

    /// Bytes received and not yet returned.
    public var bufferedByteCount: Int { buffer.count - start }

    /// Whether the buffered bytes are a CRLF (or CRLF CR) that may yet become a ping.
    public var hasPendingKeepAlive: Bool {
        let count = buffer.count - start
        return (count == 2 || count == 3) && buffer[start] == 13 && buffer[start + 1] == 10
    }

    /// The next complete item, or nil until more bytes arrive.
    public mutating func next() throws(SIPFramingError) -> SIPFramedItem? {
        if let failure { throw failure }
        do {
            return try cut()
        } catch {
            failure = error
            throw error
        }
    }

    private mutating func cut() throws(SIPFramingError) -> SIPFramedItem? {
        compact()
        while messageLength == nil, start < buffer.count, buffer[start] == 13 || buffer[start] == 10 {
            if buffer[start] == 10 {
                // A bare LF between messages: tolerated and skipped (only CRLF keep-alives have a meaning).
                start += 1
                searched = start
                continue
            }
            let count = buffer.count - start
            guard count >= 2 else { return nil }
            guard buffer[start + 1] == 10 else {
                throw SIPFramingError(.invalidLineEnding, streamOffset: discarded + start, "CR not followed by LF")
            }
            guard count >= 3 else { return nil }
            if buffer[start + 2] == 13 {
                guard count >= 4 else { return nil }
                if buffer[start + 3] == 10 {
                    consume(4)
                    return .keepAlivePing
                }
            }
            consume(2)
            return .keepAlivePong
        }
        if messageLength == nil {
            guard let headerEnd = findHeaderEnd() else {
                if buffer.count - start > maximumMessageSize {
                    throw SIPFramingError(
                        .headerSectionTooLarge, streamOffset: discarded + start,
                        "no end of headers within \(maximumMessageSize) bytes")
                }
                return nil
            }
            let length = try contentLength(headerEnd: headerEnd)
            let (total, overflow) = (headerEnd - start).addingReportingOverflow(length)
            guard !overflow, total <= maximumMessageSize else {
                throw SIPFramingError(
                    .messageTooLarge, streamOffset: discarded + start,
                    "message of \(total) bytes exceeds the maximum of \(maximumMessageSize)")
            }
            messageLength = total
        }
        guard let total = messageLength, buffer.count - start >= total else { return nil }
        let message = Array(buffer[start..<start + total])
        messageLength = nil
        consume(total)
        return .message(message)
    }

    private mutating func consume(_ count: Int) {
        start += count
        searched = start
    }

    /// Drops returned bytes when they are most of the buffer, so appending stays amortized O(1).
    private mutating func compact() {
        guard start > 0, start >= buffer.count / 2 || start == buffer.count else { return }
        buffer.removeSubrange(0..<start)
        discarded += start
        searched -= start
        start = 0
    }

    /// The index just past the empty line ending the headers (LF CRLF or LF LF), or nil if not yet received.
    private mutating func findHeaderEnd() -> Int? {
        var index = max(searched, start)
        while index < buffer.count {
            if buffer[index] == 10 {
                guard index + 1 < buffer.count else { break }
                if buffer[index + 1] == 10 { return index + 2 }
                if buffer[index + 1] == 13 {
                    guard index + 2 < buffer.count else { break }
                    if buffer[index + 2] == 10 { return index + 3 }
                }
            }
            index += 1
        }
        searched = index
        return nil
    }

    /// The Content-Length of the headers in `start..<headerEnd` (long or compact name, any case).
    private func contentLength(headerEnd: Int) throws(SIPFramingError) -> Int {
        let offset = discarded + start
        var found: Int?
        var lineStart = start
        var isStartLine = true
        while lineStart < headerEnd {
            var lineEnd = lineStart
            while lineEnd < headerEnd, buffer[lineEnd] != 10 { lineEnd += 1 }
            defer { lineStart = lineEnd + 1 }
            if isStartLine {
                isStartLine = false
                continue
            }
            var index = lineStart
            while index < lineEnd, SIPByteClass.isToken(buffer[index]) { index += 1 }
            guard isContentLengthName(lineStart..<index) else { continue }
            while index < lineEnd, SIPByteClass.isWhitespace(buffer[index]) { index += 1 }
            guard index < lineEnd, buffer[index] == UInt8(ascii: ":") else { continue }
            index += 1
            while index < lineEnd, SIPByteClass.isWhitespace(buffer[index]) { index += 1 }
            var value = 0
            var digits = 0
            while index < lineEnd, SIPByteClass.isDigit(buffer[index]) {
                let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
                value = overflow ? Int.max : times10 &+ Int(buffer[index] - UInt8(ascii: "0"))
                digits += 1
                index += 1
                guard !overflow, value >= 0, value <= maximumMessageSize else {
                    throw SIPFramingError(
                        .messageTooLarge, streamOffset: offset, "Content-Length exceeds \(maximumMessageSize)")
                }
            }
            while index < lineEnd, SIPByteClass.isWhitespace(buffer[index]) || buffer[index] == 13 { index += 1 }
            guard digits > 0, index == lineEnd else {
                throw SIPFramingError(
                    .invalidContentLength, streamOffset: offset, "Content-Length is not a decimal number")
            }
            guard found == nil else {
                throw SIPFramingError(.multipleContentLength, streamOffset: offset, "more than one Content-Length")
            }
            found = value
        }
        guard let found else {
            throw SIPFramingError(
                .missingContentLength, streamOffset: offset, "no Content-Length, mandatory on streams (RFC 3261 §18.3)")
        }
        return found
    }

    private func isContentLengthName(_ range: Range<Int>) -> Bool {
        if range.count == 1 { return SIPByteClass.lowercased(buffer[range.lowerBound]) == UInt8(ascii: "l") }
        guard range.count == 14 else { return false }
        return zip(range, "content-length".utf8).allSatisfy { SIPByteClass.lowercased(buffer[$0]) == $1 }
    }
}
