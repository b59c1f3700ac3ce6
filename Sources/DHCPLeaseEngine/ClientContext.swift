import DHCPCodec
import KeaConfig

/// What the engine knows about the client of one packet: Kea's `ClientContext4`.
struct ClientContext: Sendable {
    var identity: ClientIdentity
    var subnet: KeaSubnet
    /// The host reservation, if any.
    var host: KeaReservation?
    /// Client classes, in the order they were assigned.
    var classes: [String]

    /// Whether the client may use `pool` (a pool with `client-class` admits only members).
    func admits(_ pool: KeaPool) -> Bool { pool.clientClass.map(classes.contains) ?? true }

    /// The address the host reservation fixes, if any.
    var reservedAddress: IPv4Address? { host?.ipAddress }
}

extension LeaseEngine {
    /// Builds the context, or says why the packet is dropped.
    func context(for packet: DHCPMessage, from source: PacketSource) throws(DropReason) -> ClientContext {
        guard ClientIdentity(packet, matchClientID: false) != nil else { throw .noClientIdentity }
        let classes = classifier.classify(packet)
        guard let subnet = selectSubnet(for: packet, from: source, classes: classes) else { throw .noSubnet }
        guard
            let identity = ClientIdentity(packet, matchClientID: subnet.matchClientID ?? configuration.matchClientID)
        else { throw .noClientIdentity }
        let host = reservations.reservation(for: identity, in: subnet, configuration: configuration)
        return ClientContext(
            identity: identity, subnet: subnet, host: host,
            classes: classifier.finish(classes, packet: packet, host: host))
    }

    /// Kea's `CfgSubnets4::selectSubnet`: RFC 3527 link selection, then the relay (`giaddr` listed in a subnet's
    /// `relay.ip-addresses`, else the subnet containing `giaddr`, RFC 2131 §4.3.1), then `ciaddr`, then the
    /// source address, then the receiving interface (a subnet naming it in `interface`, the subnet holding our
    /// address, or the only subnet). A subnet with a `client-class` admits only members.
    func selectSubnet(for packet: DHCPMessage, from source: PacketSource, classes: [String]) -> KeaSubnet? {
        let candidates = configuration.subnets.filter { subnet in subnet.clientClass.map(classes.contains) ?? true }
        func containing(_ address: IPv4Address) -> KeaSubnet? { candidates.first { $0.prefix.contains(address) } }

        if let link = packet.relayAgentInformation?.linkSelection { return containing(link) }
        if packet.giaddr != .any {
            if let relayed = candidates.first(where: { $0.relayAddresses.contains(packet.giaddr) }) { return relayed }
            return containing(packet.giaddr)
        }
        if packet.ciaddr != .any { return containing(packet.ciaddr) }
        if source.address != .any && source.address != .broadcast { return containing(source.address) }
        if let named = candidates.first(where: { $0.interface == source.interface }) { return named }
        if let local = containing(serverAddress) { return local }
        return candidates.count == 1 ? candidates.first : nil
    }

    /// Whether `address` lies in any pool of any subnet: a RENEWING client asking for such an address gets a
    /// NAK when it cannot have it; for any other address the server stays silent (notes/kea-dhcp.md §5).
    func isInOurPools(_ address: IPv4Address) -> Bool {
        configuration.subnets.contains { subnet in subnet.pools.contains { $0.range.contains(address) } }
    }
}
