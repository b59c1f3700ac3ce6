/// One row of a section's key table: the YAML name, the key paths below it (for a section), and how its
/// value lands in the Swift struct. The same rows drive decoding and `Settings.knownKeyPaths`.
///
/// ```swift
/// .value("port", \.port) { value throws(SettingsError) in try value.integer(from: 0, to: 65_535) },
/// .section("api", \.api),
/// ```
struct SettingsKey<Section> {
    let name: String
    let subkeyPaths: [String]
    let decode: (inout Section, SettingsValue) throws(SettingsError) -> Void

    /// A key holding one value, read by `read`.
    static func value<Value>(
        _ name: String,
        _ property: WritableKeyPath<Section, Value>,
        _ read: @escaping (SettingsValue) throws(SettingsError) -> Value
    ) -> SettingsKey {
        SettingsKey(name: name, subkeyPaths: []) { section, value throws(SettingsError) in
            // `port:` with no value (or `~`) keeps the default, as if the line were absent: commenting out
            // a value must not turn a working file into an error.
            if value.isNull { return }
            section[keyPath: property] = try read(value)
        }
    }

    /// A key holding a nested section with its own table.
    static func section<Nested: SettingsSection>(
        _ name: String,
        _ property: WritableKeyPath<Section, Nested>
    ) -> SettingsKey {
        SettingsKey(name: name, subkeyPaths: Nested.keyPaths) { section, value throws(SettingsError) in
            section[keyPath: property] = try Nested.decode(value)
        }
    }
}
