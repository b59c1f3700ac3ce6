/// Why a Kea configuration was refused, always with where: `kea-dhcp4.conf:14:9: got unexpected keyword …`.
///
/// Messages keep Kea 2.2's wording (checked with `kea-dhcp4 -t`, Debian 12's 2.2.0-6) so an administrator
/// can search for them, but unlike Kea every one carries the file, line and column of the offending element;
/// Kea gives positions only for grammar errors and names the enclosing map for semantic ones.
public struct KeaConfigError: Error, Equatable, Sendable, CustomStringConvertible {
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

    /// `kea-dhcp4.conf:3:5: duplicate valid-lifetime entries in Dhcp4 map (previous at kea-dhcp4.conf:2:23)`
    public var description: String { "\(file):\(line):\(column): \(message)" }
}
