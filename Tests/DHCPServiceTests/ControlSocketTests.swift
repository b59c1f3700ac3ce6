import CastorTestSupport
import DHCPCodec
import DHCPService
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Kea's control channel served by the running server (`control-socket`): framing as Kea's (one JSON request,
/// no terminator, one reply, then close) and commands acting on the live leases and configuration.
@Suite struct ControlSocketTests {
    func start(_ environment: DHCPTestEnvironment, relay: LoopbackRelay) async throws -> DHCPServer {
        var options = DHCPServerOptions(configPath: environment.configPath)
        options.serverPort = environment.serverPort
        options.clientPort = relay.port
        return try await DHCPServer.start(options)
    }

    @Test func commandsSeeTheLiveLeasesAndStatistics() async throws {
        let environment = try DHCPTestEnvironment()
        defer { environment.remove() }
        let relay = try LoopbackRelay(serverPort: environment.serverPort)
        let server = try await start(environment, relay: relay)
        let running = Task { await server.run() }
        let control = KeaControlClient(path: environment.controlSocketPath)

        let version = try await control.command(#"{"command": "version-get"}"#)
        #expect(version["result"] as? Int == 0)
        let status = try await control.command(#"{"command": "status-get"}"#)
        #expect((status["arguments"] as? [String: Any])?["pid"] as? Int == Int(getpid()))

        let leased = try #require(try await relay.lease(mac: testMAC(7), xid: 0x700))
        let all = try await control.command(#"{"command": "lease4-get-all"}"#)
        #expect(all["result"] as? Int == 0)
        #expect(all["text"] as? String == "1 IPv4 lease(s) found.")
        let rows = ((all["arguments"] as? [String: Any])?["leases"] as? [[String: Any]]) ?? []
        #expect(rows.first?["ip-address"] as? String == "\(leased)")
        #expect(rows.first?["hw-address"] as? String == "00:04:13:77:00:07")

        let stats = try await control.command(#"{"command": "statistic-get-all"}"#)
        let values = (stats["arguments"] as? [String: Any]) ?? [:]
        let acks = ((values["pkt4-ack-sent"] as? [[Any]])?.first?.first as? Int) ?? 0
        #expect(acks >= 1)
        #expect((values["subnet[1].assigned-addresses"] as? [[Any]])?.first?.first as? Int == 1)
        #expect((values["subnet[1].total-addresses"] as? [[Any]])?.first?.first as? Int == 64_241)

        // lease4-add writes the row before answering; the engine then treats the address as taken.
        let add = try await control.command(
            #"{"command": "lease4-add", "arguments": {"ip-address": "10.99.0.11", "hw-address": "00:04:13:77:09:09"}}"#)
        #expect(add["result"] as? Int == 0, "\(add)")
        #expect(add["text"] as? String == "Lease for address 10.99.0.11, subnet-id 1 added.")
        #expect(environment.leaseRows()["10.99.0.11"] == 3600)
        let next = try #require(try await relay.lease(mac: testMAC(8), xid: 0x800))
        #expect(next != IPv4Address(10, 99, 0, 11))
        let deleted = try await control.command(
            #"{"command": "lease4-del", "arguments": {"ip-address": "10.99.0.11"}}"#)
        #expect(deleted["text"] as? String == "IPv4 lease deleted.")
        #expect(environment.leaseRows()["10.99.0.11"] == 0)
        let missing = try await control.command(
            #"{"command": "lease4-get", "arguments": {"ip-address": "10.99.0.11"}}"#)
        #expect(missing["result"] as? Int == 3)

        await server.stop()
        await running.value
    }

    @Test func requestsAreFramedAsKeaFramesThem() async throws {
        let environment = try DHCPTestEnvironment()
        defer { environment.remove() }
        let relay = try LoopbackRelay(serverPort: environment.serverPort)
        let server = try await start(environment, relay: relay)
        let running = Task { await server.run() }
        let control = KeaControlClient(path: environment.controlSocketPath)

        // In pieces, a brace inside a string and a comment, never half-closed: the reply comes when the map closes.
        let pieces = [#"{ "command": "#, #""list-commands", /* } */ "#, #""arguments": {"x": "}"} "#, "}"]
        let reply = try await control.send(pieces)
        #expect(reply.contains(#""lease4-get-all""#), "\(reply)")
        #expect(reply.hasPrefix("{") && reply.hasSuffix("}"))

        let garbage = try await control.send(["nonsense"])
        #expect(garbage.contains(#""result": 1"#), "\(garbage)")
        let halfClosed = try await control.send([#"{"command": "#], halfClose: true)
        #expect(halfClosed.contains(#""result": 1"#), "\(halfClosed)")
        let unknown = try await control.command(#"{"command": "bogus"}"#)
        #expect(unknown["text"] as? String == "'bogus' command not supported.")

        // A reload that fails keeps the running configuration, and says why.
        try environment.writeBrokenConfig()
        let reload = try await control.command(#"{"command": "config-reload"}"#)
        #expect(reload["result"] as? Int == 1)
        #expect((reload["text"] as? String)?.contains("vaild-lifetime") == true, "\(reload)")
        #expect(try await relay.lease(mac: testMAC(9), xid: 0x900) != nil)
        let config = try await control.command(#"{"command": "config-get"}"#)
        let dhcp4 = ((config["arguments"] as? [String: Any])?["Dhcp4"] as? [String: Any]) ?? [:]
        #expect(dhcp4["valid-lifetime"] as? Int == 3600)

        // shutdown answers, then the server stops by itself.
        let shutdown = try await control.command(#"{"command": "shutdown"}"#)
        #expect(shutdown["text"] as? String == "Shutting down.")
        await running.value
        #expect(!FileManager.default.fileExists(atPath: environment.controlSocketPath))
    }
}
