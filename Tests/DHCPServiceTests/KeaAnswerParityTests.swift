import CastorTestSupport
import DHCPCodec
import DHCPService
import Foundation
import Testing

/// The same relayed packets sent to the real kea-dhcp4 2.2 and to Castor, both serving the same
/// configuration on loopback (`lo/127.0.0.1`, UDP, relay 127.0.0.2): the answers must match field for field
/// and option for option — address choice, reservations (hostname as option 12), option precedence
/// (host > subnet > class > global), the parameter request list, always-send, lease times.
@Suite(.serialized, .enabled(if: KeaProcess.available, "kea-dhcp4 is not installed (scripts/setup.sh installs it)"))
struct KeaAnswerParityTests {
    static func members(leaseFile: String) -> String {
        """
        "interfaces-config": { "interfaces": [ "lo/127.0.0.1" ], "dhcp-socket-type": "udp" },
        "lease-database": { "type": "memfile", "name": "\(leaseFile)", "lfc-interval": 0 },
        "valid-lifetime": 3600, "renew-timer": 900, "rebind-timer": 1800,
        "option-def": [ { "name": "tftp-server-address", "code": 150, "type": "ipv4-address", "array": true } ],
        "option-data": [
          { "name": "domain-name-servers", "data": "10.99.0.1, 10.99.0.2" },
          { "name": "tftp-server-name", "data": "http://10.99.0.1:8667/" },
          { "name": "tftp-server-address", "data": "10.99.0.1" },
          { "name": "ntp-servers", "data": "10.99.0.1", "always-send": true },
          { "name": "time-offset", "data": "3600" },
          { "name": "domain-name", "data": "global.example" }
        ],
        "client-classes": [
          { "name": "snom", "test": "substring(option[60].hex,0,4) == 'snom'",
            "option-data": [ { "name": "tftp-server-name", "data": "http://10.99.0.1:8667/snom/" },
                             { "name": "domain-name", "data": "snom.example" },
                             { "name": "boot-file-name", "data": "snomD715.htm" } ] }
        ],
        "subnet4": [ {
          "id": 1, "subnet": "10.99.0.0/24", "relay": { "ip-addresses": [ "127.0.0.2" ] },
          "pools": [ { "pool": "10.99.0.100 - 10.99.0.199" } ],
          "option-data": [ { "name": "routers", "data": "10.99.0.1" },
                           { "name": "domain-name", "data": "lab.example" } ],
          "reservations": [ { "hw-address": "00:04:13:aa:bb:01", "ip-address": "10.99.0.11", "hostname": "snom-1001",
                              "option-data": [ { "name": "tftp-server-name", "data": "http://10.99.0.1:8667/host/" } ] } ]
        } ]
        """
    }

    /// A client as the relay forwards it: its MAC, option 60 and parameter request list.
    struct Client {
        var mac: [UInt8]
        var vendorClass: String?
        var requested: [UInt8]?
        var xid: UInt32

        func message(_ type: DHCPMessageType, address: IPv4Address? = nil, server: IPv4Address? = nil) -> DHCPMessage {
            var message = LoopbackRelay.request(type, xid: xid, mac: mac, requested: address, server: server)
            if let vendorClass { message.setOption(.vendorClassIdentifier(vendorClass)) }
            if let requested { message.setOption(.parameterRequestList(requested)) }
            return message
        }
    }

    static let clients = [
        Client(mac: [0x00, 0x04, 0x13, 0x10, 0x00, 0x01], requested: [1, 3, 6, 15, 66, 150], xid: 0x1000),
        Client(
            mac: [0x00, 0x04, 0x13, 0x10, 0x00, 0x02], vendorClass: "snomD715",
            requested: [1, 3, 6, 15, 42, 66, 67, 150],
            xid: 0x2000),
        Client(mac: [0x00, 0x04, 0x13, 0xaa, 0xbb, 0x01], requested: [1, 3, 12, 15, 66], xid: 0x3000),
        Client(mac: [0x00, 0x04, 0x13, 0x10, 0x00, 0x04], requested: nil, xid: 0x4000),
        Client(mac: [0x00, 0x04, 0x13, 0x10, 0x00, 0x05], requested: [2, 1, 3], xid: 0x5000),
        Client(
            mac: [0x00, 0x04, 0x13, 0x10, 0x00, 0x06], vendorClass: "Linphone", requested: [1, 3, 66], xid: 0x6000),
    ]

