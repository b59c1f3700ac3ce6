/// Where a JSON element starts in its text: 1-based line and column.
///
/// Columns count characters (Unicode scalars), not bytes, so a message points at the right place in an
/// editor. Kea's bison locations count bytes; the two agree on the ASCII text configuration files are made of.
public struct JSONPosition: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `3:14`
    public var description: String { "\(line):\(column)" }

    public static func < (lhs: JSONPosition, rhs: JSONPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
