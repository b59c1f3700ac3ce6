/// Why a text is not JSON, and where: `line 3, column 14: expected ',' or '}' after an object member`.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var reason: String

    public init(line: Int, column: Int, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// Where the error is, as a ``JSONPosition``.
    public var position: JSONPosition { JSONPosition(line: line, column: column) }

    public var description: String { "line \(line), column \(column): \(reason)" }
}
