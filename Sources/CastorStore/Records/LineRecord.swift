import GRDB

/// A row of `line`. The line's extension is the `extension` row pointing at it; codecs are a comma list.
struct LineRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "line"
    var id: Int64?
    var userID: Int64?
    var username: String
    var secret: String
    var contextID: Int64
    var codecs: String
    var transport: String
    var maxContacts: Int
    var deviceID: Int64?
    var position: Int?
    // v5: six digits, unique, kept (see `Line.provisioningCode`).
    var provisioningCode: String?

    enum CodingKeys: String, CodingKey {
        case id, username, secret, codecs, transport, position
        case userID = "user_id"
        case contextID = "context_id"
        case maxContacts = "max_contacts"
        case deviceID = "device_id"
        case provisioningCode = "provisioning_code"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
