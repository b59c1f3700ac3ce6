import CastorModel
import GRDB

/// A row of `cdr`: one call detail record (`CallDetailRecord`), as read back. Writes go through a prepared
/// statement (`CastorStore+CDR.swift`); `duration` and `billsec` are stored for SQL reports, and recomputed
/// by the model from the times on read.
struct CDRRecord: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "cdr"
    var id: Int64
    var callID: String
    var caller: String
    var callerName: String?
    var callee: String
    var calleeLine: String?
    var callerContext: String
    var calleeContext: String?
    var start: Double
    var answer: Double?
    var end: Double
    var disposition: String
    var sipStatus: Int?
    var hangupBy: String?
    var callerCodec: String?
    var calleeCodec: String?
    var callerPackets: Int
    var callerLost: Int
    var callerJitterMs: Double
    var calleePackets: Int
    var calleeLost: Int
    var calleeJitterMs: Double

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

    /// The columns an insert writes, in the order of ``arguments(for:)``.
    static let insertColumns = [
        "call_id", "caller", "caller_name", "callee", "callee_line", "caller_context", "callee_context", "start",
        "answer", "\"end\"", "disposition", "duration", "billsec", "sip_status", "hangup_by", "caller_codec",
        "callee_codec", "caller_packets", "caller_lost", "caller_jitter_ms", "callee_packets", "callee_lost",
        "callee_jitter_ms",
    ]

    /// The values of ``insertColumns`` for a record.
    static func arguments(for r: CallDetailRecord) -> StatementArguments {
        [
            r.callID, r.caller, r.callerName, r.callee, r.calleeLine, r.callerContext, r.calleeContext, r.start,
            r.answer, r.end, r.disposition.rawValue, r.duration, r.billsec, r.sipStatus, r.hangupBy, r.callerCodec,
            r.calleeCodec, r.callerPackets, r.callerLost, r.callerJitterMs, r.calleePackets, r.calleeLost,
            r.calleeJitterMs,
        ]
    }

    /// The model; a disposition the schema's CHECK let through but this Castor does not know is an error.
    func model() throws -> CallDetailRecord {
        guard let disposition = CallDetailRecord.Disposition(rawValue: disposition) else {
            throw CastorError.invalid(
                field: "disposition", reason: "stored \"\(disposition)\" is not a disposition (damaged database?)")
        }
        return CallDetailRecord(
            id: id, callID: callID, caller: caller, callerName: callerName, callee: callee, calleeLine: calleeLine,
            callerContext: callerContext, calleeContext: calleeContext, start: start, answer: answer, end: end,
            disposition: disposition, sipStatus: sipStatus, hangupBy: hangupBy, callerCodec: callerCodec,
            calleeCodec: calleeCodec, callerPackets: callerPackets, callerLost: callerLost,
            callerJitterMs: callerJitterMs, calleePackets: calleePackets, calleeLost: calleeLost,
            calleeJitterMs: calleeJitterMs)
    }
}
