/// The body of an RRQ or WRQ (RFC 1350 §5, options per RFC 2347 §2).
///
/// ```
///  2 bytes     string    1 byte     string   1 byte   string  1 byte   string  1 byte
/// +--------+-----------+--------+----------+--------+--------+--------+--------+--------+
/// | 01/02  |  Filename |   0    |   Mode   |   0    |  opt1  |   0    | value1 |   0    | …
/// +--------+-----------+--------+----------+--------+--------+--------+--------+--------+
/// ```
public struct TFTPRequest: Hashable, Sendable {
    /// The requested file name as sent (UTF-8; RFC 1350 says netascii). Not yet checked: see ``TFTPPathPolicy``.
    public var filename: String
    public var mode: TFTPMode
    /// Options in the client's order, names as the client spelt them. Duplicates are kept; negotiation uses
    /// the first of each name.
    public var options: [TFTPOption]

    public init(filename: String, mode: TFTPMode, options: [TFTPOption] = []) {
        self.filename = filename
        self.mode = mode
        self.options = options
    }

    /// The value of the first option called `name` (ASCII-case-insensitive), or `nil`.
    public func option(named name: String) -> String? {
        options.first { $0.isNamed(name) }?.value
    }
}
