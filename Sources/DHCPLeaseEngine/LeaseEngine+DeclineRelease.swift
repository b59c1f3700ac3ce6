import DHCPCodec
import DHCPLeases

extension LeaseEngine {
    /// DHCPDECLINE (RFC 2131 §4.3.3): the client found the address in use. The lease loses its owner and is
    /// held in state declined for `decline-probation-period` (Kea's `Lease4::decline`); no reply. Kea accepts a
    /// DECLINE without option 54 (a deviation from §4.4.4), but not one naming another server.
    mutating func decline(_ packet: DHCPMessage, now: Int64) -> [Action] {
        if let serverID = packet.serverIdentifier, !isOurs(serverID) { return [.drop(reason: .otherServer)] }
        guard let address = packet.requestedIPAddress else { return [.drop(reason: .noRequestedAddress)] }
        guard var lease = table[address] else { return [.drop(reason: .noLease)] }
        guard let client = identity(of: packet, forLeaseIn: lease.subnetID) else {
            return [.drop(reason: .noClientIdentity)]
        }
        guard lease.belongs(to: client) else { return [.drop(reason: .leaseOfAnotherClient)] }
        let probation = configuration.declineProbationPeriod
        lease.hardwareAddress = []
        lease.clientID = []
        lease.hostname = ""
        lease.fqdnForward = false
        lease.fqdnReverse = false
        lease.state = .declined
        lease.validLifetime = probation
        lease.expire = now + Int64(probation)
        table.insert(lease)
        return [.persist([lease])]
    }

    /// DHCPRELEASE (RFC 2131 §4.3.4): the lease for `ciaddr`, if the sender's, is deleted (memfile writes it
    /// again with lifetime 0); no reply. Kea accepts a RELEASE without option 54.
    mutating func release(_ packet: DHCPMessage) -> [Action] {
        if let serverID = packet.serverIdentifier, !isOurs(serverID) { return [.drop(reason: .otherServer)] }
        guard let lease = table[packet.ciaddr] else { return [.drop(reason: .noLease)] }
        guard let client = identity(of: packet, forLeaseIn: lease.subnetID) else {
            return [.drop(reason: .noClientIdentity)]
        }
        guard lease.belongs(to: client) else { return [.drop(reason: .leaseOfAnotherClient)] }
        table.remove(lease.address)
        return [.persist([lease.deletion])]
    }

    /// The sender's identity under the `match-client-id` of the lease's subnet.
    func identity(of packet: DHCPMessage, forLeaseIn subnetID: UInt32) -> ClientIdentity? {
        let match = configuration.subnet(id: subnetID)?.matchClientID ?? configuration.matchClientID
        return ClientIdentity(packet, matchClientID: match)
    }
}
