import CastorModel
import GRDB

/// A row of `sip_binding`: one registered contact of a line (`SIPBinding`).
struct SIPBindingRecord: Codable, FetchableRecord, PersistableRecord {
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

    init(_ binding: SIPBinding) {
        lineID = binding.lineID
        username = binding.username
        contact = binding.contact
        target = binding.target
        transport = binding.transport
        sourceAddress = binding.sourceAddress
        sourcePort = binding.sourcePort
        callID = binding.callID
        cseq = Int64(binding.cseq)
        registeredAt = binding.registeredAt
        expiresAt = binding.expiresAt
        userAgent = binding.userAgent
        q = binding.q
        instance = binding.instance
    }

    var model: SIPBinding {
        SIPBinding(
            lineID: lineID, username: username, contact: contact, target: target, transport: transport,
            sourceAddress: sourceAddress, sourcePort: sourcePort, callID: callID,
            cseq: UInt32(clamping: cseq), registeredAt: registeredAt, expiresAt: expiresAt, userAgent: userAgent,
            q: q, instance: instance)
    }
}
