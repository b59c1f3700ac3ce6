import GRDB

/// A row of `voicemail`.
struct VoicemailRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "voicemail"
    var id: Int64?
    var number: String
    var contextID: Int64
    var name: String
    var pin: String
    var email: String?
    var userID: Int64?

    enum CodingKeys: String, CodingKey {
        case id, number, name, pin, email
        case contextID = "context_id"
        case userID = "user_id"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
