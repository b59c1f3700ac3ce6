/// Typed accessors: each parses the stored values when called (nothing is cached), so a registrar pays only
/// for the headers it reads. A throwing accessor names the header and the byte of the value at fault.
extension SIPHeaders {
    /// Every Via value, top first: all Via fields, each split at commas outside quoted strings (RFC 3261
    /// §7.3.1, §20.42). Throws if there is no Via at all, or one value is malformed.
    public func vias() throws(SIPParseError) -> [SIPVia] {
        let vias = try elements(.via) { (scanner: inout SIPScanner) throws(SIPParseError) in try SIPVia(&scanner) }
        guard !vias.isEmpty else { throw Self.missing(.via) }
        return vias
    }

    /// The topmost Via value.
    public func topVia() throws(SIPParseError) -> SIPVia {
        guard let value = self[.via] else { throw Self.missing(.via) }
        return try Self.parse(value, .via, singleElement: false) { (scanner: inout SIPScanner) throws(SIPParseError) in
            try SIPVia(&scanner)
        }
    }

    /// Replaces the topmost Via value (the first of the first field), keeping any others in that field.
    public mutating func replaceTopVia(with via: SIPVia) {
        guard let index = fields.firstIndex(where: { $0.name == .via }) else {
            append(.via, via.description)
            return
        }
        let rest = Self.afterFirstElement(fields[index].value)
        fields[index].value = rest.isEmpty ? via.description : "\(via.description), \(rest)"
    }

    /// Removes the topmost Via value (a proxy forwarding a response, RFC 3261 §16.7 step 3).
    public mutating func removeTopVia() {
        guard let index = fields.firstIndex(where: { $0.name == .via }) else { return }
        let rest = Self.afterFirstElement(fields[index].value)
        if rest.isEmpty {
            fields.remove(at: index)
        } else {
            fields[index].value = rest
        }
    }

    /// From (RFC 3261 §20.20): exactly one field with one address.
    public func from() throws(SIPParseError) -> SIPNameAddress { try single(.from, Self.nameAddress) }

    /// To (RFC 3261 §20.39): exactly one field with one address.
    public func to() throws(SIPParseError) -> SIPNameAddress { try single(.to, Self.nameAddress) }

    /// Call-ID (RFC 3261 §20.8): `word [ "@" word ]`, exactly one field.
    public func callID() throws(SIPParseError) -> String {
        try single(.callID) { (scanner: inout SIPScanner) throws(SIPParseError) -> String in
            let start = scanner.index
            let local = scanner.scan(while: SIPByteClass.isWord)
            if !local.isEmpty, scanner.consume(UInt8(ascii: "@")), scanner.scan(while: SIPByteClass.isWord).isEmpty {
                scanner.index -= 1
            }
            guard !local.isEmpty, scanner.isAtEnd else {
                throw SIPParseError(
                    .malformedHeader, at: scanner.index, "a Call-ID is word[@word] (RFC 3261 §25.1), no spaces")
            }
            return scanner.string(start..<scanner.index)
        }
    }

    /// CSeq (RFC 3261 §20.16), exactly one field.
    public func cseq() throws(SIPParseError) -> SIPCSeq {
        guard let value = try singleValue(.cseq) else { throw Self.missing(.cseq) }
        return try SIPCSeq(parsing: value)
    }

    /// Contact (RFC 3261 §20.10): `*`, or every address of every field. No Contact is `.addresses([])`.
    public func contacts() throws(SIPParseError) -> SIPContactList {
        let values = values(.contact)
        if values.count == 1, values[0] == "*" { return .wildcard }
        return .addresses(try nameAddresses(.contact))
    }

    /// Every address of every field of `name` (Route, Record-Route, Path, Contact…), split at commas outside
    /// quotes and `<>`, in order.
    public func nameAddresses(_ name: SIPHeaderName) throws(SIPParseError) -> [SIPNameAddress] {
        try elements(name, Self.nameAddress)
    }

    /// Date (RFC 3261 §20.17), or nil without one.
    public func date() throws(SIPParseError) -> SIPDate? {
        guard let value = try singleValue(.date) else { return nil }
        return try SIPDate(parsing: value)
    }

    /// Expires in seconds (RFC 3261 §20.19); nil when absent or not a number below 2³² (malformed values are
    /// treated as absent: RFC 3261 §10.3 step 7, RFC 4475 §3.1.2.4).
    public func expires() -> Int? { number(.expires, maximum: UInt64(UInt32.max)) }

    /// Max-Forwards (RFC 3261 §20.22), 0–255; nil when absent or malformed.
    public func maxForwards() -> Int? { number(.maxForwards, maximum: 255) }

    /// Min-Expires (RFC 3261 §20.23); nil when absent or malformed.
    public func minExpires() -> Int? { number(.minExpires, maximum: UInt64(UInt32.max)) }

