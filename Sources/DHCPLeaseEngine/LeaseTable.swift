import DHCPCodec
import DHCPLeases

/// The leases by address, indexed by hardware address and client identifier (Kea's memfile keeps the same
/// indexes: `getLease4(hwaddr)`, `getLease4(clientid)`), so a client's lease is found without a scan.
struct LeaseTable: Sendable {
    private(set) var byAddress: [IPv4Address: Lease] = [:]
    private var byHardwareAddress: [[UInt8]: Set<IPv4Address>] = [:]
    private var byClientID: [[UInt8]: Set<IPv4Address>] = [:]

    init(_ leases: [IPv4Address: Lease]) {
        for lease in leases.values where !lease.isDeletion { insert(lease) }
    }

    subscript(address: IPv4Address) -> Lease? { byAddress[address] }

    /// Adds or replaces the lease for its address.
    mutating func insert(_ lease: Lease) {
        remove(lease.address)
        byAddress[lease.address] = lease
        if !lease.hardwareAddress.isEmpty {
            byHardwareAddress[lease.hardwareAddress, default: []].insert(lease.address)
        }
        if !lease.clientID.isEmpty { byClientID[lease.clientID, default: []].insert(lease.address) }
    }

    mutating func remove(_ address: IPv4Address) {
        guard let old = byAddress.removeValue(forKey: address) else { return }
        byHardwareAddress[old.hardwareAddress]?.remove(address)
        if byHardwareAddress[old.hardwareAddress]?.isEmpty == true { byHardwareAddress[old.hardwareAddress] = nil }
        byClientID[old.clientID]?.remove(address)
        if byClientID[old.clientID]?.isEmpty == true { byClientID[old.clientID] = nil }
    }

    /// The client's lease in `subnetID`: by client identifier first, then by hardware address, and only if
    /// ``Lease/belongs(to:)`` agrees (Kea's `AllocEngine::findClientLease` and `Lease4::belongsToClient`).
    func lease(of client: ClientIdentity, inSubnet subnetID: UInt32) -> Lease? {
        if let clientID = client.clientIDBytes, let addresses = byClientID[clientID] {
            if let lease = lowest(addresses, subnetID: subnetID, client: client) { return lease }
        }
        if let addresses = byHardwareAddress[client.hardwareAddress] {
            return lowest(addresses, subnetID: subnetID, client: client)
        }
        return nil
    }

    private func lowest(_ addresses: Set<IPv4Address>, subnetID: UInt32, client: ClientIdentity) -> Lease? {
        addresses.sorted().lazy.compactMap { byAddress[$0] }.first {
            $0.subnetID == subnetID && $0.belongs(to: client)
        }
    }
}

extension Lease {
    /// Kea's `Lease4::belongsToClient`: the client identifiers decide when both sides have one; otherwise the
    /// hardware addresses do.
    func belongs(to client: ClientIdentity) -> Bool {
        if let clientID = client.clientIDBytes, !self.clientID.isEmpty {
            return clientID == self.clientID
        }
        return !hardwareAddress.isEmpty && hardwareAddress == client.hardwareAddress
    }

    /// Whether the address may be handed to `client` at `now`: nobody holds it, the holder's lease has expired
    /// (Kea reuses expired leases on the spot), or it is the client's own. A declined address is held by nobody
    /// but stays unusable until its probation ends (its `expire`).
    func isAvailable(to client: ClientIdentity, at now: Int64) -> Bool {
        if isExpired(at: now) { return true }
        if state == .declined { return false }
        return belongs(to: client)
    }
}
