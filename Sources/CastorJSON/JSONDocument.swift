/// A parsed JSON text with every position kept, and the warnings a lenient parse recorded.
///
/// ```swift
/// let document = try JSONDocument(parsing: Array(text.utf8), options: .kea)
/// for warning in document.warnings { print(warning) }   // line 4, column 20: Extraneous comma…
/// ```
public struct JSONDocument: Equatable, Sendable {
    public var root: JSONNode
    public var warnings: [JSONWarning]

    public init(root: JSONNode, warnings: [JSONWarning] = []) {
        self.root = root
        self.warnings = warnings
    }

    /// Parses a complete document, throwing the line and column of the first error.
    public init(parsing bytes: [UInt8], options: JSONParseOptions = .strict) throws(JSONSyntaxError) {
        var parser = JSONParser(bytes: bytes, options: options)
        root = try parser.parseDocument()
        warnings = parser.warnings
    }
}
