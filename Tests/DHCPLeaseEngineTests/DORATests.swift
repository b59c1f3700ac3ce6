import DHCPCodec
import DHCPLeaseEngine
import DHCPLeases
import Testing

@Suite("DORA")
struct DORATests {
    @Test("direct DORA: offer unicast to yiaddr by MAC, nothing persisted for the offer, ACK after persist")
    func directDORA() throws {
        var fixture = try EngineFixture()
        let discover = fixture.packet(.discover, mac: 0x11)
        let offerActions = fixture.handle(discover)
        #expect(EngineFixture.persisted(offerActions).isEmpty)
        let offer = try #require(EngineFixture.reply(offerActions))
        #expect(offer.op == .reply)
        #expect(offer.xid == discover.xid)
        #expect(offer.chaddr == discover.chaddr)
        #expect(offer.yiaddr == IPv4Address(10, 20, 0, 10))  // first address of the first pool
        #expect(offer.serverIdentifier == EngineFixture.server)
        #expect(offer.leaseTime == 3600)
        #expect(offer.renewalTime == 1800)
        #expect(offer.rebindingTime == 3150)
        #expect(offer.subnetMask == IPv4Address(255, 255, 255, 0))
        #expect(
            EngineFixture.destination(offerActions)
                == .init(address: IPv4Address(10, 20, 0, 10), port: 68, hardwareAddress: discover.chaddr))

