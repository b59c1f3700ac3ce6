import CastorJSON

/// One JSON object of a Kea configuration, checked against the keys its map allows, with typed getters that
/// fail as Kea's grammar does (`syntax error, unexpected constant string, expecting integer`).
///
/// Construction refuses, in file order, the first unknown key (`got unexpected keyword "foo" in subnet4
/// map.`, at the key) and the first duplicate (`duplicate id entries in subnet4 map (previous at F:L:C)`, at
/// the second key, pointing at the first value — Kea's `Parser4Context::unique`).
struct KeaMap {
    let file: String
    /// Kea's name for the map in messages: `Dhcp4`, `subnet4`, `lease-database`, `reservations`…
    let name: String
    let node: JSONNode
    private(set) var members: [String: JSONMember] = [:]

    init(_ node: JSONNode, name: String, file: String, allowed: Set<String>) throws(KeaConfigError) {
        self.file = file
        self.name = name
        self.node = node
        guard let list = node.members else {
            throw KeaMap.error(file, node.position, "syntax error, \(KeaMap.unexpected(node)), expecting {")
        }
        for member in list {
            guard allowed.contains(member.key) else {
                throw KeaMap.error(
                    file, member.keyPosition, "got unexpected keyword \"\(member.key)\" in \(name) map.")
            }
            if let previous = members[member.key] {
                throw KeaMap.error(
                    file, member.keyPosition,
                    "duplicate \(member.key) entries in \(name) map (previous at \(file):\(previous.value.position))")
            }
            members[member.key] = member
        }
    }

    var position: JSONPosition { node.position }
    var isEmpty: Bool { members.isEmpty }

    func has(_ key: String) -> Bool { members[key] != nil }
    func value(_ key: String) -> JSONNode? { members[key]?.value }
    func keyPosition(_ key: String) -> JSONPosition? { members[key]?.keyPosition }

    func error(_ position: JSONPosition, _ message: String) -> KeaConfigError {
        KeaMap.error(file, position, message)
    }

    static func error(_ file: String, _ position: JSONPosition, _ message: String) -> KeaConfigError {
        KeaConfigError(file: file, line: position.line, column: position.column, message: message)
    }

    /// Kea's bison token name for what was found: `unexpected constant string`, `unexpected integer`…
    static func unexpected(_ node: JSONNode) -> String {
        switch node.value {
        case .null: "unexpected null"
        case .bool: "unexpected boolean"
        case .number(let literal):
            literal.contains(where: { ".eE".contains($0) }) ? "unexpected floating point" : "unexpected integer"
        case .string: "unexpected constant string"
        case .array: "unexpected ["
        case .object: "unexpected {"
        }
    }

    // MARK: Typed getters (nil when absent)

    func integer(_ key: String) throws(KeaConfigError) -> Int64? {
        guard let node = value(key) else { return nil }
        guard case .number(let literal) = node.value, !literal.contains(where: { ".eE".contains($0) }) else {
            throw error(node.position, "syntax error, \(KeaMap.unexpected(node)), expecting integer")
        }
        guard let integer = Int64(literal) else {
            throw error(node.position, "integer \(literal) is out of range")
        }
        return integer
    }

    /// An integer that must fit `I` (lifetimes are `UInt32` on the wire, RFC 2132 §9.2).
    func integer<I: FixedWidthInteger>(_ key: String, as type: I.Type) throws(KeaConfigError) -> I? {
        guard let integer = try integer(key) else { return nil }
        guard let value = I(exactly: integer) else {
            throw error(value(key)?.position ?? position, "\(key) \(integer) is out of range \(I.min)..\(I.max)")
        }
        return value
    }

    /// A floating point literal; Kea's grammar refuses an integer here (`t1-percent: 1`).
    func real(_ key: String) throws(KeaConfigError) -> Double? {
        guard let node = value(key) else { return nil }
        guard case .number(let literal) = node.value, literal.contains(where: { ".eE".contains($0) }),
            let real = Double(literal)
        else {
            throw error(node.position, "syntax error, \(KeaMap.unexpected(node)), expecting floating point")
        }
        return real
    }

    func bool(_ key: String) throws(KeaConfigError) -> Bool? {
        guard let node = value(key) else { return nil }
        guard case .bool(let bool) = node.value else {
            throw error(node.position, "syntax error, \(KeaMap.unexpected(node)), expecting boolean")
        }
        return bool
    }

    func string(_ key: String) throws(KeaConfigError) -> String? {
        guard let node = value(key) else { return nil }
        guard case .string(let string) = node.value else {
            throw error(node.position, "syntax error, \(KeaMap.unexpected(node)), expecting constant string")
        }
        return string
    }

    func list(_ key: String) throws(KeaConfigError) -> [JSONNode]? {
        guard let node = value(key) else { return nil }
        guard let elements = node.elements else {
            throw error(node.position, "syntax error, \(KeaMap.unexpected(node)), expecting [")
        }
        return elements
    }

    func strings(_ key: String) throws(KeaConfigError) -> [String]? {
        guard let elements = try list(key) else { return nil }
        var strings: [String] = []
        for element in elements {
            guard case .string(let string) = element.value else {
                throw error(element.position, "syntax error, \(KeaMap.unexpected(element)), expecting constant string")
            }
            strings.append(string)
        }
        return strings
    }

    /// `user-context`: any map, kept as plain JSON.
    func userContext() throws(KeaConfigError) -> JSONValue? {
        guard let node = value("user-context") else { return nil }
        guard node.members != nil else {
            throw error(node.position, "syntax error, \(KeaMap.unexpected(node)), expecting {")
        }
        return node.plainValue
    }

    /// A string member that must be present: Kea's `missing parameter 'subnet' (F:L:C) [subnet4 map …]`.
    func requiredString(_ key: String) throws(KeaConfigError) -> String {
        guard let string = try string(key) else { throw missing(key) }
        return string
    }

    func missing(_ key: String) -> KeaConfigError {
        error(position, "missing parameter '\(key)' in \(name) map")
    }

    /// Kea's grammar requires at least one parameter in most maps: `syntax error, unexpected }`.
    func requireNotEmpty() throws(KeaConfigError) {
        guard members.isEmpty else { return }
        throw error(position, "syntax error, unexpected }, expecting a parameter of the \(name) map")
    }
}
