import DHCPCodec
import DHCPLeases
import KeaConfig

// Address choice, as Kea 2.2's `AllocEngine::discoverLease4` and `requestLease4` make it.
extension LeaseEngine {
    /// Whether `address` is in a pool of the context's subnet that admits the client (Kea's `inAllowedPool`).
    func isInAllowedPool(_ address: IPv4Address, _ context: ClientContext) -> Bool {
        context.subnet.pools.contains { $0.range.contains(address) && context.admits($0) }
    }

    func isReservedForAnother(_ address: IPv4Address, _ context: ClientContext) -> Bool {
        reservations.isReserved(address, in: context.subnet.id, forOtherThan: context.host)
    }

    /// Nobody else holds `address` at `now` (see ``Lease/isAvailable(to:at:)``).
    func isFree(_ address: IPv4Address, for context: ClientContext, at now: Int64) -> Bool {
        table[address]?.isAvailable(to: context.identity, at: now) ?? true
    }

    /// The address to offer a DISCOVERing client, in Kea's order: its reserved address, its current lease (if
    /// still in a pool it may use), the address it asks for (option 50, or the address offered last time), then
    /// the iterative allocator's next free address. `nil` when the pools are exhausted: Kea then sends nothing.
    mutating func addressToOffer(_ context: ClientContext, hint: IPv4Address?, now: Int64) -> IPv4Address? {
        if let reserved = context.reservedAddress, context.subnet.prefix.contains(reserved),
            isFree(reserved, for: context, at: now)
        {
            return reserved
        }
        if let lease = table.lease(of: context.identity, inSubnet: context.subnet.id),
            isInAllowedPool(lease.address, context), !isReservedForAnother(lease.address, context)
        {
            return lease.address
        }
        if let hint, isInAllowedPool(hint, context), !isReservedForAnother(hint, context),
            isFree(hint, for: context, at: now)
        {
            return hint
        }
        return allocateUnreserved(context, now: now)
    }

    /// The address to ACK for a REQUEST, or `nil` for a NAK (Kea's `requestLease4`).
    ///
    /// With an address asked for (option 50, else `ciaddr`) that address or nothing: not if it is reserved for
    /// another host, not if the client has a reservation for a different one (the NAK sends it back to
    /// DISCOVER, where it gets its reserved address), not if another client holds it, not outside the pools the
    /// client may use (unless reserved for it). Without one (a Kea deviation from RFC 2131 §4.3.2, which has no
    /// such state) the server allocates as for a DISCOVER, preferring what it offered.
    mutating func addressToAssign(_ context: ClientContext, requested: IPv4Address?, now: Int64) -> IPv4Address? {
        guard let requested else {
            let offered = offers[context.identity.offerKey].flatMap {
                $0.subnetID == context.subnet.id ? $0.address : nil
            }
            return addressToOffer(context, hint: offered, now: now)
        }
        if isReservedForAnother(requested, context) { return nil }
        if let reserved = context.reservedAddress, reserved != requested { return nil }
        if !isFree(requested, for: context, at: now) { return nil }
        if context.reservedAddress != requested && !isInAllowedPool(requested, context) { return nil }
        return requested
    }

    /// Kea's `allocateUnreservedLease4`: ask the iterative allocator for candidates, at most as many times as
    /// the admitted pools hold addresses, skipping addresses reserved for others and addresses in use.
    mutating func allocateUnreserved(_ context: ClientContext, now: Int64) -> IPv4Address? {
        // The classes alone decide admission: captured instead of the whole context (no copy per call).
        let classes = context.classes
        let admits = { (pool: KeaPool) in pool.clientClass.map(classes.contains) ?? true }
        var capacity: UInt64 = 0
        for pool in context.subnet.pools where admits(pool) { capacity += pool.range.count }
        var attempts: UInt64 = 0
        while attempts < capacity {
            attempts += 1
            guard let candidate = allocator.pick(in: context.subnet, admits: admits) else { return nil }
            if !isReservedForAnother(candidate, context) && isFree(candidate, for: context, at: now) {
                return candidate
            }
        }
        return nil
    }
}
