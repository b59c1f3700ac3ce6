import GRDB

/// A row of `context_range`: one number range of a context, in the order given (by id).
struct ContextRangeRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "context_range"
    var id: Int64?
    var contextID: Int64
    var kind: String
    var start: String
    var end: String

    enum CodingKeys: String, CodingKey {
        case id, kind, start, end
        case contextID = "context_id"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
