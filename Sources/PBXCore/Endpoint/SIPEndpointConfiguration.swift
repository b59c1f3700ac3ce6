import SIPTransaction

/// How the PBX's SIP endpoint presents itself and paces its timers.
public struct SIPEndpointConfiguration: Sendable {
    /// The host:port the PBX writes in Via and Contact of the requests it sends (OPTIONS keepalives), per
    /// transport (`udp` → `10.20.0.1:5060`).
    public var advertised: [String: String]
    /// RFC 3261 §17 timers (T1, T2, T4).
    public var timers: SIPTimerValues
    /// Seconds between OPTIONS keepalives to each binding; 0 turns them off.
    public var qualifyFrequency: Int
    /// The Server / User-Agent header value.
    public var product: String
    /// Seconds in the Retry-After of a 503 when overloaded.
    public var retryAfter: Int = 2
    /// New requests processed per batch of input; beyond, 503 (see `SIPEndpoint.beginBatch`).
    public var batchBudget: Int = 256

    public init(
        advertised: [String: String], timers: SIPTimerValues = .rfc3261, qualifyFrequency: Int = 60,
        product: String = "Castor"
    ) {
        self.advertised = advertised
        self.timers = timers
        self.qualifyFrequency = qualifyFrequency
        self.product = product
    }

    /// The methods the endpoint answers (Allow, RFC 3261 §20.5).
    static let allowed = "REGISTER, OPTIONS, INVITE, ACK, CANCEL, BYE"
}
