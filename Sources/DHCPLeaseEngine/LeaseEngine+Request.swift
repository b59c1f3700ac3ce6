import DHCPCodec
import DHCPLeases

extension LeaseEngine {
    /// DHCPREQUEST (RFC 2131 §4.3.2) → persisted lease, then DHCPACK; or DHCPNAK; or silence.
    ///
    /// - SELECTING (54 and 50): 54 must be ours, else the client chose another server: drop, forget the offer.
    /// - INIT-REBOOT (50, no 54): a client without a lease here gets silence, or a NAK when `authoritative`; a
    ///   known client asking for another address than its lease gets a NAK.
    /// - RENEWING/REBINDING (`ciaddr`, no 50): the lease is extended; when it cannot be, a NAK only if the address
    ///   is in one of our pools, silence otherwise (it is another server's business).
    /// - Neither 50 nor `ciaddr` (Kea's deviation): allocated as for a DISCOVER, and ACKed.
    mutating func request(_ packet: DHCPMessage, from source: PacketSource, now: Int64) -> [Action] {
        let serverID = packet.option(DHCPOptionCode.serverIdentifier).map { IPv4Address(octets: $0.value) ?? .any }
        if let serverID, !isOurs(serverID) {
            forgetOffer(of: packet)
            return [.drop(reason: .otherServer)]
        }
        let context: ClientContext
        do { context = try self.context(for: packet, from: source) } catch { return [.drop(reason: error)] }
        let requestedOption = packet.requestedIPAddress
        let clientLease = table.lease(of: context.identity, inSubnet: context.subnet.id)

        if serverID == nil, let requested = requestedOption {
            // INIT-REBOOT (RFC 2131 §4.3.2), as Kea's `assignLease` judges it.
            let authoritative = context.subnet.authoritative ?? configuration.authoritative
            guard clientLease != nil || authoritative else { return [.drop(reason: .unknownClientInitReboot)] }
            if clientLease?.address != requested { return nak(packet, context, from: source) }
        }

        let requested = requestedOption ?? (packet.ciaddr != .any ? packet.ciaddr : nil)
        guard let address = addressToAssign(context, requested: requested, now: now) else {
            if requestedOption == nil, packet.ciaddr != .any, !isInOurPools(packet.ciaddr) {
                return [.drop(reason: .notOurAddress)]
            }
            return nak(packet, context, from: source)
        }

        let times = grantedTimes(context, requested: packet.leaseTime)
        let lease = Lease(
            address: address, hardwareAddress: packet.chaddr, clientID: context.identity.clientIDBytes ?? [],
            validLifetime: times.valid, expire: now + Int64(times.valid), subnetID: context.subnet.id,
            hostname: context.host?.hostname ?? "")
        var rows: [Lease] = []
        // A client moved to another address gives up its old lease (Kea deletes `old_lease_`).
        if let old = clientLease, old.address != address {
            rows.append(old.deletion)
            table.remove(old.address)
        }
        rows.append(lease)
        table.insert(lease)
        offers[context.identity.offerKey] = nil

        var ack = leaseReply(.ack, to: packet, context, address: address, times: times)
        let destination = destination(of: &ack, for: packet, from: source)
        return [.persist(rows), .send(ack, to: destination)]
    }

    /// A DHCPNAK: 53, 54 and the echoes only; `yiaddr` 0 (RFC 2131 §4.3.2, table 3).
    func nak(_ packet: DHCPMessage, _ context: ClientContext, from source: PacketSource) -> [Action] {
        let address = packet.requestedIPAddress ?? packet.ciaddr
        var reply = replySkeleton(
            to: packet, type: .nak, serverIdentifier: serverIdentifier(context, address: address))
        appendEchoes(to: &reply, from: packet)
        let destination = destination(of: &reply, for: packet, from: source)
        return [.send(reply, to: destination)]
    }

    /// Forgets what was offered to the sender of `packet`, under either identity (with or without option 61).
    mutating func forgetOffer(of packet: DHCPMessage) {
        for match in [true, false] {
            if let identity = ClientIdentity(packet, matchClientID: match) { offers[identity.offerKey] = nil }
        }
    }
}
