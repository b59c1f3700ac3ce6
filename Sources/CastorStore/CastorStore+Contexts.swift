import CastorModel
import GRDB

/// Entities and contexts: ranges, includes, and what refuses a context's deletion.
extension CastorStore {
    public func entities() throws(CastorError) -> [Entity] {
        try read { db in
            try EntityRecord.order(Column("id")).fetchAll(db).map {
                Entity(id: $0.id, name: $0.name, displayName: $0.displayName)
            }
        }
    }

    /// Creates an entity (a tenant owning contexts). The store starts with one, `lab`.
    public func createEntity(_ entity: Entity) throws(CastorError) -> Entity {
        try entity.validate()
        return try write { db in try insertEntity(entity, db) }
    }

    public func contexts() throws(CastorError) -> [Context] {
        try read { db in
            try ContextRecord.order(Column("name")).fetchAll(db).map { try contextModel($0, db) }
        }
    }

    public func context(named name: String) throws(CastorError) -> Context {
        try read { db in
            guard let record = try contextRecord(named: name, db) else {
                throw CastorError.notFound(kind: "context", key: "\"\(name)\"")
            }
            return try contextModel(record, db)
        }
    }

    public func createContext(_ context: Context) throws(CastorError) -> Context {
        try context.validate()
        return try write { db in
            let record = try insertContext(context, db)
            try replaceIncludes(of: record.id.stored, with: context.includes, db)
            return try contextModel(record, db)
        }
    }

    public func updateContext(named name: String, with context: Context) throws(CastorError) -> Context {
        try context.validate()
        return try write { db in
            guard var record = try contextRecord(named: name, db) else {
                throw CastorError.notFound(kind: "context", key: "\"\(name)\"")
            }
            let id = try record.id.stored
            if context.name != name, try contextRecord(named: context.name, db) != nil {
                throw CastorError.conflict(field: "name", reason: "a context named \"\(context.name)\" already exists")
            }
            // The numbers already in the context must still fit its new ranges.
            for ext in try ExtensionRecord.filter(Column("context_id") == id).order(Column("exten")).fetchAll(db) {
                guard let kind = Extension.Kind(rawValue: ext.kind) else { continue }
                if !context.ranges.contains(where: { $0.kind == kind.rangeKind && $0.contains(ext.exten) }) {
                    throw CastorError.conflict(
                        field: "ranges",
                        reason:
                            "extension \(ext.exten) (\(kind.rawValue)) would be outside the context's \(kind.rangeKind.rawValue) ranges"
                    )
                }
            }
            record.entityID = try requireEntity(named: context.entity, db)
            record.name = context.name
            record.displayName = context.displayName
            record.type = context.type.rawValue
            try record.update(db)
            try ContextRangeRecord.filter(Column("context_id") == id).deleteAll(db)
            try insertRanges(context.ranges, contextID: id, db)
            try replaceIncludes(of: id, with: context.includes, db)
            return try contextModel(record, db)
        }
    }

    public func deleteContext(named name: String) throws(CastorError) {
        try write { db in
            guard let record = try contextRecord(named: name, db) else {
                throw CastorError.notFound(kind: "context", key: "\"\(name)\"")
            }
            let id = try record.id.stored
            let lines = try String.fetchAll(
                db, sql: "SELECT username FROM line WHERE context_id = ? ORDER BY id", arguments: [id])
            let extensions = try String.fetchAll(
                db, sql: "SELECT exten FROM extension WHERE context_id = ? AND line_id IS NULL ORDER BY exten",
                arguments: [id])
            let boxes = try String.fetchAll(
                db, sql: "SELECT number FROM voicemail WHERE context_id = ? ORDER BY number", arguments: [id])
            let includers = try String.fetchAll(
                db,
                sql: """
                    SELECT c.name FROM context_include i JOIN context c ON c.id = i.from_context_id
                    WHERE i.to_context_id = ? ORDER BY c.name
                    """, arguments: [id])
            var held: [String] = []
            if !lines.isEmpty { held.append(Self.counted(lines, "line", "lines")) }
            if !extensions.isEmpty { held.append(Self.counted(extensions, "extension", "extensions")) }
            if !boxes.isEmpty { held.append(Self.counted(boxes, "voicemail box", "voicemail boxes")) }
            if held.isEmpty && includers.isEmpty {
                try ContextRecord.deleteOne(db, key: id)
                return
            }
            var clauses: [String] = []
            if let last = held.last {
                // "a, b and c" when nothing follows; "a, b, c and is included by …" otherwise.
                let list =
                    includers.isEmpty && held.count > 1
                    ? held.dropLast().joined(separator: ", ") + " and " + last : held.joined(separator: ", ")
                clauses.append("still holds " + list)
            }
            if !includers.isEmpty {
                let names = includers.map { "\"\($0)\"" }.joined(separator: ", ")
                clauses.append((held.isEmpty ? "is still included by " : "is included by ") + names)
            }
            throw CastorError.conflict(
                field: "name", reason: "context \"\(name)\" " + clauses.joined(separator: " and "))
        }
    }

