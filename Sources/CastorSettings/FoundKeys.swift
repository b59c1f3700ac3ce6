/// The keys one mapping actually set, and where: for duplicate detection and for cross-key checks that
/// must point at a line the user wrote.
struct FoundKeys {
    private var entries: [String: (key: SettingsValue, value: SettingsValue)] = [:]

    mutating func record(_ name: String, key: SettingsValue, value: SettingsValue) {
        entries[name] = (key, value)
    }

    /// Where the key `name` was written, if it was.
    func keyPosition(of name: String) -> SettingsDocument.Position? {
        entries[name].map { $0.key.position }
    }

    /// The value of whichever of the two keys comes later in the file, or of the only one present.
    func later(of first: String, _ second: String) -> SettingsValue? {
        switch (entries[first], entries[second]) {
        case (nil, nil): return nil
        case (let one?, nil), (nil, let one?): return one.value
        case (let a?, let b?):
            let (pa, pb) = (a.key.position, b.key.position)
            return (pa.line, pa.column) > (pb.line, pb.column) ? a.value : b.value
        }
    }
}
