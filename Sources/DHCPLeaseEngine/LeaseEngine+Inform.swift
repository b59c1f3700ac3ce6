import DHCPCodec

extension LeaseEngine {
    /// DHCPINFORM (RFC 2131 §4.3.5): a client with an address wants only configuration. DHCPACK with the
    /// configured options, `ciaddr` repeated, no `yiaddr` and no lease time; to `ciaddr` (Kea's
    /// `processInform`).
    func inform(_ packet: DHCPMessage, from source: PacketSource) -> [Action] {
        if let serverID = packet.serverIdentifier, !isOurs(serverID) { return [.drop(reason: .otherServer)] }
        let context: ClientContext
        do { context = try self.context(for: packet, from: source) } catch { return [.drop(reason: error)] }
        let configured = configuredOptions(context, address: packet.ciaddr)
        var reply = replySkeleton(
            to: packet, type: .ack, serverIdentifier: configured.serverIdentifier ?? serverAddress)
        appendConfiguredOptions(to: &reply, for: packet, configured)
        appendEchoes(to: &reply, from: packet)
        setBootFields(of: &reply, context)
        let destination = destination(of: &reply, for: packet, from: source)
        return [.send(reply, to: destination)]
    }
}
