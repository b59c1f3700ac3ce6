import CastorModel
import GRDB

/// Extensions: numbers in a context, unique there and inside one of its ranges of their kind.
extension CastorStore {
    public func extensions() throws(CastorError) -> [Extension] {
        try read { db in
            let names = try contextNames(db)
            return try ExtensionRecord.order(Column("context_id"), Column("exten")).fetchAll(db).map {
                try extensionModel($0, names)
            }
        }
    }

    public func `extension`(id: Int64) throws(CastorError) -> Extension {
        try read { db in try extensionModel(requireExtensionRecord(id, db), contextNames(db)) }
    }

    public func createExtension(_ extension: Extension) throws(CastorError) -> Extension {
        try `extension`.validate()
        return try write { db in
            var record = try extensionRecord(for: `extension`, except: nil, db)
            try record.insert(db)
            return try extensionModel(record, contextNames(db))
        }
    }

    public func updateExtension(id: Int64, with extension: Extension) throws(CastorError) -> Extension {
        try `extension`.validate()
        return try write { db in
            _ = try requireExtensionRecord(id, db)
            var record = try extensionRecord(for: `extension`, except: id, db)
            record.id = id
            try record.update(db)
            return try extensionModel(record, contextNames(db))
        }
    }

    public func deleteExtension(id: Int64) throws(CastorError) {
        try write { db in
            _ = try requireExtensionRecord(id, db)
            try ExtensionRecord.deleteOne(db, key: id)
        }
    }

    // MARK: Inside a transaction

    /// Checks an extension against the rows it refers to, and returns the row to write.
    private func extensionRecord(for ext: Extension, except id: Int64?, _ db: Database) throws -> ExtensionRecord {
        let context = try requireContext(named: ext.context, field: "context", db)
        let contextID = try context.id.stored
        if let lineID = ext.lineID {
            guard ext.kind == .user else {
                throw CastorError.invalid(
                    field: "kind",
                    reason: "an extension that rings a line must be of kind user, not \(ext.kind.rawValue)")
            }
            guard let line = try LineRecord.fetchOne(db, key: lineID) else {
                throw CastorError.invalid(field: "line_id", reason: "no line with id \(lineID)")
            }
            guard line.contextID == contextID else {
                let lineContext = try contextName(line.contextID, in: contextNames(db))
                throw CastorError.invalid(
                    field: "context",
                    reason:
                        "line \(line.username) is in context \"\(lineContext)\"; its extension must be there too, not in \"\(ext.context)\""
                )
            }
            var others = ExtensionRecord.filter(Column("line_id") == lineID)
            if let id { others = others.filter(Column("id") != id) }
            if let other = try others.fetchOne(db) {
                throw CastorError.conflict(
                    field: "line_id", reason: "line \(line.username) already has extension \(other.exten)")
            }
        }
        try checkExtensionFits(ext.exten, kind: ext.kind, in: context, except: id, db)
        return ExtensionRecord(
            id: nil, contextID: contextID, exten: ext.exten, kind: ext.kind.rawValue, lineID: ext.lineID)
    }

    /// Checks that `exten` lies in one of the context's ranges of `kind` (`invalid` on `exten`) and is free
    /// there (`conflict` on `exten`), ignoring the extension `id` itself.
    func checkExtensionFits(
        _ exten: String, kind: Extension.Kind, in context: ContextRecord, except id: Int64?, _ db: Database
    ) throws {
        let model = try contextModel(context, db)
        try Extension(context: model.name, exten: exten, kind: kind).validate(in: model)
        let contextID = try context.id.stored
        var request = ExtensionRecord.filter(Column("context_id") == contextID && Column("exten") == exten)
        if let id { request = request.filter(Column("id") != id) }
        if let other = try request.fetchOne(db) {
            let holder =
                try other.lineID.flatMap { lineID in
                    try String.fetchOne(db, sql: "SELECT username FROM line WHERE id = ?", arguments: [lineID])
                }.map { "line \($0)" } ?? "a \(other.kind) extension"
            throw CastorError.conflict(
                field: "exten", reason: "\(exten) is already taken in context \"\(context.name)\" (by \(holder))")
        }
    }

    private func requireExtensionRecord(_ id: Int64, _ db: Database) throws -> ExtensionRecord {
        guard let record = try ExtensionRecord.fetchOne(db, key: id) else {
            throw CastorError.notFound(kind: "extension", key: "\(id)")
        }
        return record
    }

    private func extensionModel(_ record: ExtensionRecord, _ names: [Int64: String]) throws -> Extension {
        Extension(
            id: record.id, context: try contextName(record.contextID, in: names), exten: record.exten,
            kind: Extension.Kind(rawValue: record.kind) ?? .user, lineID: record.lineID)
    }
}
