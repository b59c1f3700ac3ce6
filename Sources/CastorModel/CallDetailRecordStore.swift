/// Where call detail records are kept: the PBX appends them as calls end, the API and the console read them
/// back, newest first. `CastorStore` (the `cdr` table) implements it.
///
/// ```swift
/// try store.insertCDRs(ended)                                          // one transaction per batch
/// let page = try store.cdrs(limit: 50, before: nil, caller: "1001", disposition: nil)
/// let next = try store.cdrs(limit: 50, before: page.last?.id, caller: "1001", disposition: nil)
/// ```
public protocol CallDetailRecordStore: Sendable {
    /// Appends the records in one transaction, all or none; their `id`s are assigned by the store. A record
    /// that fails `CallDetailRecord.validate()` fails the batch (`invalid`, its field prefixed `cdrs[i].`).
    func insertCDRs(_ records: [CallDetailRecord]) throws(CastorError)

    /// At most `limit` records, newest first (by `start`, then by id), optionally only those of one caller
    /// or one disposition. `before` is the id of the last record of the previous page: the page continues
    /// after it in that order (`invalid` on `before` when no record has that id).
    func cdrs(limit: Int, before: Int64?, caller: String?, disposition: CallDetailRecord.Disposition?)
        throws(CastorError) -> [CallDetailRecord]

    /// How many records match the filters (all of them when both are nil).
    func cdrCount(caller: String?, disposition: CallDetailRecord.Disposition?) throws(CastorError) -> Int
}
