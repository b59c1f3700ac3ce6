import DHCPCodec
import KeaConfig

/// Kea 2.2's iterative allocator (`IterativeAllocator::pickAddressInternal`, `src/lib/dhcpsrv/alloc_engine.cc`):
/// the next address after the last one picked, pool by pool in configuration order, wrapping round.
///
/// Each subnet remembers the last address picked, and each pool its own cursor. A fresh server (or a cursor
/// outside every pool, after a reload) starts at the first address of the first pool the client may use. The
/// cursor advances on DISCOVER too (Kea's "fake allocation" picks the same way), so two clients discovering at
/// once are offered different addresses. It is *not* "lowest free address": an address released behind the
/// cursor is handed out again only when the cursor wraps round (or when a client asks for it in option 50).
/// Cursors are not persisted; Kea's are not either.
struct IterativeAllocator: Sendable {
    private struct PoolKey: Hashable {
        var subnetID: UInt32
        var first: IPv4Address
    }

    /// A pool's cursor: Kea's `Pool::last_allocated_` and `last_allocated_valid_`.
    private struct Cursor {
        var last: IPv4Address
        var valid: Bool
    }

    private var subnetLast: [UInt32: IPv4Address] = [:]
    private var pools: [PoolKey: Cursor] = [:]

    /// The next candidate in the pools `admits` accepts, or `nil` when it accepts none.
    mutating func pick(in subnet: KeaSubnet, admits: (KeaPool) -> Bool) -> IPv4Address? {
        // Pools read in place (no arrays of ranges and admissions built per pick: this runs per DISCOVER).
        let subnetPools = subnet.pools
        let ranges = subnetPools.lazy.map(\.range)
        func allowed(_ index: Int) -> Bool { admits(subnetPools[index]) }
        let last = subnetLast[subnet.id] ?? .any
        guard let first = subnetPools.indices.first(where: allowed) else { return nil }
        var index = subnetPools.indices.first { allowed($0) && ranges[$0].contains(last) } ?? first
        var retrying = false
        while true {
            if retrying {
                while index < ranges.count && !allowed(index) { index += 1 }
                if index == ranges.count { break }
            }
            let range = ranges[index]
            let key = PoolKey(subnetID: subnet.id, first: range.first)
            var cursor = pools[key] ?? Cursor(last: range.first, valid: false)
            if !cursor.valid && cursor.last == range.first {
                // A pool not used yet (or rewound): its first address.
                pools[key] = Cursor(last: range.first, valid: true)
                subnetLast[subnet.id] = range.first
                return range.first
            }
            if cursor.valid && !range.contains(cursor.last) { cursor = Cursor(last: range.first, valid: false) }
            if cursor.valid, cursor.last.rawValue < UInt32.max {
                let next = IPv4Address(rawValue: cursor.last.rawValue + 1)
                if range.contains(next) {
                    pools[key] = Cursor(last: next, valid: true)
                    subnetLast[subnet.id] = next
                    return next
                }
            }
            pools[key] = Cursor(last: cursor.last, valid: false)
            index += 1
            retrying = true
        }
        // Past the last pool: rewind every allowed pool and start again at the first one.
        for index in first..<ranges.count where allowed(index) {
            pools[PoolKey(subnetID: subnet.id, first: ranges[index].first)] = Cursor(
                last: ranges[index].first, valid: false)
        }
        let start = ranges[first].first
        pools[PoolKey(subnetID: subnet.id, first: start)] = Cursor(last: start, valid: true)
        subnetLast[subnet.id] = start
        return start
    }
}
