import Crypto
import Foundation

/// API bearer tokens: `cst_` and 32 random bytes in base64url without padding (43 characters). The store
/// keeps only their SHA-256, so a copy of the database gives no usable token.
///
/// ```swift
/// let token = BearerToken.generate()     // "cst_q3v…"
/// BearerToken.digest(token)              // 64 hex digits, the `api_token` primary key
/// ```
enum BearerToken {
    static let prefix = "cst_"

    static func generate() -> String {
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &rng) }
        let base64url = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return prefix + base64url
    }

    /// The SHA-256 of the token's UTF-8 bytes, in lower-case hex.
    static func digest(_ token: String) -> String {
        SHA256.hash(data: Array(token.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Whether the text has a token's shape (checked before hashing anything a client sends).
    static func isWellFormed(_ token: String) -> Bool {
        token.hasPrefix(prefix) && token.utf8.count == prefix.utf8.count + 43
            && token.dropFirst(prefix.count).allSatisfy {
                $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_")
            }
    }
}
