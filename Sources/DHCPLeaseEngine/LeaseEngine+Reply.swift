import DHCPCodec
import KeaConfig

extension LeaseEngine {
    /// Options Kea adds whenever they are configured, asked for or not (`Dhcpv4Srv::appendBasicOptions`):
    /// routers, domain name servers, domain name.
    static let basicOptions: Set<UInt8> = [
        DHCPOptionCode.routers, DHCPOptionCode.domainNameServers, DHCPOptionCode.domainName,
    ]

    /// A BOOTREPLY skeleton (Kea's `Dhcpv4Exchange::copyDefaultFields`): same `xid`, `flags`, `hops`,
    /// `giaddr`, `htype`, `chaddr`; `ciaddr` only for an INFORM; option 61 echoed when `echo-client-id` is true
    /// (RFC 6842 §3), option 82 echoed verbatim (RFC 3046 §2.2).
    func replySkeleton(to packet: DHCPMessage, type: DHCPMessageType, serverIdentifier: IPv4Address) -> DHCPMessage {
        var reply = DHCPMessage(
            op: .reply, htype: packet.htype, hops: packet.hops, xid: packet.xid, flags: packet.flags,
            ciaddr: type == .ack && packet.messageType == .inform ? packet.ciaddr : .any, giaddr: packet.giaddr,
            chaddr: packet.chaddr)
        reply.setOption(.messageType(type))
        reply.setOption(.serverIdentifier(serverIdentifier))
        return reply
    }

    /// Appends the echoed options last: 61 (when `echo-client-id`) and 82.
    func appendEchoes(to reply: inout DHCPMessage, from packet: DHCPMessage) {
        if configuration.echoClientID, let clientID = packet.option(DHCPOptionCode.clientIdentifier) {
            reply.setOption(clientID)
        }
        if let relay = packet.option(DHCPOptionCode.relayAgentInformation) { reply.setOption(relay) }
    }

    /// The configured `option-data` that applies, most specific first: host, pool (the one holding `address`),
    /// subnet, client classes in order, global (Kea's `Dhcpv4Srv::buildCfgOptionList`).
    func optionLevels(_ context: ClientContext, address: IPv4Address) -> [[KeaOptionData]] {
        var levels: [[KeaOptionData]] = []
        if let host = context.host { levels.append(host.options) }
        if let pool = context.subnet.pools.first(where: { $0.range.contains(address) }) { levels.append(pool.options) }
        levels.append(context.subnet.options)
        for name in context.classes {
            if let options = configuration.clientClass(named: name)?.options { levels.append(options) }
        }
        levels.append(configuration.options)
        return levels
    }

    /// Option 54 as configured (`dhcp-server-identifier` in `option-data`), else our address.
    func serverIdentifier(_ context: ClientContext, address: IPv4Address) -> IPv4Address {
        for level in optionLevels(context, address: address) {
            if let option = level.first(where: { $0.code == DHCPOptionCode.serverIdentifier && $0.space == "dhcp4" }),
                let configured = IPv4Address(octets: option.data)
            {
                return configured
            }
        }
        return serverAddress
    }

    /// Adds the configured options the client gets: each code at its most specific level, sent if asked for in
    /// option 55 (in the order asked), if `always-send`, or if basic (3, 6, 15); never a code already in the
    /// reply (51, 54, 58, 59, 1 and 12 are the server's own).
    func appendConfiguredOptions(
        to reply: inout DHCPMessage, for packet: DHCPMessage, _ context: ClientContext, address: IPv4Address
    ) {
        var chosen: [UInt8: KeaOptionData] = [:]
        var order: [UInt8] = []
        for level in optionLevels(context, address: address) {
            for option in level where option.space == "dhcp4" && chosen[option.code] == nil {
                chosen[option.code] = option
                order.append(option.code)
            }
        }
        let requested = packet.parameterRequestList ?? []
        var codes = requested.filter { chosen[$0] != nil }
        for code in order where !codes.contains(code) {
            if let option = chosen[code], option.alwaysSend || Self.basicOptions.contains(code) { codes.append(code) }
        }
        for code in codes where reply.option(code) == nil {
            if let option = chosen[code] { reply.setOption(DHCPOption(code: code, value: option.data)) }
        }
    }

