import Yams

/// The YAML tree of a settings file, with Yams' errors turned into `SettingsError`s.
///
/// Duplicate keys need care. Yams 6 refuses a mapping with a repeated key (`YamlError.duplicatedKeysInMapping`)
/// but reports the *first* occurrence and no key path, where the user needs the second one and
/// `api.port`. So on that error we rename the first occurrence in the text — one Unicode scalar replaced
/// by a private-use one, which keeps every line and column where it was — and compose again, until Yams
/// accepts the text. `originalKeys` remembers each renamed key by position, so the decoder reads the
/// original name back, meets the repeat itself while walking the mapping in order, and reports it at the
/// second occurrence with its full path.
struct SettingsDocument {
    /// A 1-based line and column, as libyaml counts them (columns in Unicode scalars).
    struct Position: Hashable {
        var line: Int
        var column: Int

        init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }

        init(_ mark: Mark) {
            self.init(line: mark.line, column: mark.column)
        }
    }

    /// The document's root node; nil for an empty stream (nothing but comments and blank lines).
    var root: Node?
    /// The real names of keys renamed to get past Yams' duplicate check, by the key's position.
    var originalKeys: [Position: String] = [:]

    init(yaml: String, file: String) throws(SettingsError) {
        var text = yaml
        // Each round renames one key, and the private-use area holds 6400 distinct scalars; no real file
        // comes near either bound.
        for round in 0..<Self.maximumRenames {
            do {
                root = try Yams.compose(yaml: text)
                return
            } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
                let position = Position(context.mark)
                // Yams sorts the duplicated keys and points at the first occurrence of the first of them.
                let name = duplicates.sorted().first ?? ""
                guard originalKeys[position] == nil,
                    let renamed = Self.renamingKey(name, at: position, in: text, round: round)
                else {
                    throw Self.duplicateWithoutPath(name, at: position, file: file)
                }
                originalKeys[position] = name
                text = renamed
            } catch {
                throw Self.settingsError(from: error, file: file)
            }
        }
        throw SettingsError(
            file: file, line: 0, column: 0, key: "", message: "too many duplicate keys to report them one by one")
    }

    private static let maximumRenames = 1000

    /// `text` with the key `name` that starts at `position` made unique, or nil when the text there is not
    /// that key spelled plainly or quoted (an alias, a tagged or complex key): then we report what Yams said.
    static func renamingKey(_ name: String, at position: Position, in text: String, round: Int) -> String? {
        guard let firstOfName = name.unicodeScalars.first,
            let replacement = Unicode.Scalar(0xE000 + UInt32(round))
        else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            Array($0.unicodeScalars)
        }
        guard position.line >= 1, position.line <= lines.count else { return nil }
        var line = lines[position.line - 1]
        var index = position.column - 1
        guard index >= 0, index < line.count else { return nil }
        if line[index] == "\"" || line[index] == "'" { index += 1 }
        guard index < line.count, line[index] == firstOfName else { return nil }
        line[index] = replacement
        lines[position.line - 1] = line
        var result = String.UnicodeScalarView()
        for (number, scalars) in lines.enumerated() {
            if number > 0 { result.append("\n") }
            result.append(contentsOf: scalars)
        }
        return String(result)
    }

    private static func duplicateWithoutPath(_ name: String, at position: Position, file: String) -> SettingsError {
        SettingsError(
            file: file, line: position.line, column: position.column, key: "",
            message: "duplicate key \"\(name)\": keys must be unique within a mapping")
    }

    /// Maps libyaml's scanner, parser and composer errors to their 1-based marks; reader errors (a control
    /// character, bad encoding) come with a character offset instead.
    static func settingsError(from error: any Error, file: String) -> SettingsError {
        guard let yamlError = error as? YamlError else {
            return SettingsError(file: file, line: 0, column: 0, key: "", message: "\(error)")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var message = problem
            if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return SettingsError(file: file, line: mark.line, column: mark.column, key: "", message: message)
        case .reader(let problem, let offset, _, let yaml):
            let position = offset.map { Self.position(ofCharacter: $0, in: yaml) } ?? Position(line: 0, column: 0)
            return SettingsError(
                file: file, line: position.line, column: position.column, key: "", message: problem)
        default:
            return SettingsError(file: file, line: 0, column: 0, key: "", message: "\(yamlError)")
        }
    }

    /// The line and column of the character at `offset` (Yams measures reader offsets in Characters).
    static func position(ofCharacter offset: Int, in text: String) -> Position {
        var position = Position(line: 1, column: 1)
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" {
                position.line += 1
                position.column = 1
            } else {
                position.column += character.unicodeScalars.count
            }
        }
        return position
    }
}
