/// The header fields of a message, in wire order (RFC 3261 §7.3).
///
/// Order matters between fields of the same name (Via, Route, Record-Route: RFC 3261 §7.3.1) and is kept for
/// all of them, so a message serializes as it was received. Lookups compare names case-insensitively and
/// treat compact forms as their long names. Values are strings; typed accessors (``vias()``, ``from()``,
/// ``cseq()``…, in `SIPHeaders+Typed.swift`) parse them on demand.
///
/// ```swift
/// var headers = SIPHeaders()
/// headers.append(.via, "SIP/2.0/UDP 10.0.0.5:5060;branch=z9hG4bK776;rport")
/// headers.append(.maxForwards, "70")
/// headers[.maxForwards]                 // "70"
/// headers.set(.maxForwards, "69")       // replaces every Max-Forwards, in place of the first
/// ```
public struct SIPHeaders: Sequence, Hashable, Sendable, ExpressibleByArrayLiteral {
    /// Every field, in order.
    public var fields: [SIPHeaderField]

    public init() { fields = [] }

    public init(_ fields: [SIPHeaderField]) { self.fields = fields }

    public init(arrayLiteral elements: (SIPHeaderName, String)...) {
        fields = elements.map { SIPHeaderField(name: $0.0, value: $0.1) }
    }

    /// The number of fields (a field carrying several comma-separated values counts once).
    public var count: Int { fields.count }

    public var isEmpty: Bool { fields.isEmpty }

    public func makeIterator() -> IndexingIterator<[SIPHeaderField]> { fields.makeIterator() }

    /// The first field's value, or nil.
    public subscript(_ name: SIPHeaderName) -> String? {
        // Indices, not `for field in fields`: reading in place spares a retain and release of every field.
        for index in fields.indices where fields[index].name == name { return fields[index].value }
        return nil
    }

    /// Every field's value, in order (each field whole: not split at commas).
    public func values(_ name: SIPHeaderName) -> [String] {
        var values: [String] = []
        for index in fields.indices where fields[index].name == name { values.append(fields[index].value) }
        return values
    }

    /// How many fields have this name.
    public func count(_ name: SIPHeaderName) -> Int {
        var count = 0
        for index in fields.indices where fields[index].name == name { count += 1 }
        return count
    }

    public func contains(_ name: SIPHeaderName) -> Bool {
        for index in fields.indices where fields[index].name == name { return true }
        return false
    }

    /// Adds a field after the others.
    public mutating func append(_ name: SIPHeaderName, _ value: String) {
        fields.append(SIPHeaderField(name: name, value: value))
    }

    /// Adds a field before the first field of the same name, or at the end if there is none: what a proxy
    /// does with its Via (RFC 3261 §16.6 step 8) or a Record-Route (§16.6 step 4).
    public mutating func prepend(_ name: SIPHeaderName, _ value: String) {
        let index = fields.firstIndex { $0.name == name } ?? fields.count
        fields.insert(SIPHeaderField(name: name, value: value), at: index)
    }

    /// Replaces every field of this name with one field, where the first one was (at the end if none was).
    public mutating func set(_ name: SIPHeaderName, _ value: String) {
        guard let first = fields.firstIndex(where: { $0.name == name }) else {
            append(name, value)
            return
        }
        fields[first].value = value
        var index = fields.count - 1
        while index > first {
            if fields[index].name == name { fields.remove(at: index) }
            index -= 1
        }
    }

    /// Removes every field of this name.
    public mutating func remove(_ name: SIPHeaderName) {
        fields.removeAll { $0.name == name }
    }

    /// Removes the first field of this name (the topmost Via, when a proxy forwards a response: §16.7 step 3).
    public mutating func removeFirst(_ name: SIPHeaderName) {
        if let index = fields.firstIndex(where: { $0.name == name }) { fields.remove(at: index) }
    }
}