    /// `siaddr`, `sname`, `file` (RFC 2131 §2) from `next-server`, `server-hostname`, `boot-file-name`: the
    /// subnet's (inheriting the global), overridden by the first client class setting each, overridden by the
    /// host reservation (Kea's `Dhcpv4Srv::setFixedFields`).
    func setBootFields(of reply: inout DHCPMessage, _ context: ClientContext) {
        var fields = KeaBootFields(
            nextServer: context.subnet.bootFields.nextServer ?? configuration.bootFields.nextServer,
            serverHostname: context.subnet.bootFields.serverHostname ?? configuration.bootFields.serverHostname,
            bootFileName: context.subnet.bootFields.bootFileName ?? configuration.bootFields.bootFileName)
        var fromClasses = KeaBootFields()
        for name in context.classes {
            guard let boot = configuration.clientClass(named: name)?.bootFields else { continue }
            fromClasses.nextServer = fromClasses.nextServer ?? boot.nextServer
            fromClasses.serverHostname = fromClasses.serverHostname ?? boot.serverHostname
            fromClasses.bootFileName = fromClasses.bootFileName ?? boot.bootFileName
        }
        for layer in [fromClasses, context.host?.bootFields ?? KeaBootFields()] {
            fields.nextServer = layer.nextServer ?? fields.nextServer
            fields.serverHostname = layer.serverHostname ?? fields.serverHostname
            fields.bootFileName = layer.bootFileName ?? fields.bootFileName
        }
        reply.siaddr = fields.nextServer ?? .any
        reply.sname = Array((fields.serverHostname ?? "").utf8.prefix(63))
        reply.file = Array((fields.bootFileName ?? "").utf8.prefix(127))
    }

    /// Where a reply goes (RFC 2131 §4.1), as Kea's `Dhcpv4Srv::adjustRemoteAddr` decides:
    /// - an INFORM: to `ciaddr`; else via the relay (broadcast flag set); else to the source address;
    /// - relayed (`giaddr` set): to the relay's server port, 67;
    /// - `ciaddr` set (RENEWING, REBINDING): unicast to `ciaddr`:68, a NAK included;
    /// - a NAK: broadcast;
    /// - the BROADCAST flag, or `dhcp-socket-type: udp` (no raw socket, so no unicast to an address the client
    ///   does not have yet): broadcast;
    /// - otherwise unicast to `yiaddr`, by the client's hardware address.
    func destination(of reply: inout DHCPMessage, for packet: DHCPMessage, from source: PacketSource) -> Destination {
        let type = reply.messageType
        if packet.messageType == .inform {
            if packet.ciaddr != .any { return Destination(address: packet.ciaddr, port: 68) }
            if packet.giaddr != .any {
                reply.isBroadcast = true
                return Destination(address: packet.giaddr, port: 67)
            }
            if source.address != .any { return Destination(address: source.address, port: 68) }
            return .broadcastToClients
        }
        if packet.giaddr != .any {
            // RFC 2131 §4.3.2: a NAK through a relay carries the BROADCAST bit, so the relay broadcasts it.
            if type == .nak { reply.isBroadcast = true }
            return Destination(address: packet.giaddr, port: 67)
        }
        if packet.ciaddr != .any { return Destination(address: packet.ciaddr, port: 68) }
        if type == .nak { return .broadcastToClients }
        if reply.yiaddr != .any {
            if packet.isBroadcast || configuration.interfaces.socketType == .udp { return .broadcastToClients }
            return Destination(address: reply.yiaddr, port: 68, hardwareAddress: packet.chaddr)
        }
        return source.address == .any ? .broadcastToClients : Destination(address: source.address, port: 68)
    }
}
