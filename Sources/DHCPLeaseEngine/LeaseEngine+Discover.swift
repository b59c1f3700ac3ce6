import DHCPCodec
import DHCPLeases

extension LeaseEngine {
    /// DHCPDISCOVER → DHCPOFFER (RFC 2131 §4.3.1). Nothing is persisted (Kea's "fake allocation"); the offer is
    /// remembered so a retransmitted DISCOVER, or the REQUEST, gets the same address.
    mutating func discover(_ packet: DHCPMessage, from source: PacketSource, now: Int64) -> [Action] {
        // RFC 2131 §4.4.1 leaves 54 out of a DISCOVER; Kea's sanity check (FORBIDDEN) drops one that has it.
        guard packet.option(DHCPOptionCode.serverIdentifier) == nil else {
            return [.drop(reason: .discoverWithServerIdentifier)]
        }
        let context: ClientContext
        do { context = try self.context(for: packet, from: source) } catch { return [.drop(reason: error)] }
        let offered = offers[context.identity.offerKey].flatMap { $0.subnetID == context.subnet.id ? $0.address : nil }
        guard let address = addressToOffer(context, hint: packet.requestedIPAddress ?? offered, now: now) else {
            return [.drop(reason: .noAddressAvailable)]
        }
        remember(Offer(address: address, subnetID: context.subnet.id, time: now), for: context.identity)
        let times = grantedTimes(context, requested: packet.leaseTime)
        var offer = leaseReply(.offer, to: packet, context, address: address, times: times)
        let destination = destination(of: &offer, for: packet, from: source)
        return [.send(offer, to: destination)]
    }

    /// An OFFER or ACK carrying a lease (Kea's `assignLease` then `appendRequestedOptions`): `yiaddr`, 51,
    /// 58/59 when due, 1 from the subnet prefix, 12 from the reservation, the configured options, the echoes,
    /// and the boot fields. An ACK also repeats the client's `ciaddr`.
    func leaseReply(
        _ type: DHCPMessageType, to packet: DHCPMessage, _ context: ClientContext, address: IPv4Address,
        times: GrantedTimes
    ) -> DHCPMessage {
        let configured = configuredOptions(context, address: address)
        var reply = replySkeleton(
            to: packet, type: type, serverIdentifier: configured.serverIdentifier ?? serverAddress)
        reply.yiaddr = address
        if type == .ack { reply.ciaddr = packet.ciaddr }
        reply.setOption(.leaseTime(times.valid))
        if let renewal = times.renewal { reply.setOption(.renewalTime(renewal)) }
        if let rebinding = times.rebinding { reply.setOption(.rebindingTime(rebinding)) }
        reply.setOption(.subnetMask(context.subnet.prefix.mask))
        if let hostname = context.host?.hostname, !hostname.isEmpty { reply.setOption(.hostName(hostname)) }
        appendConfiguredOptions(to: &reply, for: packet, configured)
        appendEchoes(to: &reply, from: packet)
        setBootFields(of: &reply, context)
        return reply
    }
}
