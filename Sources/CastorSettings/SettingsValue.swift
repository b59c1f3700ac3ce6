import CastorCore
import Yams

/// One YAML node being decoded, with its key path, and the readers the key tables use. Every reader
/// either returns a valid value or throws an error at this node saying what was expected and what was
/// found: `expected an integer from 0 to 65535, got "eighty"`.
struct SettingsValue {
    let node: Node
    /// Dotted path of the key this node is the value of (`api.port`, `supervisor.daemons[2]`).
    let path: String
    let decoder: SettingsDecoder

    /// Where the node starts; (0, 0) for a node without a mark, which Yams' parser never produces.
    var position: SettingsDocument.Position {
        node.mark.map(SettingsDocument.Position.init) ?? SettingsDocument.Position(line: 0, column: 0)
    }

    func error(_ message: String) -> SettingsError {
        SettingsError(file: decoder.file, line: position.line, column: position.column, key: path, message: message)
    }

    /// YAML's null: an empty plain value, `~` or `null`. A quoted `""` is an empty string, not null.
    var isNull: Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// The node as an error message shows what was found: numbers bare, text quoted, containers by kind.
    var shown: String {
        switch node {
        case .scalar(let scalar):
            if isNull { return "nothing" }
            let plain = scalar.style == .plain || scalar.style == .any
            if plain, Double(scalar.string) != nil { return scalar.string }
            return "\"" + scalar.string.replacingQuotesAndControls() + "\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// The name of a key of the mapping this value is; keys renamed past Yams' duplicate check get their
    /// real name back.
    func keyName(_ key: Node) throws(SettingsError) -> String {
        guard case .scalar(let scalar) = key else {
            let keyValue = SettingsValue(node: key, path: path, decoder: decoder)
            throw keyValue.error("expected a key name, got \(keyValue.shown)")
        }
        if let mark = scalar.mark, let original = decoder.originalKeys[SettingsDocument.Position(mark)] {
            return original
        }
        return scalar.string
    }

    // MARK: Readers

    /// Any scalar's text; YAML's `1234` is a fine user name.
    func string(expected: String = "a string") throws(SettingsError) -> String {
        guard case .scalar(let scalar) = node else { throw error("expected \(expected), got \(shown)") }
        return scalar.string
    }

    func nonEmptyString() throws(SettingsError) -> String {
        let text = try string(expected: "a non-empty string")
        guard !text.isEmpty else { throw error("expected a non-empty string, got \(shown)") }
        return text
    }

    /// Daemons change directory and run from systemd, so a relative path would mean something different
    /// to each of them; only absolute paths are accepted.
    func absolutePath(allowingEmpty: Bool = false) throws(SettingsError) -> String {
        let expected = allowingEmpty ? "an absolute path, or \"\" for the default" : "an absolute path"
        let text = try string(expected: expected)
        if text.isEmpty, allowingEmpty { return text }
        guard text.hasPrefix("/") else { throw error("expected \(expected), got \(shown)") }
        return text
    }

    /// YAML 1.1's spellings, as Yams resolves them: true/false, yes/no, on/off.
    func bool() throws(SettingsError) -> Bool {
        let text = try string(expected: "true or false")
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false, got \(shown)")
        }
    }

    /// A decimal integer in `minimum...maximum` (no upper bound when `maximum` is nil). YAML 1.1's octal
    /// and sexagesimal forms are refused on purpose: `port: 08080` should not quietly mean something else.
    func integer(from minimum: Int, to maximum: Int? = nil, unit: String? = nil) throws(SettingsError) -> Int {
        let kind = unit.map { "an integer number of \($0)" } ?? "an integer"
        let expected = maximum.map { "\(kind) from \(minimum) to \($0)" } ?? "\(kind) of at least \(minimum)"
        guard case .scalar(let scalar) = node, let number = Int(scalar.string),
            number >= minimum, maximum.map({ number <= $0 }) ?? true
        else { throw error("expected \(expected), got \(shown)") }
        return number
    }

    /// A finite number of seconds greater than `lowerBound` and at most `maximum`.
    func seconds(above lowerBound: Double, atMost maximum: Double? = nil) throws(SettingsError) -> Double {
        var expected = "a number of seconds greater than \(Self.format(lowerBound))"
        if let maximum { expected += " and at most \(Self.format(maximum))" }
        guard case .scalar(let scalar) = node, let number = Double(scalar.string), number.isFinite,
            number > lowerBound, maximum.map({ number <= $0 }) ?? true
        else { throw error("expected \(expected), got \(shown)") }
        return number
    }

    /// One of an enumeration's raw values, spelled exactly.
    func choice<Choice: CaseIterable & RawRepresentable>(_ type: Choice.Type) throws(SettingsError) -> Choice
    where Choice.RawValue == String {
        let name = try choice(of: Choice.allCases.map(\.rawValue))
        guard let value = Choice(rawValue: name) else { throw error("expected one of \(name)") }
        return value
    }

    func choice(of names: [String]) throws(SettingsError) -> String {
        let expected = "one of " + names.joined(separator: ", ")
        let text = try string(expected: expected)
        guard names.contains(text) else { throw error("expected \(expected), got \(shown)") }
        return text
    }

    /// A YAML list whose elements are read by `element` at paths `key[0]`, `key[1]`, …; an element written
    /// twice is refused at its second occurrence.
    func uniqueList<Element: Equatable>(
        of what: String,
        _ element: (SettingsValue) throws(SettingsError) -> Element
    ) throws(SettingsError) -> [Element] {
        guard case .sequence(let sequence) = node else { throw error("expected a list of \(what), got \(shown)") }
        var elements: [Element] = []
        var positions: [SettingsDocument.Position] = []
        for (index, node) in sequence.enumerated() {
            let item = SettingsValue(node: node, path: "\(path)[\(index)]", decoder: decoder)
            let value = try element(item)
            if let earlier = elements.firstIndex(of: value) {
                let first = positions[earlier]
                throw item.error(
                    "\(item.shown) is listed twice (first at line \(first.line), column \(first.column))")
            }
            elements.append(value)
            positions.append(item.position)
        }
        return elements
    }

    /// An IPv4 or IPv6 address or a host name; see `ListenAddress`.
    func listenAddress() throws(SettingsError) -> String {
        let expected = "an IPv4 or IPv6 address or a host name"
        let text = try string(expected: expected)
        guard ListenAddress.isValid(text) else { throw error("expected \(expected), got \(shown)") }
        return text
    }

    /// A dotted-quad IPv4 address.
    func ipv4Address() throws(SettingsError) -> String {
        let text = try string(expected: "an IPv4 address")
        guard IPv4Network.address(parsing: text) != nil else { throw error("expected an IPv4 address, got \(shown)") }
        return text
    }

    /// `10` rather than `10.0`, as the user would write it.
    static func format(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
        return String(number)
    }
}

extension String {
    /// The text with `"`, `\` and control characters escaped, so a quoted echo in a message is unambiguous.
    fileprivate func replacingQuotesAndControls() -> String {
        var result = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
