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
    /// Where those of ``classes`` that are configured sit in `client-classes`, in the same order (built-in
    /// classes such as `ALL` and `UNKNOWN` have no entry): what options, boot fields and lifetimes read.
    var classIndices: [Int]

    /// Whether the client may use `pool` (a pool with `client-class` admits only members).
    func admits(_ pool: KeaPool) -> Bool { pool.clientClass.map(classes.contains) ?? true }

    /// The address the host reservation fixes, if any.
    var reservedAddress: IPv4Address? { host?.ipAddress }
}

extension LeaseEngine {
    /// Builds the context, or says why the packet is dropped.
    func context(for packet: DHCPMessage, from source: PacketSource) throws(DropReason) -> ClientContext {
        guard ClientIdentity.isIdentifiable(packet) else { throw .noClientIdentity }
        let classes = classifier.classify(packet)
        guard let subnet = selectSubnet(for: packet, from: source, classes: classes) else { throw .noSubnet }
        guard
            let identity = ClientIdentity(packet, matchClientID: subnet.matchClientID ?? configuration.matchClientID)
        else { throw .noClientIdentity }
        let host = reservations.reservation(for: identity, in: subnet, configuration: configuration)
        let finished = classifier.finish(classes, packet: packet, host: host)
        var indices: [Int] = []
        let configured = configuration.clientClasses
        if !configured.isEmpty {
            for name in finished {
                if let index = configured.firstIndex(where: { $0.name == name }) { indices.append(index) }
            }
        }
        return ClientContext(
            identity: identity, subnet: subnet, host: host, classes: finished, classIndices: indices)
    }

    /// Kea's `CfgSubnets4::selectSubnet`: RFC 3527 link selection, then the relay (`giaddr` listed in a subnet's
    /// `relay.ip-addresses`, else the subnet containing `giaddr`, RFC 2131 §4.3.1), then `ciaddr`, then the
    /// source address, then the receiving interface (a subnet naming it in `interface`, the subnet holding our
    /// address, or the only subnet). A subnet with a `client-class` admits only members.
    func selectSubnet(for packet: DHCPMessage, from source: PacketSource, classes: [String]) -> KeaSubnet? {
        let subnets = configuration.subnets
        // The candidates are the subnets the classes admit; searched in place (no filtered copy per packet).
        func admitted(_ subnet: KeaSubnet) -> Bool { subnet.clientClass.map(classes.contains) ?? true }
        func first(where matches: (KeaSubnet) -> Bool) -> KeaSubnet? {
            subnets.firstIndex { admitted($0) && matches($0) }.map { subnets[$0] }
        }
        func containing(_ address: IPv4Address) -> KeaSubnet? { first { $0.prefix.contains(address) } }

        if packet.option(DHCPOptionCode.relayAgentInformation) != nil,
            let link = packet.relayAgentInformation?.linkSelection
        {
            return containing(link)
        }
        if packet.giaddr != .any {
            if let relayed = first(where: { $0.relayAddresses.contains(packet.giaddr) }) { return relayed }
            return containing(packet.giaddr)
        }
        if packet.ciaddr != .any { return containing(packet.ciaddr) }
        if source.address != .any && source.address != .broadcast { return containing(source.address) }
        if let named = first(where: { $0.interface == source.interface }) { return named }
        if let local = containing(serverAddress) { return local }
        var only: Int?
        for index in subnets.indices where admitted(subnets[index]) {
            guard only == nil else { return nil }
            only = index
        }
        return only.map { subnets[$0] }
    }

    /// Whether `address` lies in any pool of any subnet: a RENEWING client asking for such an address gets a
    /// NAK when it cannot have it; for any other address the server stays silent (notes/kea-dhcp.md §5).
    func isInOurPools(_ address: IPv4Address) -> Bool {
        configuration.subnets.contains { subnet in subnet.pools.contains { $0.range.contains(address) } }
    }
}
