import DHCPCodec
import DHCPLeaseEngine
import DHCPLeases
import KeaConfig
import Testing

/// A "naked server" (Kea's `NakedDhcpv4Srv` idea): the engine, a clock the test moves, and packets built in
/// memory; every exchange runs without a socket.
struct EngineFixture {
    static let server = IPv4Address(10, 20, 0, 1)
    static let relay = IPv4Address(10, 30, 0, 1)
    static let start: Int64 = 1_750_000_000

    var engine: LeaseEngine
    var now = Self.start
    var xid: UInt32 = 0x1000

    /// The lab configuration: a direct subnet (with reservations) and a relayed one.
    static let baseConfig = #"""
        {"Dhcp4": {
          "interfaces-config": {"interfaces": ["eth0"]},
          "lease-database": {"type": "memfile", "persist": false},
          "valid-lifetime": 3600, "renew-timer": 1800, "rebind-timer": 3150,
          "decline-probation-period": 600,
          "option-data": [
            {"name": "domain-name-servers", "data": "10.20.0.1"},
            {"name": "ntp-servers", "data": "10.20.0.2"},
            {"name": "time-offset", "data": "3600", "always-send": true}
          ],
          "subnet4": [
            {"id": 1, "subnet": "10.20.0.0/24", "interface": "eth0",
             "pools": [{"pool": "10.20.0.10 - 10.20.0.12"}],
             "option-data": [{"name": "routers", "data": "10.20.0.1"}, {"name": "ntp-servers", "data": "10.20.0.3"}],
             "reservations": [
               {"hw-address": "00:04:13:aa:bb:01", "ip-address": "10.20.0.50", "hostname": "snom-1001",
                "option-data": [{"name": "ntp-servers", "data": "10.20.0.4"}]},
               {"client-id": "01:00:04:13:aa:bb:02", "ip-address": "10.20.0.51", "hostname": "snom-1002"}
             ]},
            {"id": 2, "subnet": "10.30.0.0/24", "relay": {"ip-addresses": ["10.30.0.1"]},
             "pools": [{"pool": "10.30.0.100 - 10.30.0.199"}]}
          ]
        }}
        """#

    init(config text: String = Self.baseConfig, leases: [IPv4Address: Lease] = [:]) throws {
        let configuration = try KeaDHCP4Config.parse(text: text, file: "test.conf")
        engine = LeaseEngine(configuration: configuration, leases: leases, serverAddress: Self.server)
    }

    static func mac(_ last: UInt8) -> [UInt8] { [0x00, 0x04, 0x13, 0x11, 0x22, last] }

    /// A BOOTREQUEST from the client whose MAC ends in `last`.
    mutating func packet(
        _ type: DHCPMessageType, mac last: UInt8, options: [DHCPOptionValue] = [], ciaddr: IPv4Address = .any,
        giaddr: IPv4Address = .any, broadcast: Bool = false, chaddr: [UInt8]? = nil
    ) -> DHCPMessage {
        xid += 1
        var message = DHCPMessage(
            op: .request, xid: xid, ciaddr: ciaddr, giaddr: giaddr, chaddr: chaddr ?? Self.mac(last))
        message.isBroadcast = broadcast
        if giaddr != .any { message.hops = 1 }
        message.setOption(.messageType(type))
        for option in options { message.setOption(option) }
        return message
    }

    /// Where a packet arrives from: a relay for relayed packets, the client (0.0.0.0 or `ciaddr`) otherwise.
    static func source(for packet: DHCPMessage) -> LeaseEngine.PacketSource {
        if packet.giaddr != .any { return .init(address: packet.giaddr, port: 67, interface: "eth0") }
        return .init(address: packet.ciaddr, port: 68, interface: "eth0")
    }

    mutating func handle(_ packet: DHCPMessage) -> [LeaseEngine.Action] {
        engine.handle(packet, from: Self.source(for: packet), now: now)
    }

    /// DISCOVER then REQUEST (SELECTING); returns the ACK's actions.
    mutating func dora(
        mac last: UInt8, options: [DHCPOptionValue] = [], giaddr: IPv4Address = .any
    ) throws -> (offer: DHCPMessage, ack: DHCPMessage) {
        let offer = try #require(Self.reply(handle(packet(.discover, mac: last, options: options, giaddr: giaddr))))
        #expect(offer.messageType == .offer)
        let actions = handle(
            packet(
                .request, mac: last,
                options: options + [.serverIdentifier(Self.server), .requestedIPAddress(offer.yiaddr)],
                giaddr: giaddr))
        Self.expectPersistBeforeSend(actions)
        let ack = try #require(Self.reply(actions))
        return (offer, ack)
    }

    // MARK: reading actions

    static func reply(_ actions: [LeaseEngine.Action]) -> DHCPMessage? {
        for case .send(let message, _) in actions { return message }
        return nil
    }

    static func destination(_ actions: [LeaseEngine.Action]) -> LeaseEngine.Destination? {
        for case .send(_, let destination) in actions { return destination }
        return nil
    }

    static func persisted(_ actions: [LeaseEngine.Action]) -> [Lease] {
        actions.flatMap { action -> [Lease] in
            if case .persist(let rows) = action { return rows }
            return []
        }
    }

    static func drop(_ actions: [LeaseEngine.Action]) -> LeaseEngine.DropReason? {
        for case .drop(let reason) in actions { return reason }
        return nil
    }

    /// An ACK must follow the `.persist` of its lease: the lease is durable before the client hears of it.
    static func expectPersistBeforeSend(
        _ actions: [LeaseEngine.Action], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let reply = reply(actions), reply.messageType == .ack, reply.yiaddr != .any else { return }
        let persistIndex = actions.firstIndex { if case .persist = $0 { true } else { false } }
        let sendIndex = actions.firstIndex { if case .send = $0 { true } else { false } }
        #expect(persistIndex != nil, "ACK without persist", sourceLocation: sourceLocation)
        if let persistIndex, let sendIndex {
            #expect(persistIndex < sendIndex, sourceLocation: sourceLocation)
            #expect(persisted(actions).contains { $0.address == reply.yiaddr }, sourceLocation: sourceLocation)
        }
    }
}
