import DHCPCodec

/// Turns an `option-data` `data` text into the option's payload, per its definition, as Kea 2.2 does.
///
/// CSV (`csv-format: true`, the default), after Kea's `OptionDataParser` and
/// `OptionDefinition::optionFactory` (`src/lib/dhcp/option_definition.cc`):
/// - the text is split on commas not escaped as `\,` (a JSON file writes `\\,`), each value trimmed;
///   empty values are dropped;
/// - a single-value option uses the first value and ignores the rest (Kea does; we also warn);
/// - an array encodes every value; a record encodes its fields in order and, with `array: true`, repeats
///   its last field for the remaining values (RFC 3361 option 120: `"1, 10.0.0.5, 10.0.0.6"`).
///
/// Hex (`csv-format: false`): one of ``KeaHexText``'s forms.
///
/// ```swift
/// let bytes = try KeaOptionEncoder.encode(csv: "10.0.0.1, 10.0.0.2", as: ntpServers)   // 8 bytes
/// ```
enum KeaOptionEncoder {
    /// Why `data` does not fit the definition; the message is Kea's where Kea has one.
    struct Failure: Error, Equatable {
        var message: String
    }

    /// The result of a CSV encode: the bytes, and whether values were ignored.
    struct Encoded: Equatable {
        var bytes: [UInt8]
        var ignoredValues: Bool
    }

    static func encode(csv text: String, as definition: KeaOptionDefinition) throws(Failure) -> Encoded {
        let values = tokens(text)
        var bytes: [UInt8] = []
        if definition.type == .record {
            guard values.count >= definition.recordTypes.count else {
                throw Failure(
                    message: values.isEmpty
                        ? "no option value specified"
                        : "number of data fields for the option type '\(definition.code)' is greater than number"
                            + " of values provided.")
            }
            for (value, type) in zip(values, definition.recordTypes) { try write(value, as: type, into: &bytes) }
            if let last = definition.recordTypes.last, definition.isArray {
                for value in values.dropFirst(definition.recordTypes.count) {
                    try write(value, as: last, into: &bytes)
                }
            }
            return Encoded(
                bytes: bytes, ignoredValues: !definition.isArray && values.count > definition.recordTypes.count)
        }
        if definition.isArray {
            guard !values.isEmpty else { throw Failure(message: "no option value specified") }
            for value in values { try write(value, as: definition.type, into: &bytes) }
            return Encoded(bytes: bytes, ignoredValues: false)
        }
        guard let first = values.first else {
            if definition.type == .empty { return Encoded(bytes: [], ignoredValues: false) }
            throw Failure(message: "no option value specified")
        }
        try write(first, as: definition.type, into: &bytes)
        return Encoded(bytes: bytes, ignoredValues: values.count > 1)
    }

    /// Kea's `util::str::tokens(text, ",", true)`: split on unescaped commas, unescape `\,`, trim, drop empties.
    static func tokens(_ text: String) -> [String] {
        var values: [String] = []
        var current = ""
        var escaped = false
        for character in text {
            if escaped {
                if character != "," { current.append("\\") }
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "," {
                values.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        if escaped { current.append("\\") }
        values.append(current)
        return values.map { $0.trimmingKeaSpaces() }.filter { !$0.isEmpty }
    }

    // MARK: Fields

    static func write(_ value: String, as type: KeaOptionType, into bytes: inout [UInt8]) throws(Failure) {
        switch type {
        case .empty:
            throw Failure(message: "attempt to write invalid option data field type into the option buffer: 0")
        case .binary:
            guard let decoded = KeaHexText.decode(value) else {
                throw Failure(message: "option data is not a valid string of hexadecimal digits: \(value)")
            }
            bytes += decoded
        case .boolean:
            switch value.lowercased() {
            case "true", "1": bytes.append(1)
            case "false", "0": bytes.append(0)
            default: throw Failure(message: "unable to covert the value '\(value)' to boolean data type")
            }
        case .int8: bytes += try integer(value, Int8.self).bigEndianBytes
        case .int16: bytes += try integer(value, Int16.self).bigEndianBytes
        case .int32: bytes += try integer(value, Int32.self).bigEndianBytes
        case .uint8: bytes += try integer(value, UInt8.self).bigEndianBytes
        case .uint16: bytes += try integer(value, UInt16.self).bigEndianBytes
        case .uint32: bytes += try integer(value, UInt32.self).bigEndianBytes
        case .ipv4Address:
            guard let address = IPv4Address(value) else {
                throw Failure(message: "Failed to convert string to address '\(value)': Invalid argument")
            }
            bytes += address.octets
        case .string:
            bytes += Array(value.utf8)
        case .fqdn:
            bytes += try fqdn(value)
        case .record:
            throw Failure(message: "a record field cannot itself be a record")
        }
    }

    /// A decimal or `0x` hex integer in `I`'s range (Kea's `lexicalCastWithRangeCheck`).
    static func integer<I: FixedWidthInteger>(_ text: String, _ type: I.Type) throws(Failure) -> I {
        let parsed: Int64?
        if text.hasPrefix("0x") || text.hasPrefix("0X") {
            parsed = Int64(text.dropFirst(2), radix: 16)
        } else {
            parsed = Int64(text)
        }
        guard let parsed else { throw Failure(message: "unable to convert '\(text)' to numeric type") }
        guard let value = I(exactly: parsed) else {
            throw Failure(
                message: "unable to convert '\(text)' to numeric type. This value is expected to be in the range of"
                    + " \(I.min)..\(I.max)")
        }
        return value
    }

    /// A domain name in DNS wire format (RFC 1035 §3.1): length-prefixed labels and a zero. A trailing dot is
    /// optional, as Kea's `isc::dns::Name` makes every name absolute.
    static func fqdn(_ text: String) throws(Failure) -> [UInt8] {
        var bytes: [UInt8] = []
        let name = text.hasSuffix(".") ? String(text.dropLast()) : text
        if !name.isEmpty {
            for label in name.split(separator: ".", omittingEmptySubsequences: false) {
                let utf8 = Array(label.utf8)
                guard (1...63).contains(utf8.count) else {
                    throw Failure(message: "invalid domain name '\(text)': labels must be 1 to 63 characters")
                }
                bytes.append(UInt8(utf8.count))
                bytes += utf8
            }
        }
        bytes.append(0)
        guard bytes.count <= 255 else { throw Failure(message: "invalid domain name '\(text)': longer than 255") }
        return bytes
    }
}

extension FixedWidthInteger {
    /// The value's bytes, most significant first (network order).
    var bigEndianBytes: [UInt8] {
        (0..<Self.bitWidth / 8).reversed().map { UInt8(truncatingIfNeeded: self >> ($0 * 8)) }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks (Kea's `util::str::trim`).
    func trimmingKeaSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
