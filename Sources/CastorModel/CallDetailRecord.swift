/// One call as the PBX saw it, written once when the call ends: who called whom, when, how it ended, and
/// how the media fared. Asterisk's call detail record (CDR), one row per call, in XiVO's words.
///
/// ```swift
/// let record = CallDetailRecord(
///     callID: "a84b4c76e66710", caller: "1001", callerName: "Alice", callee: "1002", calleeLine: "1002",
///     callerContext: "comptabilite", calleeContext: "comptabilite",
///     start: 1_750_000_000.2, answer: 1_750_000_004.9, end: 1_750_000_065.1, disposition: .answered,
///     sipStatus: 200, hangupBy: "caller", callerCodec: "PCMU", calleeCodec: "PCMA")
/// record.duration   // 64 (s, start → end)
/// record.billsec    // 60 (s, answer → end)
/// try store.insertCDRs([record])
/// ```
///
/// Asterisk's CDR fields, and where they are here:
///
/// | Asterisk | here | meaning |
/// |---|---|---|
/// | `src` | `caller` | the calling line's username, the number shown to the callee |
/// | `clid` | `callerName` + `caller` | `"Alice" <1001>` |
/// | `dst` | `callee` | the number dialled (the Request-URI's user part) |
/// | `dcontext` | `callerContext` | the context `dst` was looked up in: the caller's line's |
/// | `dstchannel` | `calleeLine` (+ `calleeContext`) | the line rung or that answered |
/// | `start`, `answer`, `end` | `start`, `answer`, `end` | wall-clock seconds since 1970 |
/// | `duration` | `duration` | whole seconds from `start` to `end` |
/// | `billsec` | `billsec` | whole seconds from `answer` to `end`, 0 when not answered |
/// | `disposition` | `disposition` | `ANSWERED`, `NO ANSWER`, `BUSY`, `FAILED`, `CONGESTION` |
/// | `uniqueid` | `id` (and `callID`) | the store's row id; the SIP Call-ID of the caller's leg |
///
/// What Asterisk's CDR lacks and a SIP lab wants is added: the final SIP status, who hung up, the codec of
/// each leg and RTP statistics per leg (RFC 3550 §6.4.1: packets received, lost, interarrival jitter).
///
/// Times are wall-clock seconds since 1970, like `SIPBinding`'s: a record outlives the process, so a
/// monotonic instant would mean nothing once read back.
public struct CallDetailRecord: Codable, Equatable, Sendable {
    /// How the call ended (Asterisk's `disposition`): `CallDisposition`.
    public typealias Disposition = CallDisposition

    /// The store's id, assigned when the record is inserted (ignored on insert); the API's `before` cursor.
    public var id: Int64?
    /// The SIP Call-ID of the caller's leg (the INVITE the PBX received), to find the call in a trace.
    public var callID: String
    /// The calling line's username, the number as shown to the callee (Asterisk's `src`).
    public var caller: String
    /// The caller's display name, when the line's user has one (the name part of Asterisk's `clid`).
    public var callerName: String?
    /// The number dialled: the Request-URI's user part (Asterisk's `dst`).
    public var callee: String
    /// The line that answered, or that was rung when none answered (Asterisk's `dstchannel`); nil when the
    /// number led to no line.
    public var calleeLine: String?
    /// The context the number was looked up in: the caller's line's (Asterisk's `dcontext`).
    public var callerContext: String
    /// The context of the line rung, when there was one (it differs from `callerContext` for a call into an
    /// included context).
    public var calleeContext: String?
    /// When the INVITE arrived; wall-clock seconds since 1970.
    public var start: Double
    /// When the callee answered (the 2xx was received); nil when nobody did.
    public var answer: Double?
    /// When the call ended (BYE, CANCEL, or the final failure response); wall-clock seconds since 1970.
    public var end: Double
    public var disposition: Disposition
    /// The call's final SIP status: 200 for an answered call, else the failure response the caller got
    /// (486, 487, 404…); nil when none was sent (the caller's transaction timed out).
    public var sipStatus: Int?
    /// Who ended the call: `"caller"`, `"callee"` or `"pbx"` (a timeout, a failure, a shutdown).
    public var hangupBy: String?
    /// The codec of each leg as negotiated in SDP, by its RTP encoding name (`PCMU`, `PCMA`); they differ
    /// when the PBX transcodes.
    public var callerCodec: String?
    public var calleeCodec: String?
    /// RTP received from the caller: packets, packets lost (RFC 3550 §6.4.1 cumulative number lost) and
    /// interarrival jitter in milliseconds (§6.4.1 J, converted from timestamp units).
    public var callerPackets: Int
    public var callerLost: Int
    public var callerJitterMs: Double
    /// RTP received from the callee, as for the caller.
    public var calleePackets: Int
    public var calleeLost: Int
    public var calleeJitterMs: Double

