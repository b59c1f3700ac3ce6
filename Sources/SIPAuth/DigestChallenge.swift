/// A Digest challenge, as a `WWW-Authenticate` (401) or `Proxy-Authenticate` (407) value carries it
/// (RFC 7616 §3.3, RFC 3261 §22.4 and §25.1 `digest-cln`):
///
/// ```
/// WWW-Authenticate: Digest realm="castor", nonce="AAAAAAAAJxAAAAAAAAAAKv…", opaque="k3Jd…",
///     algorithm=MD5, qop="auth"
/// ```
///
/// ```swift
/// let challenge = DigestChallenge(realm: "castor", nonce: authority.issue(now: now, salt: salt),
///                                 opaque: authority.opaque, algorithm: .md5)
/// response.headers["WWW-Authenticate"] = challenge.headerValue
/// ```
///
/// RFC 8760 §2.4: a SIP server offering SHA-256 and MD5 sends one challenge per algorithm, preferred first.
/// `init(parsing:)` is the client's view (a future UAC, tests); an unknown algorithm is an error, so a client
/// skips that challenge and takes the next.
public struct DigestChallenge: Sendable, Hashable {
    public var realm: String
    public var nonce: String
    public var opaque: String?
    public var algorithm: DigestAlgorithm
    /// The qop-options offered, e.g. `["auth"]`; empty for an RFC 2069-style challenge.
    public var qop: [String]
    /// `stale=true`: the credentials were right but the nonce expired; retry with the new nonce without asking the
    /// user again (RFC 7616 §3.3).
    public var stale: Bool
    /// The protection space as a space-separated URI list (RFC 7616 §3.3); rarely used in SIP.
    public var domain: String?
    /// Whether the server accepts a hashed username (RFC 7616 §3.4.4).
    public var userhash: Bool
    /// Parameters this type does not interpret (e.g. `charset`), in order, names lowercased.
    public var otherParameters: [AuthParameter]

    public init(
        realm: String, nonce: String, opaque: String? = nil, algorithm: DigestAlgorithm = .md5,
        qop: [String] = ["auth"], stale: Bool = false, domain: String? = nil, userhash: Bool = false,
        otherParameters: [AuthParameter] = []
    ) {
        self.realm = realm
        self.nonce = nonce
        self.opaque = opaque
        self.algorithm = algorithm
        self.qop = qop
        self.stale = stale
        self.domain = domain
        self.userhash = userhash
        self.otherParameters = otherParameters
    }

    /// Parses `Digest realm="…", nonce="…", …`: `realm` and `nonce` are mandatory, `algorithm` defaults to MD5,
    /// `qop` is a quoted comma-separated list, `stale` is true only when it says `true` (any case).
    public init(parsing headerValue: String) throws(DigestParseError) {
        let parameters = try AuthHeaderScanner.scan(headerValue, scheme: "Digest")
        var seen: Set<String> = []
        var realm: String?
        var nonce: String?
        self.opaque = nil
        self.algorithm = .md5
        self.qop = []
        self.stale = false
        self.domain = nil
        self.userhash = false
        self.otherParameters = []
        for parameter in parameters {
            guard seen.insert(parameter.name).inserted else { throw .duplicateParameter(parameter.name) }
            switch parameter.name {
            case "realm": realm = parameter.value
            case "nonce": nonce = parameter.value
            case "opaque": opaque = parameter.value
            case "algorithm": algorithm = try DigestAlgorithm(parsing: parameter.value)
            case "qop": qop = try Self.qopOptions(parameter.value)
            case "stale": stale = DigestAlgorithm.equalIgnoringASCIICase(parameter.value, "true")
            case "domain": domain = parameter.value
            case "userhash": userhash = DigestAlgorithm.equalIgnoringASCIICase(parameter.value, "true")
            default: otherParameters.append(parameter)
            }
        }
        guard let realm else { throw .missingParameter("realm") }
        guard let nonce else { throw .missingParameter("nonce") }
        self.realm = realm
        self.nonce = nonce
    }

    /// `Digest realm="castor", nonce="…", opaque="…", algorithm=MD5, qop="auth"`: `stale=true` only when
    /// stale, `algorithm` a bare token and `qop` a quoted list (RFC 7616 §3.3).
    public var headerValue: String {
        var writer = AuthHeaderWriter(scheme: "Digest")
        writer.quoted("realm", realm)
        if let domain { writer.quoted("domain", domain) }
        writer.quoted("nonce", nonce)
        if let opaque { writer.quoted("opaque", opaque) }
        if stale { writer.token("stale", "true") }
        writer.token("algorithm", algorithm.rawValue)
        if !qop.isEmpty { writer.quoted("qop", qop.joined(separator: ",")) }
        if userhash { writer.token("userhash", "true") }
        for parameter in otherParameters { writer.parameter(parameter) }
        return writer.text
    }

    /// Whether the server offers `qop=auth` (the only qop this module answers).
    public var offersAuth: Bool { qop.contains { DigestAlgorithm.equalIgnoringASCIICase($0, "auth") } }

    /// `"auth,auth-int"` → `["auth", "auth-int"]`; spaces around commas ignored, an empty list element refused.
    private static func qopOptions(_ value: String) throws(DigestParseError) -> [String] {
        var options: [String] = []
        for element in value.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false) {
            let trimmed = element.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }
            let option = Array(trimmed.reversed())
            guard !option.isEmpty, option.allSatisfy(AuthHeaderScanner.isTokenCharacter) else {
                throw .invalidValue(parameter: "qop")
            }
            options.append(String(decoding: option, as: UTF8.self))
        }
        return options
    }
}
