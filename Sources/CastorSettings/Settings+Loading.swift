extension Settings {
    /// Reads and parses a settings file. An unreadable file is a `SettingsError` at line 0 with the
    /// operating system's reason.
    public static func load(path: String) throws(SettingsError) -> Settings {
        let text = try SettingsFile.contents(ofPath: path)
        return try parse(yaml: text, file: path)
    }

    /// Parses settings from YAML text; `file` only names the source in errors. An empty document, or one
    /// of comments only, gives the defaults; so does every key left out.
    public static func parse(yaml: String, file: String) throws(SettingsError) -> Settings {
        try decode(yaml: yaml, file: file).settings
    }

    /// Parses, and also says which key paths the text set — how the tests prove the example file shows
    /// every key the decoder knows.
    static func decode(yaml: String, file: String) throws(SettingsError) -> (
        settings: Settings, presentKeyPaths: [String]
    ) {
        let document = try SettingsDocument(yaml: yaml, file: file)
        guard let root = document.root else { return (Settings(), []) }
        let decoder = SettingsDecoder(file: file, originalKeys: document.originalKeys)
        let settings = try Settings.decode(SettingsValue(node: root, path: "", decoder: decoder))
        return (settings, decoder.presentKeyPaths)
    }
}