    public init(
        id: Int64? = nil, callID: String, caller: String, callerName: String? = nil, callee: String,
        calleeLine: String? = nil, callerContext: String, calleeContext: String? = nil, start: Double,
        answer: Double? = nil, end: Double, disposition: Disposition, sipStatus: Int? = nil, hangupBy: String? = nil,
        callerCodec: String? = nil, calleeCodec: String? = nil, callerPackets: Int = 0, callerLost: Int = 0,
        callerJitterMs: Double = 0, calleePackets: Int = 0, calleeLost: Int = 0, calleeJitterMs: Double = 0
    ) {
        self.id = id
        self.callID = callID
        self.caller = caller
        self.callerName = callerName
        self.callee = callee
        self.calleeLine = calleeLine
        self.callerContext = callerContext
        self.calleeContext = calleeContext
        self.start = start
        self.answer = answer
        self.end = end
        self.disposition = disposition
        self.sipStatus = sipStatus
        self.hangupBy = hangupBy
        self.callerCodec = callerCodec
        self.calleeCodec = calleeCodec
        self.callerPackets = callerPackets
        self.callerLost = callerLost
        self.callerJitterMs = callerJitterMs
        self.calleePackets = calleePackets
        self.calleeLost = calleeLost
        self.calleeJitterMs = calleeJitterMs
    }

    /// Whole seconds from `start` to `end` (Asterisk's `duration`).
    public var duration: Int { Self.wholeSeconds(from: start, to: end) }

    /// Whole seconds from `answer` to `end`, 0 when the call was not answered (Asterisk's `billsec`).
    public var billsec: Int { answer.map { Self.wholeSeconds(from: $0, to: end) } ?? 0 }

    /// Whole seconds between two instants, as Asterisk's CDR engine counts them (`cdr_object_get_duration`,
    /// `cdr_object_get_billsec` in main/cdr.c): the difference of two timevals, truncated to the second, so
    /// 59.9 s bill 59. (Asterisk rounds billsec up from .5 only with `initiatedseconds=yes` in cdr.conf, off
    /// by default; Castor keeps the default.)
    ///
    /// Each instant is first rounded to the microsecond, the resolution of Asterisk's timevals, so the
    /// sub-microsecond error of a `Double` near 1.75e9 s (a few tenths of a µs) never costs a second:
    /// 59.99999999 s count as 60. Since `start ≤ answer`, `billsec ≤ duration` always holds. A negative
    /// span counts as 0.
    public static func wholeSeconds(from first: Double, to last: Double) -> Int {
        guard first.isFinite, last.isFinite else { return 0 }
        let microseconds = (last * 1_000_000).rounded() - (first * 1_000_000).rounded()
        guard microseconds > 0 else { return 0 }
        // Clamped (to some 285 million years) so that an absurd time cannot trap the conversion.
        return Int(min((microseconds / 1_000_000).rounded(.towardZero), 9e15))
    }