    public func include(_ to: String, in from: String) throws(CastorError) -> Context {
        try write { db in
            guard let source = try contextRecord(named: from, db) else {
                throw CastorError.notFound(kind: "context", key: "\"\(from)\"")
            }
            let target = try requireContext(named: to, field: "context", db)
            let sourceID = try source.id.stored
            let targetID = try target.id.stored
            guard sourceID != targetID else {
                throw CastorError.invalid(field: "context", reason: "a context cannot include itself")
            }
            let existing = try ContextIncludeRecord.filter(Column("from_context_id") == sourceID).fetchAll(db)
            if !existing.contains(where: { $0.toContextID == targetID }) {
                let priority = (existing.map(\.priority).max() ?? -1) + 1
                try ContextIncludeRecord(fromContextID: sourceID, toContextID: targetID, priority: priority)
                    .insert(db)
            }
            return try contextModel(source, db)
        }
    }

    // MARK: Inside a transaction

    func insertEntity(_ entity: Entity, _ db: Database) throws -> Entity {
        if try EntityRecord.filter(Column("name") == entity.name).fetchOne(db) != nil {
            throw CastorError.conflict(field: "name", reason: "an entity named \"\(entity.name)\" already exists")
        }
        var record = EntityRecord(id: nil, name: entity.name, displayName: entity.displayName)
        try record.insert(db)
        return Entity(id: record.id, name: record.name, displayName: record.displayName)
    }

    /// Inserts a validated context and its ranges (not its includes, which may name contexts created after it).
    func insertContext(_ context: Context, _ db: Database) throws -> ContextRecord {
        if try contextRecord(named: context.name, db) != nil {
            throw CastorError.conflict(field: "name", reason: "a context named \"\(context.name)\" already exists")
        }
        var record = ContextRecord(
            id: nil, entityID: try requireEntity(named: context.entity, db), name: context.name,
            displayName: context.displayName, type: context.type.rawValue)
        try record.insert(db)
        try insertRanges(context.ranges, contextID: record.id.stored, db)
        return record
    }

    /// Replaces the contexts `contextID` includes with those named, in order.
    func replaceIncludes(of contextID: Int64, with names: [String], _ db: Database) throws {
        try ContextIncludeRecord.filter(Column("from_context_id") == contextID).deleteAll(db)
        for (index, name) in names.enumerated() {
            let target = try requireContext(named: name, field: "includes[\(index)]", db)
            let targetID = try target.id.stored
            guard targetID != contextID else {
                throw CastorError.invalid(field: "includes[\(index)]", reason: "a context cannot include itself")
            }
            try ContextIncludeRecord(fromContextID: contextID, toContextID: targetID, priority: index).insert(db)
        }
    }

    private func insertRanges(_ ranges: [NumberRange], contextID: Int64, _ db: Database) throws {
        for range in ranges {
            var row = ContextRangeRecord(
                id: nil, contextID: contextID, kind: range.kind.rawValue, start: range.start, end: range.end)
            try row.insert(db)
        }
    }

    func contextRecord(named name: String, _ db: Database) throws -> ContextRecord? {
        try ContextRecord.filter(Column("name") == name).fetchOne(db)
    }

    /// The context an input names: `invalid` on `field` when there is none (a 400, not a 404).
    func requireContext(named name: String, field: String, _ db: Database) throws -> ContextRecord {
        guard let record = try contextRecord(named: name, db) else {
            throw CastorError.invalid(field: field, reason: "no context named \"\(name)\"")
        }
        return record
    }

    private func requireEntity(named name: String, _ db: Database) throws -> Int64 {
        guard let record = try EntityRecord.filter(Column("name") == name).fetchOne(db) else {
            throw CastorError.invalid(field: "entity", reason: "no entity named \"\(name)\"")
        }
        return try record.id.stored
    }

    /// Context names by id, to turn `context_id` columns back into the names the model uses.
    func contextNames(_ db: Database) throws -> [Int64: String] {
        var names: [Int64: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name FROM context") {
            if let id = row["id"] as Int64?, let name = row["name"] as String? { names[id] = name }
        }
        return names
    }

    func contextName(_ id: Int64, in names: [Int64: String]) throws -> String {
        guard let name = names[id] else {
            throw CastorError.invalid(field: "context", reason: "context \(id) is missing (damaged database?)")
        }
        return name
    }

    func contextModel(_ record: ContextRecord, _ db: Database) throws -> Context {
        let id = try record.id.stored
        let entity =
            try String.fetchOne(db, sql: "SELECT name FROM entity WHERE id = ?", arguments: [record.entityID]) ?? ""
        let ranges = try ContextRangeRecord.filter(Column("context_id") == id).order(Column("id")).fetchAll(db)
            .compactMap { row in
                NumberRange.Kind(rawValue: row.kind).map { NumberRange(kind: $0, start: row.start, end: row.end) }
            }
        let includes = try String.fetchAll(
            db,
            sql: """
                SELECT c.name FROM context_include i JOIN context c ON c.id = i.to_context_id
                WHERE i.from_context_id = ? ORDER BY i.priority
                """, arguments: [id])
        return Context(
            id: id, entity: entity, name: record.name, displayName: record.displayName,
            type: Context.Kind(rawValue: record.type) ?? .internal, ranges: ranges, includes: includes)
    }

    /// `2 lines (1001, 1002)`, listing at most ten.
    static func counted(_ items: [String], _ singular: String, _ plural: String) -> String {
        let shown = items.prefix(10).joined(separator: ", ") + (items.count > 10 ? ", …" : "")
        return "\(items.count) \(items.count == 1 ? singular : plural) (\(shown))"
    }
}
