import GRDB

/// A row of `entity`.
struct EntityRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "entity"
    var id: Int64?
    var name: String
    var displayName: String

    enum CodingKeys: String, CodingKey {
        case id, name
        case displayName = "display_name"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