    /// Content-Length (RFC 3261 §20.14); nil when absent or malformed.
    public func contentLength() -> Int? { number(.contentLength, maximum: UInt64(Int32.max)) }

    /// The comma-separated values of every field of `name`, trimmed, empty ones dropped: option tags of
    /// Require, Proxy-Require, Supported, Unsupported (RFC 3261 §20.32, §20.37), methods of Allow.
    public func list(_ name: SIPHeaderName) -> [String] {
        var items: [String] = []
        for index in fields.indices where fields[index].name == name {
            fields[index].value.withUTF8Bytes { bytes in
                var scanner = SIPScanner(bytes)
                while !scanner.isAtEnd {
                    let end = scanner.endOfElement(delimitedBy: UInt8(ascii: ","))
                    let item = scanner.trimmed(scanner.index..<end)
                    if !item.isEmpty { items.append(scanner.string(item)) }
                    scanner.index = end + 1
                }
            }
        }
        return items
    }
}

extension SIPHeaders {
    private static func nameAddress(_ scanner: inout SIPScanner) throws(SIPParseError) -> SIPNameAddress {
        try SIPNameAddress(&scanner)
    }

    static func missing(_ name: SIPHeaderName) -> SIPParseError {
        SIPParseError(.missingHeader, at: 0, header: name, "missing (RFC 3261 §8.1.1)")
    }

    /// The value of the only field of `name`, nil if there is none; throws if there are several.
    private func singleValue(_ name: SIPHeaderName) throws(SIPParseError) -> String? {
        var found: Int?
        for index in fields.indices where fields[index].name == name {
            guard found == nil else {
                throw SIPParseError(.multipleHeaders, at: 0, header: name, "more than one field (RFC 4475 §3.3.8)")
            }
            found = index
        }
        return found.map { fields[$0].value }
    }

    private func single<T>(
        _ name: SIPHeaderName, _ parse: (inout SIPScanner) throws(SIPParseError) -> T
    ) throws(SIPParseError) -> T {
        guard let value = try singleValue(name) else { throw Self.missing(name) }
        return try Self.parse(value, name, singleElement: true, parse)
    }

    /// Parses `value` with `parse`, which must consume it all (or its first comma-separated element).
    private static func parse<T>(
        _ value: String, _ name: SIPHeaderName, singleElement: Bool,
        _ parse: (inout SIPScanner) throws(SIPParseError) -> T
    ) throws(SIPParseError) -> T {
        do {
            return try value.withSIPBytes { bytes throws(SIPParseError) -> T in
                var scanner = SIPScanner(bytes)
                if !singleElement { scanner.end = scanner.endOfElement(delimitedBy: UInt8(ascii: ",")) }
                let range = scanner.trimmed(scanner.index..<scanner.end)
                guard !range.isEmpty else {
                    throw SIPParseError(.malformedHeader, at: range.lowerBound, "empty value")
                }
                scanner = SIPScanner(bytes, range: range)
                return try parse(&scanner)
            }
        } catch {
            throw error.in(name)
        }
    }

    /// Every comma-separated element of every field of `name`, parsed.
    private func elements<T>(
        _ name: SIPHeaderName, _ parse: (inout SIPScanner) throws(SIPParseError) -> T
    ) throws(SIPParseError) -> [T] {
        var result: [T] = []
        for index in fields.indices where fields[index].name == name {
            do {
                try fields[index].value.withSIPBytes { bytes throws(SIPParseError) in
                    var scanner = SIPScanner(bytes)
                    repeat {
                        let end = scanner.endOfElement(delimitedBy: UInt8(ascii: ","))
                        let range = scanner.trimmed(scanner.index..<end)
                        guard !range.isEmpty else {
                            throw SIPParseError(
                                .malformedHeader, at: range.lowerBound, "empty element in a comma-separated list")
                        }
                        var element = SIPScanner(bytes, range: range)
                        result.append(try parse(&element))
                        scanner.index = end + 1
                    } while scanner.index <= scanner.end
                }
            } catch {
                throw error.in(name)
            }
        }
        return result
    }

    private func number(_ name: SIPHeaderName, maximum: UInt64) -> Int? {
        guard let value = self[name] else { return nil }
        let number = value.withUTF8Bytes { bytes in SIPScanner(bytes).decimal(0..<bytes.count, maximum: maximum) }
        return number.map(Int.init)
    }

    /// The text after the first top-level comma of `value`, trimmed ("" if none).
    private static func afterFirstElement(_ value: String) -> String {
        value.withUTF8Bytes { bytes in
            let scanner = SIPScanner(bytes)
            let end = scanner.endOfElement(delimitedBy: UInt8(ascii: ","))
            guard end < bytes.count else { return "" }
            return scanner.string(scanner.trimmed(end + 1..<bytes.count))
        }
    }
}
