import SIPAuth

/// What the registrar enforces (castor.yaml `pbx:`): the realm and algorithms of its challenges, how long a
/// nonce lives, how many wrong answers get a new challenge before 403, and the registration lifetimes.
public struct RegistrarConfiguration: Sendable, Equatable {
    public var realm: String
    /// Offered in this order, one WWW-Authenticate each (RFC 8760 §2.4).
    public var algorithms: [DigestAlgorithm]
    public var nonceLifetime: Duration
    /// Wrong credentials answered 401 (a new challenge) before the answer becomes 403.
    public var authRetries: Int
    /// How long failures are remembered for `authRetries` and for the per-address count.
    public var failureWindow: Duration
    /// RFC 3261 §10.3 step 7: below the minimum → 423 with Min-Expires; above the maximum → the maximum.
    public var minExpires: Int
    public var maxExpires: Int
    public var defaultExpires: Int

    public init(
        realm: String = "castor", algorithms: [DigestAlgorithm] = [.md5, .sha256],
        nonceLifetime: Duration = .seconds(300), authRetries: Int = 1, failureWindow: Duration = .seconds(60),
        minExpires: Int = 60, maxExpires: Int = 3600, defaultExpires: Int = 3600
    ) {
        self.realm = realm
        self.algorithms = algorithms
        self.nonceLifetime = nonceLifetime
        self.authRetries = authRetries
        self.failureWindow = failureWindow
        self.minExpires = minExpires
        self.maxExpires = maxExpires
        self.defaultExpires = defaultExpires
    }
}
