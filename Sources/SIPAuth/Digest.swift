import Crypto

/// The Digest computations of RFC 7616 §3.4.1–§3.4.2 (RFC 3261 §22.4 for SIP, RFC 8760 for SHA-256),
/// split so that a registrar computes H(A1) once per line and algorithm and only the cheap part per request:
///
/// ```
/// HA1      = H(username ":" realm ":" password)                      // ha1(…), stored per line
/// HA1-sess = H(HA1 ":" nonce ":" cnonce)                              // sessionHA1(…), for -sess
/// HA2      = H(method ":" digest-uri)
/// response = H(HA1 ":" nonce ":" nc ":" cnonce ":" qop ":" HA2)      // qop=auth
///          = H(HA1 ":" nonce ":" HA2)                                 // no qop (RFC 2069)
/// ```
///
/// ```swift
/// let ha1 = Digest.ha1(username: "alice", realm: "castor", password: secret, algorithm: .md5)
/// let credentials = try DigestCredentials(parsing: authorizationValue)
/// Digest.verify(credentials, method: "REGISTER", ha1: ha1)   // Bool, compared in constant time
/// ```
///
/// Every H is one hash of its parts joined in a stack buffer (no string is built) and hex-encoded by table.
/// `qop=auth-int` is not supported (it needs H(body)): the parser refuses it and `verify` returns false.
public enum Digest {
    /// H(username:realm:password) as lowercase hex (RFC 7616 §3.4.2). For `-sess` algorithms this is the
    /// stored part; `response` and `verify` derive the session HA1 from it with the request's nonce and cnonce.
    public static func ha1(username: String, realm: String, password: String, algorithm: DigestAlgorithm) -> String {
        hexDigest(algorithm, username, realm, password)
    }

    /// H(HA1:nonce:cnonce), the A1 hash of a `-sess` algorithm (RFC 7616 §3.4.2).
    public static func sessionHA1(ha1: String, nonce: String, cnonce: String, algorithm: DigestAlgorithm) -> String {
        hexDigest(algorithm, ha1, nonce, cnonce)
    }

    /// H(username:realm), what a client sends as `username` with `userhash=true` (RFC 7616 §3.4.4). A registrar
    /// that offers userhash precomputes it per line to find the line from the hashed name.
    public static func userhash(username: String, realm: String, algorithm: DigestAlgorithm) -> String {
        hexDigest(algorithm, username, realm)
    }

    /// The `response` value (RFC 7616 §3.4.1) as lowercase hex. `ha1` is `ha1(…)`'s value (for a `-sess`
    /// algorithm too: the session HA1 is derived here). With `qop` ("auth") the nonce count is written as
    /// 8 lowercase hex digits; without `qop`, `nonceCount` and `cnonce` are unused unless the algorithm is `-sess`.
    public static func response(
        ha1: String, method: String, uri: String, nonce: String, nonceCount: UInt32?, cnonce: String?, qop: String?,
        algorithm: DigestAlgorithm
    ) -> String {
        response(
            ha1: ha1, method: method, uri: uri, nonce: nonce, nonceCountText: nonceCount.map(nonceCountText),
            cnonce: cnonce, qop: qop, algorithm: algorithm)
    }

    /// Whether `credentials.response` is the response `ha1` gives for this request, compared in constant time.
    /// `ha1` is `ha1(…)`'s lowercase hex for `credentials.algorithm` (the same for its `-sess` variant).
    ///
    /// This checks the hash only. The caller also checks (RFC 3261 §22.4, RFC 7616 §3.4.6): the realm is its
    /// own, the nonce is genuine and fresh (`NonceAuthority.check`), the nonce count is new (`NonceCountWindow`),
    /// the `uri` matches the Request-URI, and — with `userhash` — that `ha1` belongs to the hashed user.
    public static func verify(_ credentials: DigestCredentials, method: String, ha1: String) -> Bool {
        if let qop = credentials.qop, !DigestAlgorithm.equalIgnoringASCIICase(qop, "auth") { return false }
        if credentials.qop != nil, credentials.cnonce == nil || credentials.nonceCountText == nil { return false }
        if credentials.algorithm.isSession, credentials.cnonce == nil { return false }
        let expected = response(
            ha1: ha1, method: method, uri: credentials.uri, nonce: credentials.nonce,
            nonceCountText: credentials.nonceCountText, cnonce: credentials.cnonce, qop: credentials.qop,
            algorithm: credentials.algorithm)
        return ConstantTime.equal(expected, Hex.lowercased(credentials.response))
    }

    /// `nc` as RFC 7616 §3.4 writes it: exactly 8 lowercase hex digits.
    public static func nonceCountText(_ nonceCount: UInt32) -> String {
        withUnsafeBytes(of: nonceCount.bigEndian) { Hex.encode($0) }
    }

    static func response(
        ha1: String, method: String, uri: String, nonce: String, nonceCountText: String?, cnonce: String?,
        qop: String?, algorithm: DigestAlgorithm
    ) -> String {
        let a1 =
            algorithm.isSession ? sessionHA1(ha1: ha1, nonce: nonce, cnonce: cnonce ?? "", algorithm: algorithm) : ha1
        let ha2 = hexDigest(algorithm, method, uri)
        guard let qop else { return hexDigest(algorithm, a1, nonce, ha2) }
        return hexDigest(algorithm, a1, nonce, nonceCountText ?? "", cnonce ?? "", qop, ha2)
    }

    /// H(parts joined by ":") in lowercase hex, with the algorithm's hash function.
    static func hexDigest(_ algorithm: DigestAlgorithm, _ parts: String...) -> String {
        switch algorithm.base {
        case .md5, .md5Session: hexDigest(Insecure.MD5.self, parts)
        case .sha256, .sha256Session: hexDigest(SHA256.self, parts)
        }
    }

    private static func hexDigest<H: HashFunction>(_: H.Type, _ parts: [String]) -> String {
        // The joined input is copied into one stack buffer and hashed with one update: each update of a
        // swift-crypto hash costs far more than copying a few hundred bytes.
        var length = max(parts.count - 1, 0)
        for part in parts { length += part.utf8.count }
        guard length <= 1024 else { return hexDigestByParts(H.self, parts) }
        return withUnsafeTemporaryAllocation(byteCount: max(length, 1), alignment: 1) { buffer in
            var offset = 0
            for (position, part) in parts.enumerated() {
                if position > 0 {
                    buffer[offset] = UInt8(ascii: ":")
                    offset += 1
                }
                var part = part
                part.withUTF8 { utf8 in
                    UnsafeMutableRawBufferPointer(rebasing: buffer[offset..<offset + utf8.count]).copyMemory(
                        from: UnsafeRawBufferPointer(utf8))
                    offset += utf8.count
                }
            }
            var hasher = H()
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<length]))
            return hasher.finalize().withUnsafeBytes { Hex.encode($0) }
        }
    }

    private static func hexDigestByParts<H: HashFunction>(_: H.Type, _ parts: [String]) -> String {
        var hasher = H()
        let separator = UInt8(ascii: ":")
        for (position, part) in parts.enumerated() {
            if position > 0 { withUnsafeBytes(of: separator) { hasher.update(bufferPointer: $0) } }
            var part = part
            part.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        return hasher.finalize().withUnsafeBytes { Hex.encode($0) }
    }
}
