import Yams

/// A mapping of castor.yaml decoded through a table of keys: the top level, `api:`, `supervisor:`, and
/// each section a future daemon adds (`dhcp:`, `provd:`, `pbx:`). A new section is one file: a struct
/// with defaults in its `init`, a `keys` table, and a `.section(...)` line in its parent's table.
protocol SettingsSection {
    /// The defaults: what a missing key, or a missing section, means. (A requirement of its own because
    /// an `init` whose arguments all have defaults does not satisfy a protocol's `init()`.)
    static var defaults: Self { get }
    /// The keys this section accepts, in the order the example file lists them.
    static var keys: [SettingsKey<Self>] { get }
    /// Checks between keys, after all of them are read. `found` says where each key present was written.
    func validate(_ found: FoundKeys) throws(SettingsError)
}

extension SettingsSection {
    func validate(_ found: FoundKeys) throws(SettingsError) {}

    /// Dotted key paths relative to this section, sections before their keys.
    static var keyPaths: [String] {
        keys.flatMap { key in [key.name] + key.subkeyPaths.map { key.name + "." + $0 } }
    }

    /// Decodes a mapping key by key; a null value (`api:` with nothing under it) is the defaults.
    static func decode(_ value: SettingsValue) throws(SettingsError) -> Self {
        if value.isNull { return defaults }
        guard case .mapping(let mapping) = value.node else {
            let expected = value.path.isEmpty ? "a mapping of settings at the top level" : "a mapping"
            throw value.error("expected \(expected), got \(value.shown)")
        }
        let table = keys
        let place = value.path.isEmpty ? "" : " in \(value.path)"
        var section = defaults
        var found = FoundKeys()
        for (keyNode, valueNode) in mapping {
            let name = try value.keyName(keyNode)
            let keyPath = value.path.isEmpty ? name : value.path + "." + name
            let key = SettingsValue(node: keyNode, path: keyPath, decoder: value.decoder)
            if let first = found.keyPosition(of: name) {
                throw key.error(
                    "duplicate key \"\(name)\"\(place) (first at line \(first.line), column \(first.column))")
            }
            guard let entry = table.first(where: { $0.name == name }) else {
                let hint = KeySuggestion.hint(for: name, among: table.map(\.name))
                throw key.error("unknown key \"\(name)\"\(place) \(hint)")
            }
            let child = SettingsValue(node: valueNode, path: keyPath, decoder: value.decoder)
            found.record(name, key: key, value: child)
            value.decoder.presentKeyPaths.append(keyPath)
            try entry.decode(&section, child)
        }
        try section.validate(found)
        return section
    }
}
