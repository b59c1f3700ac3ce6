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
        reply.options.reserveCapacity(16)  // a lease reply has about a dozen: no regrowth while it is built
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

    /// Calls `body` with each level of configured `option-data` that applies, most specific first: host, pool
    /// (the one holding `address`), subnet, client classes in order, global (Kea's
    /// `Dhcpv4Srv::buildCfgOptionList`). A closure rather than an array of levels: this runs for every reply.
    func forEachOptionLevel(
        _ context: ClientContext, address: IPv4Address, _ body: ([KeaOptionData]) -> Void
    ) {
        if let host = context.host { body(host.options) }
        let pools = context.subnet.pools
        if let pool = pools.firstIndex(where: { $0.range.contains(address) }) { body(pools[pool].options) }
        body(context.subnet.options)
        for index in context.classIndices { body(configuration.clientClasses[index].options) }
        body(configuration.options)
    }

    /// The configured `option-data` that applies, most specific first (see ``forEachOptionLevel(_:address:_:)``).
    func optionLevels(_ context: ClientContext, address: IPv4Address) -> [[KeaOptionData]] {
        var levels: [[KeaOptionData]] = []
        forEachOptionLevel(context, address: address) { levels.append($0) }
        return levels
    }

    /// Option 54 as configured (`dhcp-server-identifier` in `option-data`), else our address.
    func serverIdentifier(_ context: ClientContext, address: IPv4Address) -> IPv4Address {
        var configured: IPv4Address?
        forEachOptionLevel(context, address: address) { level in
            guard configured == nil else { return }
            configured = Self.configuredServerIdentifier(in: level)
        }
        return configured ?? serverAddress
    }

    /// A valid option 54 of the `dhcp4` space at this level, if any.
    private static func configuredServerIdentifier(in level: [KeaOptionData]) -> IPv4Address? {
        guard
            let option = level.first(where: { $0.code == DHCPOptionCode.serverIdentifier && $0.space == "dhcp4" })
        else { return nil }
        return IPv4Address(octets: option.data)
    }

    /// The configured options that apply to a reply, each code at its most specific level, in the order the
    /// levels list them, with the server identifier they configure (if any).
    struct ConfiguredOptions {
        var options: [(code: UInt8, data: [UInt8], alwaysSend: Bool)] = []
        var codes = OptionCodeSet()
        var serverIdentifier: IPv4Address?
    }

    /// One pass over the option levels: what ``serverIdentifier(_:address:)`` and
    /// ``appendConfiguredOptions(to:for:_:_:)`` need.
    func configuredOptions(_ context: ClientContext, address: IPv4Address) -> ConfiguredOptions {
        var result = ConfiguredOptions()
        forEachOptionLevel(context, address: address) { level in
            for option in level where !result.codes.contains(option.code) && option.space == "dhcp4" {
                result.codes.insert(option.code)
                result.options.append((option.code, option.data, option.alwaysSend))
            }
            if result.serverIdentifier == nil { result.serverIdentifier = Self.configuredServerIdentifier(in: level) }
        }
        return result
    }

    /// Adds the configured options the client gets: each code at its most specific level, sent if asked for in
    /// option 55 (in the order asked), if `always-send`, or if basic (3, 6, 15); never a code already in the
    /// reply (51, 54, 58, 59, 1 and 12 are the server's own).
    func appendConfiguredOptions(
        to reply: inout DHCPMessage, for packet: DHCPMessage, _ configured: ConfiguredOptions
    ) {
        var present = OptionCodeSet()
        for option in reply.options { present.insert(option.code) }
        func add(_ code: UInt8) {
            guard !present.contains(code),
                let option = configured.options.first(where: { $0.code == code })
            else { return }
            present.insert(code)
            reply.options.append(DHCPOption(code: code, value: option.data))
        }
        // Option 55 as sent (an empty one is malformed, and ignored).
        var requested = OptionCodeSet()
        if let list = packet.option(DHCPOptionCode.parameterRequestList)?.value {
            for code in list where configured.codes.contains(code) && !requested.contains(code) {
                requested.insert(code)
                add(code)
            }
        }
        for option in configured.options where !requested.contains(option.code) {
            if option.alwaysSend || Self.basicOptions.contains(option.code) { add(option.code) }
        }
    }

    /// ``appendConfiguredOptions(to:for:_:)`` with the options resolved for `context` and `address`.
    func appendConfiguredOptions(
        to reply: inout DHCPMessage, for packet: DHCPMessage, _ context: ClientContext, address: IPv4Address
    ) {
        appendConfiguredOptions(to: &reply, for: packet, configuredOptions(context, address: address))
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
        for index in context.classIndices {
            let boot = configuration.clientClasses[index].bootFields
            fromClasses.nextServer = fromClasses.nextServer ?? boot.nextServer
            fromClasses.serverHostname = fromClasses.serverHostname ?? boot.serverHostname
            fromClasses.bootFileName = fromClasses.bootFileName ?? boot.bootFileName
        }
        func override(with layer: KeaBootFields) {
            fields.nextServer = layer.nextServer ?? fields.nextServer
            fields.serverHostname = layer.serverHostname ?? fields.serverHostname
            fields.bootFileName = layer.bootFileName ?? fields.bootFileName
        }
        override(with: fromClasses)
        if let host = context.host { override(with: host.bootFields) }
        reply.siaddr = fields.nextServer ?? .any
        if let name = fields.serverHostname, !name.isEmpty { reply.sname = Array(name.utf8.prefix(63)) }
        if let name = fields.bootFileName, !name.isEmpty { reply.file = Array(name.utf8.prefix(127)) }
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
