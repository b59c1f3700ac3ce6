import GRDB

/// A row of `context_include`: `from` may call into `to`; `priority` keeps the order of `Context.includes`.
struct ContextIncludeRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "context_include"
    var fromContextID: Int64
    var toContextID: Int64
    var priority: Int

    enum CodingKeys: String, CodingKey {
        case priority
        case fromContextID = "from_context_id"
        case toContextID = "to_context_id"
    }
}
