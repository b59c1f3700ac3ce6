import CastorTestSupport
import DHCPCodec
import DHCPService
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The server in this process, on 127.0.0.1 with a free port, and a relay on 127.0.0.2 (real UDP, loopback only).
@Suite struct InProcessServerTests {
    func start(_ environment: DHCPTestEnvironment, relay: LoopbackRelay) async throws -> DHCPServer {
        var options = DHCPServerOptions(configPath: environment.configPath)
        options.serverPort = environment.serverPort
        options.clientPort = relay.port
        return try await DHCPServer.start(options)
    }

    @Test func relayedDORAStoresTheLeaseBeforeTheACK() async throws {
        let environment = try DHCPTestEnvironment()
        defer { environment.remove() }
        let relay = try LoopbackRelay(serverPort: environment.serverPort)
        let server = try await start(environment, relay: relay)
        let running = Task { await server.run() }
        #expect(server.serverAddress == IPv4Address(127, 0, 0, 1))

        let mac = testMAC(1)
        let offer = try #require(try await relay.exchange(LoopbackRelay.request(.discover, xid: 0x100, mac: mac)))
        #expect(offer.messageType == .offer)
        #expect(offer.giaddr == LoopbackRelay.address)
        #expect(offer.serverIdentifier == IPv4Address(127, 0, 0, 1))
        #expect(offer.yiaddr == IPv4Address(10, 99, 0, 10))
        #expect(offer.routers == [IPv4Address(10, 99, 0, 1)])
        #expect(environment.leaseRows().isEmpty)  // an OFFER writes nothing

        let request = LoopbackRelay.request(
            .request, xid: 0x101, mac: mac, requested: offer.yiaddr, server: offer.serverIdentifier)
        let ack = try #require(try await relay.exchange(request))
        #expect(ack.messageType == .ack)
        #expect(ack.yiaddr == offer.yiaddr)
        #expect(ack.leaseTime == 3600)
        // The row was written before the ACK left.
        #expect(environment.leaseRows() == ["10.99.0.10": 3600])
        let csv = try String(contentsOfFile: environment.leasePath, encoding: .utf8)
        #expect(
            csv.hasPrefix("address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname,state"))
        #expect(csv.contains("10.99.0.10,00:04:13:77:00:01,,3600,"))

        // The test client retransmits as a real client does when a reply is slow (a loaded machine), so the
        // server may see a packet twice: what must hold is that each one was answered.
        let statistics = await server.statistics
        let discovers = statistics["pkt4-discover-received"]
        let requests = statistics["pkt4-request-received"]
        #expect(discovers >= 1)
        #expect(requests >= 1)
        #expect(statistics["pkt4-offer-sent"] == discovers)
        #expect(statistics["pkt4-ack-sent"] == requests)
        #expect(statistics["pkt4-received"] == discovers + requests)
        await server.stop()
        await running.value
    }

    @Test func malformedPacketsAreCountedAndDropped() async throws {
        let environment = try DHCPTestEnvironment()
        defer { environment.remove() }
        let relay = try LoopbackRelay(serverPort: environment.serverPort)
        let server = try await start(environment, relay: relay)
        let running = Task { await server.run() }

        relay.send([])  // empty
        relay.send([0x01, 0x01, 0x06])  // truncated header
        relay.send([UInt8](repeating: 0xff, count: 300))  // no magic cookie
        var valid = try LoopbackRelay.request(.discover, xid: 0x200, mac: testMAC(2)).serialized()
        valid[valid.count - 1] = 0x35  // options end in the middle of an option
        relay.send(Array(valid.prefix(243)))
        let offer = try await relay.exchange(LoopbackRelay.request(.discover, xid: 0x201, mac: testMAC(3)))
        #expect(offer?.messageType == .offer)

        let statistics = await server.statistics
        #expect(statistics["pkt4-parse-failed"] >= 3)
        #expect(statistics["pkt4-receive-drop"] >= 3)
        #expect(statistics["pkt4-offer-sent"] >= 1)
        await server.stop()
        await running.value
    }

    @Test func aReloadThatFailsKeepsTheOldConfiguration() async throws {
        let environment = try DHCPTestEnvironment()
        defer { environment.remove() }
        let relay = try LoopbackRelay(serverPort: environment.serverPort)
        let server = try await start(environment, relay: relay)
        let running = Task { await server.run() }

        try environment.writeBrokenConfig()
        let result = await server.reload()
        guard case .failure(let error) = result else {
            Issue.record("a broken configuration was accepted")
            return
        }
        #expect(error.message.hasPrefix(environment.configPath + ":3:"))
        #expect(try await relay.lease(mac: testMAC(4), xid: 0x300) != nil)

        try environment.writeConfig()
        guard case .success = await server.reload() else {
            Issue.record("a valid configuration was refused")
            return
        }
        await server.stop()
        await running.value
    }

    @Test func aPortInUseIsFatal() async throws {
        let environment = try DHCPTestEnvironment()
        defer { environment.remove() }
        let holder = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(holder) }
        var address = LoopbackRelay.socketAddress(IPv4Address(127, 0, 0, 1), port: environment.serverPort)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(holder, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(bound == 0)
        var options = DHCPServerOptions(configPath: environment.configPath)
        options.serverPort = environment.serverPort
        await #expect(
            throws: DHCPServiceError(.bind, "cannot bind 127.0.0.1:\(environment.serverPort): Address already in use")
        ) {
            _ = try await DHCPServer.start(options)
        }
    }
}
