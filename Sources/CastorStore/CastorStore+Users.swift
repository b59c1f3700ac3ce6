import CastorModel
import GRDB

/// Users: directory entries, which lines and a voicemail box may belong to.
extension CastorStore {
    public func users() throws(CastorError) -> [User] {
        try read { db in try UserRecord.order(Column("id")).fetchAll(db).map(\.model) }
    }

    public func user(id: Int64) throws(CastorError) -> User {
        try read { db in try requireUserRecord(id, db).model }
    }

    public func createUser(_ user: User) throws(CastorError) -> User {
        try user.validate()
        return try write { db in try insertUser(user, db) }
    }

    public func updateUser(id: Int64, with user: User) throws(CastorError) -> User {
        try user.validate()
        return try write { db in
            _ = try requireUserRecord(id, db)
            let record = UserRecord(user, id: id)
            try record.update(db)
            return record.model
        }
    }

    public func deleteUser(id: Int64) throws(CastorError) {
        try write { db in
            let record = try requireUserRecord(id, db)
            let lines = try String.fetchAll(
                db, sql: "SELECT username FROM line WHERE user_id = ? ORDER BY id", arguments: [id])
            guard lines.isEmpty else {
                throw CastorError.conflict(
                    field: "id",
                    reason:
                        "user \(id) (\(record.name)) still has \(Self.counted(lines, "line", "lines")); delete them or give them to another user first"
                )
            }
            try VoicemailRecord.filter(Column("user_id") == id).deleteAll(db)
            try UserRecord.deleteOne(db, key: id)
        }
    }

    // MARK: Inside a transaction

    func insertUser(_ user: User, _ db: Database) throws -> User {
        var record = UserRecord(user)
        try record.insert(db)
        return record.model
    }

    /// The user looked up by the request itself: `notFound` when missing.
    func requireUserRecord(_ id: Int64, _ db: Database) throws -> UserRecord {
        guard let record = try UserRecord.fetchOne(db, key: id) else {
            throw CastorError.notFound(kind: "user", key: "\(id)")
        }
        return record
    }

    /// A user an input refers to (`user_id`): `invalid` on `field` when missing.
    func checkUserExists(_ id: Int64?, field: String, _ db: Database) throws {
        guard let id else { return }
        guard try UserRecord.exists(db, key: id) else {
            throw CastorError.invalid(field: field, reason: "no user with id \(id)")
        }
    }
}