    /// What must match: the header fields and every option by code (order aside), byte for byte.
    static func summary(_ message: DHCPMessage?) -> String {
        guard let message else { return "no reply" }
        var lines = [
            "type=\(message.messageType.map { "\($0)" } ?? "-") yiaddr=\(message.yiaddr) siaddr=\(message.siaddr) "
                + "giaddr=\(message.giaddr) flags=\(message.flags) file=\(String(decoding: message.file.prefix { $0 != 0 }, as: UTF8.self))"
        ]
        for option in message.options.sorted(by: { $0.code < $1.code }) {
            lines.append("\(option.code): \(option.value.map { String($0, radix: 16) }.joined(separator: " "))")
        }
        return lines.joined(separator: "\n")
    }

    @Test func doraAnswersAreKeas() async throws {
        try await LoopbackRelay.ensureAddress()
        let root = NSTemporaryDirectory() + "castor-answers-" + UUID().uuidString.prefix(8)
        for side in ["kea", "castor"] {
            try FileManager.default.createDirectory(atPath: root + "/" + side, withIntermediateDirectories: true)
        }
        defer { try? FileManager.default.removeItem(atPath: root) }

        let keaPort = DHCPTestEnvironment.freeUDPPort()
        let keaRelay = try LoopbackRelay(serverPort: keaPort)
        let kea = try await KeaProcess.start(
            directory: root + "/kea", members: Self.members(leaseFile: root + "/kea/leases.csv"),
            arguments: ["-p", "\(keaPort)", "-P", "\(keaRelay.port)"])
        defer { kea.stop() }

        let castorPort = DHCPTestEnvironment.freeUDPPort()
        let castorRelay = try LoopbackRelay(serverPort: castorPort)
        try "{\"Dhcp4\": {\(Self.members(leaseFile: root + "/castor/leases.csv"))}}".write(
            toFile: root + "/castor/kea-dhcp4.conf", atomically: true, encoding: .utf8)
        var options = DHCPServerOptions(configPath: root + "/castor/kea-dhcp4.conf")
        options.serverPort = castorPort
        options.clientPort = castorRelay.port
        let server = try await DHCPServer.start(options)
        let running = Task { await server.run() }

        // Long timeouts: a retransmission would be a different exchange (a loaded machine must not make the
        // two servers see different packets).
        for client in Self.clients {
            let discover = client.message(.discover)
            let keaOffer = try await keaRelay.exchange(discover, attempts: 3, timeout: .seconds(3))
            let castorOffer = try await castorRelay.exchange(discover, attempts: 3, timeout: .seconds(3))
            #expect(Self.summary(castorOffer) == Self.summary(keaOffer), "OFFER to \(client.mac)")
            guard let offer = keaOffer else { continue }

            var request = client.message(.request, address: offer.yiaddr, server: offer.serverIdentifier)
            request.xid = client.xid + 1
            let keaAck = try await keaRelay.exchange(request, attempts: 3, timeout: .seconds(3))
            let castorAck = try await castorRelay.exchange(request, attempts: 3, timeout: .seconds(3))
            #expect(Self.summary(castorAck) == Self.summary(keaAck), "ACK to \(client.mac)")
        }
        // A REQUEST for an address outside the subnet: both NAK it, the same way.
        let stranger = Client(mac: [0x00, 0x04, 0x13, 0x10, 0x00, 0x09], requested: [1, 3], xid: 0x9000)
        let wrong = stranger.message(.request, address: IPv4Address(192, 0, 2, 50))
        let keaNak = try await keaRelay.exchange(wrong, attempts: 2)
        let castorNak = try await castorRelay.exchange(wrong, attempts: 2)
        #expect(Self.summary(castorNak) == Self.summary(keaNak), "answer to an INIT-REBOOT for 192.0.2.50")

        await server.stop()
        await running.value
    }
}
