/// Why `castor.yaml` was refused, and where: `castor.yaml:3:9: api.port: expected an integer from 0 to
/// 65535, got "eighty"` — the file as it was named, the 1-based line and column (as libyaml and Kea count
/// them, columns in Unicode scalars), the dotted key path, and what is wrong.
///
/// `key` is empty when the error is not about one key (a YAML syntax error). `line` and `column` are 0
/// when the error is about the file as a whole (it cannot be read).
public struct SettingsError: Error, Equatable, CustomStringConvertible {
    /// The file name as the caller gave it, so the message points where the user looks.
    public var file: String
    /// 1-based line; 0 when the file could not be read.
    public var line: Int
    /// 1-based column in Unicode scalars; 0 when the file could not be read.
    public var column: Int
    /// The dotted key path (`api.port`, `supervisor.daemons[2]`); empty for syntax errors.
    public var key: String
    /// What is wrong, and where it helps, what would be accepted.
    public var message: String

    public init(file: String, line: Int, column: Int, key: String, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
    }

    /// `<file>:<line>:<col>: <key>: <message>`, or `<file>:<line>:<col>: <message>` when `key` is empty.
    public var description: String {
        let location = "\(file):\(line):\(column): "
        return key.isEmpty ? location + message : location + key + ": " + message
    }
}
