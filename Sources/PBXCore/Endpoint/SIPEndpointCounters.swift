/// The endpoint's counters (metrics and `sip show stats`); plain integers, read by the service after a batch.
public struct SIPEndpointCounters: Sendable, Equatable {
    public var requestsReceived = 0
    public var responsesReceived = 0
    public var malformed = 0
    /// Requests dropped unparsed from addresses with many recent failures (`SuspectThrottle`).
    public var throttled = 0
    /// New requests answered 503 because a batch held more than its budget.
    public var overloaded = 0
    /// Retransmitted requests absorbed by a server transaction (answered with the last response or ignored).
    public var retransmissionsReceived = 0
    /// Messages sent again by a transaction's timer (A, E, G).
    public var retransmissionsSent = 0
    public var transactionsCreated = 0
    /// Responses sent without a transaction (challenges and refusals of REGISTERs, RFC 3261 §8.2.7).
    public var statelessResponses = 0
    public var transactionsLive = 0
    public var registrations = 0
    public var unregistrations = 0
    public var challenges = 0
    public var authFailures = 0
    public var forbidden = 0
    public var qualifySent = 0
    public var qualifyTimeouts = 0
    public var callsStarted = 0
    public var callsAnswered = 0
    public var callsEnded = 0
    public var callsLive = 0
    public var callsNotFound = 0
    public var callsUnanswered = 0
    public var rtpTimeouts = 0
    /// check-sync NOTIFYs sent (one per contact of a device asked to resync).
    public var checkSyncSent = 0
    /// Provisioning codes dialled by autoprov accounts: bound, or refused (wrong code, not a code, locked out).
    public var provisioningCodesAccepted = 0
    public var provisioningCodesRefused = 0

    public init() {}

    /// Name → value, for `sip show stats` and the Prometheus exposition.
    public var all: [String: Int] {
        [
            "requests_received": requestsReceived, "responses_received": responsesReceived, "malformed": malformed,
            "throttled": throttled, "overloaded": overloaded,
            "retransmissions_received": retransmissionsReceived, "retransmissions_sent": retransmissionsSent,
            "transactions_created": transactionsCreated, "stateless_responses": statelessResponses,
            "transactions_live": transactionsLive,
            "registrations": registrations, "unregistrations": unregistrations, "challenges": challenges,
            "auth_failures": authFailures, "forbidden": forbidden, "qualify_sent": qualifySent,
            "qualify_timeouts": qualifyTimeouts, "calls_started": callsStarted, "calls_answered": callsAnswered,
            "calls_ended": callsEnded, "calls_live": callsLive, "calls_not_found": callsNotFound,
            "calls_unanswered": callsUnanswered, "rtp_timeouts": rtpTimeouts, "check_sync_sent": checkSyncSent,
            "provisioning_codes_accepted": provisioningCodesAccepted,
            "provisioning_codes_refused": provisioningCodesRefused,
        ]
    }
}
