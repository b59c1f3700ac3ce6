/// The Digest credentials of an `Authorization` or `Proxy-Authorization` header (RFC 7616 §3.4, RFC 3261
/// §22.4 and §25.1 `digest-response`):
///
/// ```
/// Authorization: Digest username="alice", realm="castor", nonce="AAAA…", uri="sip:castor.lab",
///     response="6629fae49393a05397450978507c4ef1", algorithm=MD5, cnonce="0a4f113b", qop=auth, nc=00000001,
///     opaque="5ccc069c403ebaf9f0171e9517f40e41"
/// ```
///
/// ```swift
/// let credentials = try DigestCredentials(parsing: value)   // throws DigestParseError, never traps
/// credentials.username                                      // "alice"
/// credentials.nonceCount                                     // 1
/// ```
///
/// Parsing is lenient where SIP phones differ (either quoting for any value, any parameter order, any case of
/// names, empty list elements) and strict where a mistake would weaken the check: a duplicate parameter, a
/// missing `username`, `realm`, `nonce`, `uri` or `response`, `qop` without `cnonce` and `nc` (RFC 7616 §3.4),
/// a `-sess` algorithm without `cnonce`, an `nc` that is not 8 hex digits, or a `response` that is not hex of
/// the algorithm's length are all errors. `username*` (RFC 7616 §3.4.4's extended notation) is kept as an
/// unknown parameter; it is not a substitute for `username`.
public struct DigestCredentials: Sendable, Hashable {
    public var username: String
    public var realm: String
    public var nonce: String
    /// The `uri` parameter (the Request-URI as the client saw it, RFC 3261 §22.4).
    public var uri: String
    /// The response digest, lowercased.
    public var response: String
    /// `MD5` when the parameter is absent (RFC 7616 §3.3).
    public var algorithm: DigestAlgorithm
    public var cnonce: String?
    public var opaque: String?
    /// `auth`, as the client spelled it (its spelling is hashed), or nil for an RFC 2069-style response.
    public var qop: String?
    /// Whether `username` is H(username:realm) (RFC 7616 §3.4.4).
    public var userhash: Bool
    /// Parameters this type does not interpret, in order, names lowercased.
    public var otherParameters: [AuthParameter]
    /// `nc` exactly as sent (the response hashes this text, so a client's uppercase hex still verifies).
    private(set) var nonceCountText: String?

    /// The `nc` parameter: how many requests the client has sent with this nonce (RFC 7616 §3.4).
    public var nonceCount: UInt32? {
        get { nonceCountText.flatMap { UInt32($0, radix: 16) } }
        set { nonceCountText = newValue.map(Digest.nonceCountText) }
    }

    public init(
        username: String, realm: String, nonce: String, uri: String, response: String,
        algorithm: DigestAlgorithm = .md5, cnonce: String? = nil, opaque: String? = nil, qop: String? = nil,
        nonceCount: UInt32? = nil, userhash: Bool = false, otherParameters: [AuthParameter] = []
    ) {
        self.username = username
        self.realm = realm
        self.nonce = nonce
        self.uri = uri
        self.response = response
        self.algorithm = algorithm
        self.cnonce = cnonce
        self.opaque = opaque
        self.qop = qop
        self.nonceCountText = nonceCount.map(Digest.nonceCountText)
        self.userhash = userhash
        self.otherParameters = otherParameters
    }

