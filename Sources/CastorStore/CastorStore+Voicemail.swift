import CastorModel
import GRDB

/// Voicemail boxes: a number unique in its context, a PIN, an optional email.
extension CastorStore {
    public func voicemailBoxes() throws(CastorError) -> [VoicemailBox] {
        try read { db in
            let names = try contextNames(db)
            return try VoicemailRecord.order(Column("id")).fetchAll(db).map { try voicemailModel($0, names) }
        }
    }

    public func voicemailBox(id: Int64) throws(CastorError) -> VoicemailBox {
        try read { db in try voicemailModel(requireVoicemailRecord(id, db), contextNames(db)) }
    }

    public func createVoicemailBox(_ box: VoicemailBox) throws(CastorError) -> VoicemailBox {
        try box.validate()
        return try write { db in
            var record = try voicemailRecord(for: box, except: nil, db)
            try record.insert(db)
            return try voicemailModel(record, contextNames(db))
        }
    }

    public func updateVoicemailBox(id: Int64, with box: VoicemailBox) throws(CastorError) -> VoicemailBox {
        try box.validate()
        return try write { db in
            _ = try requireVoicemailRecord(id, db)
            var record = try voicemailRecord(for: box, except: id, db)
            record.id = id
            try record.update(db)
            return try voicemailModel(record, contextNames(db))
        }
    }

    public func deleteVoicemailBox(id: Int64) throws(CastorError) {
        try write { db in
            _ = try requireVoicemailRecord(id, db)
            try VoicemailRecord.deleteOne(db, key: id)
        }
    }

    // MARK: Inside a transaction

    /// Checks a validated box against the rows it refers to, and returns the row to write. `numberField` is
    /// the input field naming the number (`number`, or `exten` for `addUser`).
    func voicemailRecord(for box: VoicemailBox, except id: Int64?, numberField: String = "number", _ db: Database)
        throws -> VoicemailRecord
    {
        let context = try requireContext(named: box.context, field: "context", db)
        let contextID = try context.id.stored
        var request = VoicemailRecord.filter(Column("context_id") == contextID && Column("number") == box.number)
        if let id { request = request.filter(Column("id") != id) }
        if try request.fetchCount(db) > 0 {
            throw CastorError.conflict(
                field: numberField,
                reason: "voicemail box \(box.number) already exists in context \"\(box.context)\"")
        }
        try checkUserExists(box.userID, field: "user_id", db)
        return VoicemailRecord(
            id: nil, number: box.number, contextID: contextID, name: box.name, pin: box.pin, email: box.email,
            userID: box.userID)
    }

    private func requireVoicemailRecord(_ id: Int64, _ db: Database) throws -> VoicemailRecord {
        guard let record = try VoicemailRecord.fetchOne(db, key: id) else {
            throw CastorError.notFound(kind: "voicemail box", key: "\(id)")
        }
        return record
    }

    func voicemailModel(_ record: VoicemailRecord, _ names: [Int64: String]) throws -> VoicemailBox {
        VoicemailBox(
            id: record.id, number: record.number, context: try contextName(record.contextID, in: names),
            name: record.name, pin: record.pin, email: record.email, userID: record.userID)
    }
}
