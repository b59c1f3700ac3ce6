/// One `auth-param` of a challenge or credentials that this module does not interpret (RFC 7235 §2.1:
/// `token BWS "=" BWS ( token / quoted-string )`), kept so that it survives a parse and a re-serialisation.
///
/// ```
/// Digest username="alice", …, charset=UTF-8, x-note="a \"b\""
///                             ^^^^^^^^^^^^^  ^^^^^^^^^^^^^^^^^
/// AuthParameter(name: "charset", value: "UTF-8", isQuoted: false)
/// AuthParameter(name: "x-note", value: "a \"b\"", isQuoted: true)   // value unescaped
/// ```
public struct AuthParameter: Sendable, Hashable {
    /// The name, lowercased (parameter names are case-insensitive, RFC 7235 §2.1).
    public var name: String
    /// The value, with quoted-string escapes removed.
    public var value: String
    /// Whether the value was a quoted-string (and will be written as one).
    public var isQuoted: Bool

    public init(name: String, value: String, isQuoted: Bool) {
        self.name = name
        self.value = value
        self.isQuoted = isQuoted
    }
}