    /// Checks what the store refuses: an end before the start, an answer outside the call, an answer time
    /// that disagrees with the disposition, negative counters, a jitter that is not a number.
    public func validate() throws(CastorError) {
        guard start.isFinite, start >= 0 else {
            throw .invalid(field: "start", reason: "must be seconds since 1970, got \(start)")
        }
        guard end.isFinite, end >= start else {
            throw .invalid(field: "end", reason: "must not be before start (\(start)), got \(end)")
        }
        if let answer, !(answer.isFinite && answer >= start && answer <= end) {
            throw .invalid(field: "answer", reason: "must lie between start (\(start)) and end (\(end)), got \(answer)")
        }
        if (disposition == .answered) != (answer != nil) {
            throw .invalid(
                field: "answer",
                reason: disposition == .answered
                    ? "an ANSWERED call needs its answer time" : "a \(disposition.rawValue) call has no answer time")
        }
        let counters = [
            ("caller_packets", callerPackets), ("caller_lost", callerLost), ("callee_packets", calleePackets),
            ("callee_lost", calleeLost),
        ]
        for (field, value) in counters where value < 0 {
            throw .invalid(field: field, reason: "must not be negative, got \(value)")
        }
        for (field, value) in [("caller_jitter_ms", callerJitterMs), ("callee_jitter_ms", calleeJitterMs)]
        where !(value.isFinite && value >= 0) {
            throw .invalid(field: field, reason: "must be a non-negative number of milliseconds, got \(value)")
        }
    }

    enum CodingKeys: String, CodingKey {
        case id, caller, callee, start, answer, end, disposition
        case callID = "call_id"
        case callerName = "caller_name"
        case calleeLine = "callee_line"
        case callerContext = "caller_context"
        case calleeContext = "callee_context"
        case sipStatus = "sip_status"
        case hangupBy = "hangup_by"
        case callerCodec = "caller_codec"
        case calleeCodec = "callee_codec"
        case callerPackets = "caller_packets"
        case callerLost = "caller_lost"
        case callerJitterMs = "caller_jitter_ms"
        case calleePackets = "callee_packets"
        case calleeLost = "callee_lost"
        case calleeJitterMs = "callee_jitter_ms"
    }

    /// The members derived from the times, written (never read) beside the stored ones.
    private enum DerivedKeys: String, CodingKey {
        case duration, billsec
    }

    /// Every member (absent optionals left out), plus `duration` and `billsec`, so a reader of the JSON needs
    /// not know Asterisk's rounding rule.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(id, forKey: .id)
        try container.encode(callID, forKey: .callID)
        try container.encode(caller, forKey: .caller)
        try container.encodeIfPresent(callerName, forKey: .callerName)
        try container.encode(callee, forKey: .callee)
        try container.encodeIfPresent(calleeLine, forKey: .calleeLine)
        try container.encode(callerContext, forKey: .callerContext)
        try container.encodeIfPresent(calleeContext, forKey: .calleeContext)
        try container.encode(start, forKey: .start)
        try container.encodeIfPresent(answer, forKey: .answer)
        try container.encode(end, forKey: .end)
        try container.encode(disposition, forKey: .disposition)
        try container.encodeIfPresent(sipStatus, forKey: .sipStatus)
        try container.encodeIfPresent(hangupBy, forKey: .hangupBy)
        try container.encodeIfPresent(callerCodec, forKey: .callerCodec)
        try container.encodeIfPresent(calleeCodec, forKey: .calleeCodec)
        try container.encode(callerPackets, forKey: .callerPackets)
        try container.encode(callerLost, forKey: .callerLost)
        try container.encode(callerJitterMs, forKey: .callerJitterMs)
        try container.encode(calleePackets, forKey: .calleePackets)
        try container.encode(calleeLost, forKey: .calleeLost)
        try container.encode(calleeJitterMs, forKey: .calleeJitterMs)
        var derived = encoder.container(keyedBy: DerivedKeys.self)
        try derived.encode(duration, forKey: .duration)
        try derived.encode(billsec, forKey: .billsec)
    }
}
