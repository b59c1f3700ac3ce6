import CastorModel
import GRDB

/// A row of `sip_binding`: one registered contact of a line (`SIPBinding`), as read back. Writes go through
/// prepared statements (`CastorStore+Bindings.swift`).
struct SIPBindingRecord: Codable, FetchableRecord, TableRecord {
    static let databaseTableName = "sip_binding"
    var lineID: Int64
    var username: String
    var contact: String
    var target: String
    var transport: String
    var sourceAddress: String
    var sourcePort: Int
    var callID: String
    var cseq: Int64
    var registeredAt: Double
    var expiresAt: Double
    var userAgent: String?
    var q: Double?
    var instance: String?

    enum CodingKeys: String, CodingKey {
        case username, contact, target, transport, cseq, q, instance
        case lineID = "line_id"
        case sourceAddress = "source_address"
        case sourcePort = "source_port"
        case callID = "call_id"
        case registeredAt = "registered_at"
        case expiresAt = "expires_at"
        case userAgent = "user_agent"
    }

    var model: SIPBinding {
        SIPBinding(
            lineID: lineID, username: username, contact: contact, target: target, transport: transport,
            sourceAddress: sourceAddress, sourcePort: sourcePort, callID: callID,
            cseq: UInt32(clamping: cseq), registeredAt: registeredAt, expiresAt: expiresAt, userAgent: userAgent,
            q: q, instance: instance)
    }
}
