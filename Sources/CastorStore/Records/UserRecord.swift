import CastorModel
import GRDB

/// A row of `user`.
struct UserRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "user"
    var id: Int64?
    var name: String
    var email: String?
    var language: String
    var callerID: String?

    enum CodingKeys: String, CodingKey {
        case id, name, email, language
        case callerID = "caller_id"
    }

    init(_ user: User, id: Int64? = nil) {
        self.id = id
        name = user.name
        email = user.email
        language = user.language
        callerID = user.callerID
    }

    var model: User { User(id: id, name: name, email: email, language: language, callerID: callerID) }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
