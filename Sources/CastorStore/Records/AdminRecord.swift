import GRDB

/// A row of `admin`: a web/API administrator and the scrypt hash of their password (`PasswordHash`).
struct AdminRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "admin"
    var id: Int64?
    var username: String
    var passwordHash: String

    enum CodingKeys: String, CodingKey {
        case id, username
        case passwordHash = "password_hash"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
