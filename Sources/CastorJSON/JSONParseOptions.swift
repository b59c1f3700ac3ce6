/// What a parse accepts beyond RFC 8259.
///
/// The admin API parses request bodies ``strict``; a Kea configuration file is parsed ``kea``, which accepts
/// what Kea 2.2's lexer and grammar accept (`src/bin/dhcp4/dhcp4_lexer.ll`, `dhcp4_parser.yy`):
/// `//`, `#` and `/* */` comments, and a stray comma before `}` or `]`, which Kea only warns about
/// ("Extraneous comma. A piece of configuration may have been omitted.").
///
/// ```swift
/// let document = try JSONDocument(parsing: Array(text.utf8), options: .kea)
/// ```
public struct JSONParseOptions: Sendable, Equatable {
    /// What to do when an object names the same member twice.
    public enum DuplicateKeys: Sendable, Equatable {
        /// A syntax error at the second occurrence (`duplicate member "a"`).
        case reject
        /// Keep every occurrence in file order; the caller reports them (Kea says `duplicate X entries`).
        case keep
    }

    /// Accept `// …`, `# …` (to end of line) and `/* … */` wherever white space may appear.
    public var allowsComments: Bool
    /// Accept one comma before a closing `}` or `]`, recording a ``JSONWarning`` at the comma.
    public var allowsTrailingCommas: Bool
    public var duplicateKeys: DuplicateKeys
    /// Deeper nesting is a syntax error, so a hostile body cannot exhaust the stack.
    public var maximumDepth: Int

    public init(
        allowsComments: Bool = false, allowsTrailingCommas: Bool = false, duplicateKeys: DuplicateKeys = .reject,
        maximumDepth: Int = 64
    ) {
        self.allowsComments = allowsComments
        self.allowsTrailingCommas = allowsTrailingCommas
        self.duplicateKeys = duplicateKeys
        self.maximumDepth = maximumDepth
    }

    /// RFC 8259 and nothing more; duplicate members are an error. What the admin API uses.
    public static let strict = JSONParseOptions()

    /// What Kea 2.2 accepts: comments, a stray comma (warned), duplicate keys kept for the caller to report.
    public static let kea = JSONParseOptions(allowsComments: true, allowsTrailingCommas: true, duplicateKeys: .keep)
}
