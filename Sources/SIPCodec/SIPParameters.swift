/// Parameters of a URI (`;transport=tcp;lr`, RFC 3261 §19.1.1) or of a header value (`;tag=8f2c;expires=60`,
/// `generic-param` of RFC 3261 §25.1), in order. Names compare case-insensitively (RFC 3261 §7.3.1, §19.1.4);
/// values are kept as written: a quoted value keeps its quotes (see ``unquotedValue(_:)``), an escaped one its
/// `%XX` escapes.
///
/// ```swift
/// var parameters = SIPParameters()
/// parameters.append("transport", "tcp")
/// parameters.append("lr")
/// parameters.value("Transport")     // "tcp"
/// parameters.contains("lr")         // true, though valueless
/// parameters.description            // ";transport=tcp;lr"
/// ```
public struct SIPParameters: Hashable, Sendable, Sequence, CustomStringConvertible, ExpressibleByArrayLiteral {
    /// One `name[=value]`.
    public struct Parameter: Hashable, Sendable {
        public var name: String
        /// Nil for a parameter written without `=`.
        public var value: String?

        public init(name: String, value: String? = nil) {
            self.name = name
            self.value = value
        }
    }

    /// Every parameter, in order.
    public var list: [Parameter]

    public init() { list = [] }

    public init(_ list: [Parameter]) { self.list = list }

    public init(arrayLiteral elements: (String, String?)...) {
        list = elements.map { Parameter(name: $0.0, value: $0.1) }
    }

    public var count: Int { list.count }

    public var isEmpty: Bool { list.isEmpty }

    public func makeIterator() -> IndexingIterator<[Parameter]> { list.makeIterator() }

    /// The first parameter of this name (any case), or nil.
    public func parameter(_ name: String) -> Parameter? {
        list.first { $0.name.equalsIgnoringASCIICase(name) }
    }

    /// The value of the first parameter of this name; nil if absent or written without a value.
    public func value(_ name: String) -> String? {
        parameter(name)?.value
    }

    /// ``value(_:)`` without its surrounding quotes and with quoted-pairs resolved (e.g. `+sip.instance`).
    public func unquotedValue(_ name: String) -> String? {
        guard let value = value(name) else { return nil }
        guard value.utf8.count >= 2, value.utf8.first == UInt8(ascii: "\""), value.utf8.last == UInt8(ascii: "\"")
        else { return value }
        return value.withUTF8Bytes { SIPScanner($0).unquoted(0..<$0.count) }
    }

    /// Whether a parameter of this name is present, with or without a value.
    public func contains(_ name: String) -> Bool {
        parameter(name) != nil
    }

    /// Sets the first parameter of this name (and removes any other), or appends it.
    public mutating func set(_ name: String, _ value: String? = nil) {
        guard let first = list.firstIndex(where: { $0.name.equalsIgnoringASCIICase(name) }) else {
            list.append(Parameter(name: name, value: value))
            return
        }
        list[first].value = value
        var index = list.count - 1
        while index > first {
            if list[index].name.equalsIgnoringASCIICase(name) { list.remove(at: index) }
            index -= 1
        }
    }

    public mutating func append(_ name: String, _ value: String? = nil) {
        list.append(Parameter(name: name, value: value))
    }

    /// Removes every parameter of this name.
    public mutating func remove(_ name: String) {
        list.removeAll { $0.name.equalsIgnoringASCIICase(name) }
    }

    /// `;name=value;name…` as written on the wire, or "" when there are none.
    public var description: String {
        var text = ""
        write(to: &text)
        return text
    }

    func write(to text: inout String) {
        for parameter in list {
            text += ";"
            text += parameter.name
            if let value = parameter.value {
                text += "="
                text += value
            }
        }
    }
}

extension SIPParameters {
    /// Parses `*( SEMI generic-param )` of a header value (RFC 3261 §25.1) from the scanner's position up to
    /// `scanner.end`: `generic-param = token [ EQUAL gen-value ]`, `gen-value = token / host / quoted-string`.
    static func parseHeaderParameters(_ scanner: inout SIPScanner) throws(SIPParseError) -> SIPParameters {
        var parameters = SIPParameters()
        while true {
            scanner.skipWhitespace()
            guard let byte = scanner.current else { return parameters }
            guard byte == UInt8(ascii: ";") else {
                throw SIPParseError(.malformedHeader, at: scanner.index, "expected \";\" before a parameter")
            }
            scanner.index += 1
            scanner.skipWhitespace()
            guard let name = scanner.token() else {
                throw SIPParseError(
                    .malformedHeader, at: scanner.index, "empty or invalid parameter name (RFC 3261 §25.1)")
            }
            var value: String?
            if scanner.consumeSeparator(UInt8(ascii: "=")) {
                if scanner.current == UInt8(ascii: "\"") {
                    guard let quoted = scanner.quotedString() else {
                        throw SIPParseError(.malformedHeader, at: scanner.index, "unterminated quoted string")
                    }
                    value = scanner.string(quoted)
                } else {
                    let range = scanner.scan(while: isGenericValueCharacter)
                    guard !range.isEmpty else {
                        throw SIPParseError(
                            .malformedHeader, at: scanner.index, "parameter \"=\" without a value (RFC 3261 §25.1)")
                    }
                    value = scanner.string(range)
                }
            }
            parameters.list.append(Parameter(name: scanner.string(name), value: value))
        }
    }

    /// `token / host`: token characters and the `[ ] :` of an IPv6 reference.
    static func isGenericValueCharacter(_ byte: UInt8) -> Bool {
        SIPByteClass.isToken(byte) || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
            || byte == UInt8(ascii: ":")
    }
}