    /// Parses a header value such as `Digest username="alice", …` (the scheme is case-insensitive).
    public init(parsing headerValue: String) throws(DigestParseError) {
        var fields = Fields()
        try AuthHeaderScanner.scan(headerValue, scheme: "Digest") { (name, value, isQuoted) throws(DigestParseError) in
            try fields.take(name, value, isQuoted: isQuoted)
        }
        func required(_ value: String?, _ name: String) throws(DigestParseError) -> String {
            guard let value else { throw .missingParameter(name) }
            return value
        }
        username = try required(fields.username, "username")
        realm = try required(fields.realm, "realm")
        nonce = try required(fields.nonce, "nonce")
        uri = try required(fields.uri, "uri")
        let response = try required(fields.response, "response")
        algorithm = .md5
        if let name = fields.algorithm { algorithm = try DigestAlgorithm(parsing: name) }
        guard Hex.isHex(response, count: algorithm.hexLength) else { throw .invalidValue(parameter: "response") }
        self.response = Hex.lowercased(response)
        cnonce = fields.cnonce
        opaque = fields.opaque
        qop = fields.qop
        nonceCountText = fields.nc
        otherParameters = fields.others
        if let nc = nonceCountText, !Hex.isHex(nc, count: 8) { throw .invalidValue(parameter: "nc") }
        if let qop {
            guard DigestAlgorithm.equalIgnoringASCIICase(qop, "auth") else { throw .unsupportedQop(qop) }
            guard cnonce != nil else { throw .missingParameter("cnonce") }
            guard nonceCountText != nil else { throw .missingParameter("nc") }
        }
        if algorithm.isSession, cnonce == nil { throw .missingParameter("cnonce") }
        switch fields.userhash {
        case nil: userhash = false
        case let flag? where DigestAlgorithm.equalIgnoringASCIICase(flag, "false"): userhash = false
        case let flag? where DigestAlgorithm.equalIgnoringASCIICase(flag, "true"): userhash = true
        default: throw .invalidValue(parameter: "userhash")
        }
    }

    /// The header value, e.g. for a UAC or a test: quoted strings where RFC 7616 §3.4 quotes, tokens elsewhere.
    public var headerValue: String {
        var writer = AuthHeaderWriter(scheme: "Digest")
        writer.quoted("username", username)
        writer.quoted("realm", realm)
        writer.quoted("nonce", nonce)
        writer.quoted("uri", uri)
        writer.quoted("response", response)
        writer.token("algorithm", algorithm.rawValue)
        if let cnonce { writer.quoted("cnonce", cnonce) }
        if let opaque { writer.quoted("opaque", opaque) }
        if let qop { writer.token("qop", qop) }
        if let nonceCountText { writer.token("nc", nonceCountText) }
        if userhash { writer.token("userhash", "true") }
        for parameter in otherParameters { writer.parameter(parameter) }
        return writer.text
    }

    /// The parameters as found, before validation; each may be set once.
    private struct Fields {
        var username, realm, nonce, uri, response, algorithm, cnonce, opaque, qop, nc, userhash: String?
        var others: [AuthParameter] = []

        /// Takes one parameter. The names this type interprets are matched on the bytes as sent (a switch on
        /// the length, then one comparison), so only an unknown name becomes a string.
        mutating func take(_ name: AuthParameterName, _ value: String, isQuoted: Bool) throws(DigestParseError) {
            switch name.count {
            case 2 where name.equals("nc"): return try Self.set(&nc, "nc", value)
            case 3 where name.equals("uri"): return try Self.set(&uri, "uri", value)
            case 3 where name.equals("qop"): return try Self.set(&qop, "qop", value)
            case 5 where name.equals("realm"): return try Self.set(&realm, "realm", value)
            case 5 where name.equals("nonce"): return try Self.set(&nonce, "nonce", value)
            case 6 where name.equals("cnonce"): return try Self.set(&cnonce, "cnonce", value)
            case 6 where name.equals("opaque"): return try Self.set(&opaque, "opaque", value)
            case 8 where name.equals("username"): return try Self.set(&username, "username", value)
            case 8 where name.equals("response"): return try Self.set(&response, "response", value)
            case 8 where name.equals("userhash"): return try Self.set(&userhash, "userhash", value)
            case 9 where name.equals("algorithm"): return try Self.set(&algorithm, "algorithm", value)
            default: break
            }
            let lowercased = name.lowercased
            guard !others.contains(where: { $0.name == lowercased }) else { throw .duplicateParameter(lowercased) }
            others.append(AuthParameter(name: lowercased, value: value, isQuoted: isQuoted))
        }

        private static func set(_ field: inout String?, _ name: String, _ value: String) throws(DigestParseError) {
            guard field == nil else { throw .duplicateParameter(name) }
            field = value
        }
    }
}