        let request = fixture.packet(
            .request, mac: 0x11, options: [.serverIdentifier(EngineFixture.server), .requestedIPAddress(offer.yiaddr)])
        let ackActions = fixture.handle(request)
        EngineFixture.expectPersistBeforeSend(ackActions)
        let ack = try #require(EngineFixture.reply(ackActions))
        #expect(ack.messageType == .ack)
        #expect(ack.yiaddr == offer.yiaddr)
        let lease = try #require(EngineFixture.persisted(ackActions).first)
        #expect(lease.hardwareAddress == discover.chaddr)
        #expect(lease.validLifetime == 3600)
        #expect(lease.expire == fixture.now + 3600)
        #expect(lease.cltt == fixture.now)
        #expect(lease.subnetID == 1)
        #expect(lease.state == .default)
        #expect(fixture.engine.leases[offer.yiaddr] == lease)
    }

    @Test("relayed DORA: subnet chosen by relay ip-addresses, replies to giaddr:67, giaddr and hops kept")
    func relayedDORA() throws {
        var fixture = try EngineFixture()
        let discover = fixture.packet(.discover, mac: 0x20, giaddr: EngineFixture.relay)
        let actions = fixture.handle(discover)
        let offer = try #require(EngineFixture.reply(actions))
        #expect(offer.yiaddr == IPv4Address(10, 30, 0, 100))
        #expect(offer.giaddr == EngineFixture.relay)
        #expect(offer.hops == 1)
        #expect(EngineFixture.destination(actions) == .init(address: EngineFixture.relay, port: 67))
        let (_, ack) = try fixture.dora(mac: 0x21, giaddr: EngineFixture.relay)
        #expect(ack.yiaddr == IPv4Address(10, 30, 0, 101))
        #expect(fixture.engine.leases[ack.yiaddr]?.subnetID == 2)
    }

    @Test("broadcast flag, and dhcp-socket-type udp, make the reply a broadcast")
    func broadcastDestination() throws {
        var fixture = try EngineFixture()
        let flagged = fixture.handle(fixture.packet(.discover, mac: 0x30, broadcast: true))
        #expect(EngineFixture.destination(flagged) == .broadcastToClients)
        #expect(EngineFixture.reply(flagged)?.isBroadcast == true)

        let udp = EngineFixture.baseConfig.replacing(
            #""interfaces": ["eth0"]"#, with: #""interfaces": ["eth0"], "dhcp-socket-type": "udp""#)
        var udpFixture = try EngineFixture(config: udp)
        let actions = udpFixture.handle(udpFixture.packet(.discover, mac: 0x31))
        #expect(EngineFixture.destination(actions) == .broadcastToClients)
    }

    @Test("two clients discovering at once are offered different addresses (the allocator's cursor moves)")
    func concurrentDiscovers() throws {
        var fixture = try EngineFixture()
        let first = EngineFixture.reply(fixture.handle(fixture.packet(.discover, mac: 0x40)))
        let second = EngineFixture.reply(fixture.handle(fixture.packet(.discover, mac: 0x41)))
        #expect(first?.yiaddr == IPv4Address(10, 20, 0, 10))
        #expect(second?.yiaddr == IPv4Address(10, 20, 0, 11))
        // A retransmitted DISCOVER is offered the same address again.
        let again = EngineFixture.reply(fixture.handle(fixture.packet(.discover, mac: 0x40)))
        #expect(again?.yiaddr == IPv4Address(10, 20, 0, 10))
    }

    @Test("pool exhaustion: no OFFER")
    func exhaustion() throws {
        var fixture = try EngineFixture()
        for mac: UInt8 in 0x50...0x52 { _ = try fixture.dora(mac: mac) }
        let actions = fixture.handle(fixture.packet(.discover, mac: 0x53))
        #expect(EngineFixture.reply(actions) == nil)
        #expect(EngineFixture.drop(actions) == .noAddressAvailable)
        // A client that already has a lease is still served.
        let known = EngineFixture.reply(fixture.handle(fixture.packet(.discover, mac: 0x51)))
        #expect(known?.yiaddr == IPv4Address(10, 20, 0, 11))
    }

    @Test("DISCOVER carrying option 54 is dropped")
    func discoverWithServerID() throws {
        var fixture = try EngineFixture()
        let actions = fixture.handle(
            fixture.packet(.discover, mac: 0x60, options: [.serverIdentifier(EngineFixture.server)]))
        #expect(actions == [.drop(reason: .discoverWithServerIdentifier)])
    }

    @Test("REQUEST for another server is dropped and the offer forgotten")
    func requestForAnotherServer() throws {
        var fixture = try EngineFixture()
        let offer = try #require(EngineFixture.reply(fixture.handle(fixture.packet(.discover, mac: 0x61))))
        let actions = fixture.handle(
            fixture.packet(
                .request, mac: 0x61,
                options: [.serverIdentifier(IPv4Address(10, 20, 0, 254)), .requestedIPAddress(offer.yiaddr)]))
        #expect(actions == [.drop(reason: .otherServer)])
        #expect(fixture.engine.leases.isEmpty)
    }

    @Test("a packet with neither chaddr nor option 61 is dropped")
    func noIdentity() throws {
        var fixture = try EngineFixture()
        let actions = fixture.handle(fixture.packet(.discover, mac: 0, chaddr: []))
        #expect(actions == [.drop(reason: .noClientIdentity)])
    }

    @Test("a REQUEST with neither option 50 nor ciaddr is ACKed (Kea's deviation), with the offered address")
    func requestWithoutAddress() throws {
        var fixture = try EngineFixture()
        _ = fixture.handle(fixture.packet(.discover, mac: 0x70))
        let offer = try #require(EngineFixture.reply(fixture.handle(fixture.packet(.discover, mac: 0x71))))
        let actions = fixture.handle(
            fixture.packet(.request, mac: 0x71, options: [.serverIdentifier(EngineFixture.server)]))
        EngineFixture.expectPersistBeforeSend(actions)
        #expect(EngineFixture.reply(actions)?.messageType == .ack)
        #expect(EngineFixture.reply(actions)?.yiaddr == offer.yiaddr)
    }

    @Test("option 51 asked for is honoured within min/max-valid-lifetime")
    func requestedLifetime() throws {
        let bounded = EngineFixture.baseConfig.replacing(
            #""valid-lifetime": 3600,"#,
            with: #""valid-lifetime": 3600, "min-valid-lifetime": 600, "max-valid-lifetime": 7200,"#)
        var fixture = try EngineFixture(config: bounded)
        #expect(try fixture.dora(mac: 0x72, options: [.leaseTime(100)]).ack.leaseTime == 600)
        #expect(try fixture.dora(mac: 0x73, options: [.leaseTime(5000)]).ack.leaseTime == 5000)
        #expect(try fixture.dora(mac: 0x74, options: [.leaseTime(99999)]).ack.leaseTime == 7200)
        // Without bounds the request changes nothing.
        var plain = try EngineFixture()
        #expect(try plain.dora(mac: 0x75, options: [.leaseTime(100)]).ack.leaseTime == 3600)
    }
}
