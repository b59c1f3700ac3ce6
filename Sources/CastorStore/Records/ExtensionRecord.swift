import GRDB

/// A row of `extension`: a number in a context, and the line it rings for `user` extensions.
struct ExtensionRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "extension"
    var id: Int64?
    var contextID: Int64
    var exten: String
    var kind: String
    var lineID: Int64?

    enum CodingKeys: String, CodingKey {
        case id, exten, kind
        case contextID = "context_id"
        case lineID = "line_id"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
