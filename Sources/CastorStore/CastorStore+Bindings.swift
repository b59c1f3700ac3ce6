import CastorModel
import GRDB

/// The registrar's bindings (`sip_binding`): loaded once when the PBX starts, then written change by change
/// (in batches) before each 200 OK leaves, so an acknowledged registration survives `kill -9`.
extension CastorStore {
    /// Every binding that has not expired at `now` (wall-clock seconds), by line then contact.
    public func bindings(unexpiredAt now: Double) throws(CastorError) -> [SIPBinding] {
        try read { db in
            try SIPBindingRecord.filter(Column("expires_at") > now)
                .order(Column("line_id"), Column("contact")).fetchAll(db).map(\.model)
        }
    }

    /// Applies the changes in order, in one transaction, and removes the bindings expired at `now` (wall-clock
    /// seconds) on the way: all of it is committed, or none.
    public func applyBindingChanges(_ changes: [SIPBindingChange], expiringBefore now: Double? = nil)
        throws(CastorError)
    {
        try write { db in
            // Prepared once per connection: the PBX writes thousands of bindings a second.
            let save = try db.cachedStatement(
                sql: """
                    INSERT OR REPLACE INTO sip_binding (line_id, username, contact, target, transport, source_address,
                        source_port, call_id, cseq, registered_at, expires_at, user_agent, q, instance)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            let remove = try db.cachedStatement(sql: "DELETE FROM sip_binding WHERE line_id = ? AND contact = ?")
            for change in changes {
                switch change {
                case .save(let b):
                    try save.execute(arguments: [
                        b.lineID, b.username, b.contact, b.target, b.transport, b.sourceAddress, b.sourcePort,
                        b.callID, Int64(b.cseq), b.registeredAt, b.expiresAt, b.userAgent, b.q, b.instance,
                    ])
                case .remove(let lineID, let contact):
                    try remove.execute(arguments: [lineID, contact])
                }
            }
            if let now {
                try db.execute(sql: "DELETE FROM sip_binding WHERE expires_at <= ?", arguments: [now])
            }
        }
    }
}
