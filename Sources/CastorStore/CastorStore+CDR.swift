import CastorModel
import GRDB

/// Call detail records (`cdr`): appended by the PBX in batches as calls end, read newest first by the API
/// (`GET /api/cdr`) and the console (`cdr show`).
extension CastorStore: CallDetailRecordStore {
    /// Appends the records in one transaction, all or none; the store assigns their ids (`id` is ignored).
    /// Every record is validated first: the first one refused fails the batch, its field named `cdrs[i].…`.
    public func insertCDRs(_ records: [CallDetailRecord]) throws(CastorError) {
        for (index, record) in records.enumerated() {
            do {
                try record.validate()
            } catch {
                throw Self.prefixed(error, with: "cdrs[\(index)]")
            }
        }
        guard !records.isEmpty else { return }
        try write { db in
            // Prepared once per connection: a busy PBX ends many calls a second, written in batches.
            let columns = CDRRecord.insertColumns
            let insert = try db.cachedStatement(
                sql: """
                    INSERT INTO cdr (\(columns.joined(separator: ", ")))
                    VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))
                    """)
            for record in records {
                try insert.execute(arguments: CDRRecord.arguments(for: record))
            }
        }
    }

    /// At most `limit` records, newest first (by `start`, then by id), optionally of one `caller` (its line's
    /// username, exactly) or one `disposition`. `before` is the id of the last record of the previous page;
    /// the page continues after it in that order.
    ///
    /// Throws `invalid` on `limit` when it is not positive, on `before` when no record has that id.
    public func cdrs(
        limit: Int, before: Int64? = nil, caller: String? = nil, disposition: CallDetailRecord.Disposition? = nil
    ) throws(CastorError) -> [CallDetailRecord] {
        guard limit > 0 else { throw .invalid(field: "limit", reason: "must be at least 1, got \(limit)") }
        return try read { db in
            var request = Self.filtered(caller: caller, disposition: disposition)
            if let before {
                guard let cursor = try CDRRecord.fetchOne(db, key: before) else {
                    throw CastorError.invalid(field: "before", reason: "no call detail record with id \(before)")
                }
                // Keyset paging: the rows after the cursor in (start, id) descending order, stable while the
                // PBX inserts (an inserted row never shifts a page, unlike an OFFSET).
                let start = Column("start")
                let id = Column("id")
                request = request.filter(start < cursor.start || (start == cursor.start && id < before))
            }
            return try request.order(Column("start").desc, Column("id").desc).limit(limit).fetchAll(db)
                .map { try $0.model() }
        }
    }

    /// How many records there are of `caller` and with `disposition` (all of them when both are nil).
    public func cdrCount(caller: String? = nil, disposition: CallDetailRecord.Disposition? = nil)
        throws(CastorError) -> Int
    {
        try read { db in try Self.filtered(caller: caller, disposition: disposition).fetchCount(db) }
    }

    private static func filtered(caller: String?, disposition: CallDetailRecord.Disposition?)
        -> QueryInterfaceRequest<CDRRecord>
    {
        var request = CDRRecord.all()
        if let caller { request = request.filter(Column("caller") == caller) }
        if let disposition { request = request.filter(Column("disposition") == disposition.rawValue) }
        return request
    }

    /// `error` with its field under `prefix` (`start` → `cdrs[2].start`).
    private static func prefixed(_ error: CastorError, with prefix: String) -> CastorError {
        switch error {
        case .invalid(let field, let reason): return .invalid(field: "\(prefix).\(field)", reason: reason)
        case .conflict(let field, let reason): return .conflict(field: "\(prefix).\(field)", reason: reason)
        case .notFound: return error
        }
    }
}
