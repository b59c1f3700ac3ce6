import DHCPLeases

extension LeaseEngine {
    /// Kea's lease reclamation (`AllocEngine::reclaimExpiredLeases4`), run by the caller every
    /// `reclaim-timer-wait-time`:
    /// - an expired lease becomes expired-reclaimed, keeping its client (lease affinity: the same client gets
    ///   it back) but losing its hostname;
    /// - a declined lease past its probation is deleted, so the address is free again;
    /// - a reclaimed lease is deleted `hold-reclaimed-time` (3600 s) after it expired.
    /// Rows are persisted in address order; nothing is returned when nothing changed. With `remove` (the
    /// `leases-reclaim` command's `"remove": true`), expired leases are deleted at once instead of kept as
    /// expired-reclaimed.
    public mutating func reclaimExpired(now: Int64, remove: Bool = false) -> [Action] {
        var rows: [Lease] = []
        for address in table.byAddress.keys.sorted() {
            guard var lease = table[address], lease.isExpired(at: now) else { continue }
            switch lease.state {
            case .default where remove, .expiredReclaimed where remove:
                table.remove(address)
                rows.append(lease.deletion)
            case .default:
                lease.state = .expiredReclaimed
                lease.hostname = ""
                lease.fqdnForward = false
                lease.fqdnReverse = false
                table.insert(lease)
                rows.append(lease)
            case .declined:
                table.remove(address)
                rows.append(lease.deletion)
            case .expiredReclaimed:
                guard lease.expire + Self.holdReclaimedTime <= now else { continue }
                table.remove(address)
                rows.append(lease.deletion)
            }
        }
        return rows.isEmpty ? [] : [.persist(rows)]
    }
}
