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
    /// How long a call rings before the caller gets 480 (XiVO's ring time).
    public var ringTimeout: Duration = .seconds(30)
    /// An answered call that carried no RTP from either phone for this long is hung up (Asterisk's
    /// `rtptimeout`), so a vanished phone does not leave a call up forever. On hold, `rtpHoldTimeout`.
    public var rtpTimeout: Duration = .seconds(60)
    public var rtpHoldTimeout: Duration = .seconds(3600)
    /// Calls a line may be in at once, placing or receiving (Asterisk's call-limit); beyond, 486.
    public var callLimit: Int = 4
    /// Wrong provisioning codes an autoprov account may dial in a minute; beyond, every code gets 403 until the
    /// oldest leave the minute (codes are six digits: a million, guessable by a patient script otherwise).
    public var provisioningCodeAttempts: Int = 5

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

    /// The host:port of the PBX over `transport` (falling back to UDP's).
    func advertised(_ transport: String) -> String {
        advertised[transport] ?? advertised["udp"] ?? "127.0.0.1"
    }
}
