import GRDB

/// A row of `context` (its ranges and includes are rows of their own tables).
struct ContextRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "context"
    var id: Int64?
    var entityID: Int64
    var name: String
    var displayName: String
    var type: String

    enum CodingKeys: String, CodingKey {
        case id, name, type
        case entityID = "entity_id"
        case displayName = "display_name"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
