/// Why a `WWW-Authenticate`, `Proxy-Authenticate`, `Authorization` or `Proxy-Authorization` value is not a
/// usable Digest challenge or credentials (RFC 7616 §3.3–§3.4, RFC 3261 §25.1 `challenge` and `credentials`).
///
/// A registrar answers every case with a fresh 401 challenge (or 400 for `.syntax`, at its choice); the
/// description is meant for a log line, and never echoes more than a short prefix of what the peer sent.
public enum DigestParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The scheme is not `Digest` (e.g. `Basic`), or there is no scheme at all.
    case notDigest(scheme: String)
    /// The value breaks the `auth-param` grammar at this byte offset; `expected` says what should be there.
    case syntax(offset: Int, expected: String)
    /// The same parameter appears twice (RFC 7235 §2.1: each parameter name only once per challenge).
    case duplicateParameter(String)
    /// A parameter the RFC makes mandatory is absent.
    case missingParameter(String)
    /// A parameter is present but its value is not what its grammar allows (e.g. `nc=12`, `response="xyz"`).
    case invalidValue(parameter: String)
    /// An `algorithm` other than MD5, MD5-sess, SHA-256 and SHA-256-sess.
    case unsupportedAlgorithm(String)
    /// A `qop` other than `auth` (in particular `auth-int`, which needs the body and is not supported).
    case unsupportedQop(String)

    public var description: String {
        switch self {
        case .notDigest(let scheme):
            "authentication scheme \"\(Self.excerpt(scheme))\" is not Digest (RFC 7616 §3.3): send Digest credentials"
        case .syntax(let offset, let expected):
            "malformed Digest parameters at byte \(offset): expected \(expected) (RFC 7235 §2.1 auth-param)"
        case .duplicateParameter(let name):
            "Digest parameter \"\(Self.excerpt(name))\" appears more than once: send each parameter once"
        case .missingParameter(let name):
            "Digest parameter \"\(name)\" is missing (RFC 7616 §3.4): add it"
        case .invalidValue(let name):
            "Digest parameter \"\(Self.excerpt(name))\" has a malformed value (RFC 7616 §3.4)"
        case .unsupportedAlgorithm(let name):
            "Digest algorithm \"\(Self.excerpt(name))\" is not supported: use MD5, MD5-sess, SHA-256 or SHA-256-sess"
        case .unsupportedQop(let qop):
            "Digest qop \"\(Self.excerpt(qop))\" is not supported: use qop=auth (auth-int is not offered)"
        }
    }

    /// At most 32 characters of peer-supplied text, so a log line stays a line.
    private static func excerpt(_ text: String) -> String {
        let printable = text.unicodeScalars.prefix(32).map { $0.value < 0x20 || $0.value == 0x7F ? "?" : Character($0) }
        return String(printable) + (text.unicodeScalars.count > 32 ? "…" : "")
    }
}
