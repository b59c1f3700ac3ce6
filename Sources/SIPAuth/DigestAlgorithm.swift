/// The `algorithm` parameter of a Digest challenge or credentials (RFC 7616 §3.3, registered in §6.1; SIP's
/// use of SHA-256 in RFC 8760 §2). `-sess` variants hash the client nonce into A1 (RFC 7616 §3.4.2).
///
/// ```swift
/// try DigestAlgorithm(parsing: "sha-256-SESS")   // .sha256Session
/// DigestAlgorithm.md5.rawValue                     // "MD5"
/// ```
///
/// SHA-512-256 (RFC 7616 §6.1, RFC 8760) is not supported: no SIP phone in the lab offers it.
public enum DigestAlgorithm: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case md5 = "MD5"
    case md5Session = "MD5-sess"
    case sha256 = "SHA-256"
    case sha256Session = "SHA-256-sess"

    /// Parses an algorithm name, ignoring case (RFC 7616 §3.3: "MD5" and "md5" name the same algorithm).
    public init(parsing text: String) throws(DigestParseError) {
        for algorithm in Self.allCases where Self.equalIgnoringASCIICase(algorithm.rawValue, text) {
            self = algorithm
            return
        }
        throw .unsupportedAlgorithm(text)
    }

    /// Whether A1 includes the nonce and client nonce (RFC 7616 §3.4.2).
    public var isSession: Bool { self == .md5Session || self == .sha256Session }

    /// The variant without `-sess`: the one whose H(username:realm:password) both share.
    public var base: DigestAlgorithm { self == .md5Session ? .md5 : self == .sha256Session ? .sha256 : self }

    /// How many hex digits a digest of this algorithm has (32 for MD5, 64 for SHA-256).
    public var hexLength: Int { base == .md5 ? 32 : 64 }

    public var description: String { rawValue }

    static func equalIgnoringASCIICase(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a
        var b = b
        return a.withUTF8 { left in
            b.withUTF8 { right in
                for index in left.indices where asciiLowercase(left[index]) != asciiLowercase(right[index]) {
                    return false
                }
                return true
            }
        }
    }

    static func asciiLowercase(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }
}
