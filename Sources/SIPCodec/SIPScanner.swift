/// A read position in bytes that stay valid for one parse: a message's datagram, or a header value's UTF-8.
///
/// Every read is guarded by `index < end`; nothing here traps on any input. Offsets are absolute in ``bytes``.
struct SIPScanner {
    let bytes: UnsafeRawBufferPointer
    var index: Int
    var end: Int

    init(_ bytes: UnsafeRawBufferPointer, range: Range<Int>? = nil) {
        self.bytes = bytes
        index = range?.lowerBound ?? 0
        end = range?.upperBound ?? bytes.count
    }

    var isAtEnd: Bool { index >= end }

    /// The byte at the read position, or nil at the end.
    var current: UInt8? { index < end ? bytes[index] : nil }

    /// The byte after the read position, or nil.
    var next: UInt8? { index + 1 < end ? bytes[index + 1] : nil }

    mutating func skipWhitespace() {
        while index < end, SIPByteClass.isWhitespace(bytes[index]) { index += 1 }
    }

    /// Consumes `byte` if it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        guard index < end, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Consumes SWS `byte` SWS (RFC 3261 §25.1: SEMI, COMMA, EQUAL, SLASH, COLON) if `byte` is next after
    /// optional whitespace; otherwise leaves the position alone.
    mutating func consumeSeparator(_ byte: UInt8) -> Bool {
        let start = index
        skipWhitespace()
        guard consume(byte) else {
            index = start
            return false
        }
        skipWhitespace()
        return true
    }

    /// The longest run of bytes matching `predicate` from the read position (possibly empty).
    mutating func scan(while predicate: (UInt8) -> Bool) -> Range<Int> {
        let start = index
        while index < end, predicate(bytes[index]) { index += 1 }
        return start..<index
    }

    /// One or more token characters, or nil (position unchanged).
    mutating func token() -> Range<Int>? {
        let range = scan(while: SIPByteClass.isToken)
        return range.isEmpty ? nil : range
    }

    /// A quoted-string starting at the read position (RFC 3261 §25.1), quotes included. Nil if the position
    /// is not at a `"`, or the string is unterminated (position unchanged then).
    mutating func quotedString() -> Range<Int>? {
        let start = index
        guard consume(UInt8(ascii: "\"")) else { return nil }
        while index < end {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index += 1
                return start..<index
            case UInt8(ascii: "\\"):
                index += index + 1 < end ? 2 : 1
            default:
                index += 1
            }
        }
        index = start
        return nil
    }

    /// The end of the bytes up to the first top-level `delimiter`: outside quoted strings and `<…>`.
    func endOfElement(delimitedBy delimiter: UInt8) -> Int {
        var position = index
        var inQuotes = false
        var inBrackets = false
        while position < end {
            let byte = bytes[position]
            if inQuotes {
                if byte == UInt8(ascii: "\\") {
                    position += 1
                } else if byte == UInt8(ascii: "\"") {
                    inQuotes = false
                }
            } else if byte == UInt8(ascii: "\"") {
                inQuotes = true
            } else if byte == UInt8(ascii: "<") {
                inBrackets = true
            } else if byte == UInt8(ascii: ">") {
                inBrackets = false
            } else if byte == delimiter && !inBrackets {
                return position
            }
            position += 1
        }
        return end
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The content of a quoted string (quotes included in `range`) with quoted-pairs resolved.
    func unquoted(_ range: Range<Int>) -> String {
        let inner = range.lowerBound + 1..<max(range.lowerBound + 1, range.upperBound - 1)
        if !inner.contains(where: { bytes[$0] == UInt8(ascii: "\\") }) { return string(inner) }
        var content: [UInt8] = []
        content.reserveCapacity(range.count)
        var position = range.lowerBound + 1
        let last = range.upperBound - 1
        while position < last {
            var byte = bytes[position]
            if byte == UInt8(ascii: "\\"), position + 1 < last {
                position += 1
                byte = bytes[position]
            }
            content.append(byte)
            position += 1
        }
        return String(decoding: content, as: UTF8.self)
    }

    /// The range with whitespace removed from both ends.
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, SIPByteClass.isWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower, SIPByteClass.isWhitespace(bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// Whether the bytes of `range` equal `text`, ignoring ASCII case.
    func equalsIgnoringCase(_ range: Range<Int>, _ text: StaticString) -> Bool {
        guard range.count == text.utf8CodeUnitCount else { return false }
        let pointer = text.utf8Start
        for offset in 0..<range.count
        where SIPByteClass.lowercased(bytes[range.lowerBound + offset]) != SIPByteClass.lowercased(pointer[offset]) {
            return false
        }
        return true
    }

    /// A decimal number of at most `maximum`, or nil if `range` is empty, has a non-digit or is too large.
    func decimal(_ range: Range<Int>, maximum: UInt64) -> UInt64? {
        guard !range.isEmpty else { return nil }
        var value: UInt64 = 0
        for position in range {
            let byte = bytes[position]
            guard SIPByteClass.isDigit(byte) else { return nil }
            let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            value = times10 + UInt64(byte - UInt8(ascii: "0"))
            if value > maximum { return nil }
        }
        return value
    }
}

extension String {
    /// Runs `body` on this string's UTF-8 bytes without copying them when the string is native.
    func withSIPBytes<T>(
        _ body: (UnsafeRawBufferPointer) throws(SIPParseError) -> T
    ) throws(SIPParseError) -> T {
        let result = utf8.withContiguousStorageIfAvailable { buffer in
            Result { () throws(SIPParseError) -> T in try body(UnsafeRawBufferPointer(buffer)) }
        }
        if let result { return try result.get() }
        let copy = Array(utf8)
        return try copy.withUnsafeBytes { buffer in
            Result { () throws(SIPParseError) -> T in try body(buffer) }
        }.get()
    }

    /// Runs `body` on this string's UTF-8 bytes without copying them when the string is native.
    func withUTF8Bytes<T>(_ body: (UnsafeRawBufferPointer) -> T) -> T {
        if let result = utf8.withContiguousStorageIfAvailable({ body(UnsafeRawBufferPointer($0)) }) {
            return result
        }
        return Array(utf8).withUnsafeBytes(body)
    }

    /// ASCII case-insensitive comparison (header names, parameter names, tokens: RFC 3261 §7.3.1).
    func equalsIgnoringASCIICase(_ other: String) -> Bool {
        if self == other { return true }
        return withUTF8Bytes { lhs in
            other.withUTF8Bytes { rhs in
                guard lhs.count == rhs.count else { return false }
                for index in 0..<lhs.count
                where SIPByteClass.lowercased(lhs[index]) != SIPByteClass.lowercased(rhs[index]) {
                    return false
                }
                return true
            }
        }
    }

    /// The string with ASCII letters lowercased (non-ASCII left alone).
    var asciiLowercased: String {
        guard utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }) else { return self }
        return String(decoding: utf8.map(SIPByteClass.lowercased), as: UTF8.self)
    }

    /// The string with ASCII letters uppercased.
    var asciiUppercased: String {
        guard utf8.contains(where: { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) else { return self }
        return String(
            decoding: utf8.map { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") ? $0 & 0xDF : $0 },
            as: UTF8.self)
    }
}
