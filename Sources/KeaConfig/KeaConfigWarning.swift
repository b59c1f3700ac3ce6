/// Something the loader accepted but an administrator should hear about: Kea's "Extraneous comma", a key
/// Castor reads but ignores (`hooks-libraries`), text after an unescaped comma in a string option.
public struct KeaConfigWarning: Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `kea-dhcp4.conf:1:33: Extraneous comma. A piece of configuration may have been omitted.`
    public var description: String { "\(file):\(line):\(column): \(message)" }
}
