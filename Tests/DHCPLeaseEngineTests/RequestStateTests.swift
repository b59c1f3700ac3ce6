import DHCPCodec
import DHCPLeaseEngine
import DHCPLeases
import Testing

@Suite("REQUEST states (RFC 2131 §4.3.2)")
struct RequestStateTests {
    @Test("RENEWING: unicast with ciaddr extends the lease, ACK to ciaddr:68, ciaddr echoed")
    func renew() throws {
        var fixture = try EngineFixture()
        let (_, ack) = try fixture.dora(mac: 0x10)
        fixture.now += 1800
        let renew = fixture.packet(.request, mac: 0x10, ciaddr: ack.yiaddr)
        let actions = fixture.handle(renew)
        EngineFixture.expectPersistBeforeSend(actions)
        let reply = try #require(EngineFixture.reply(actions))
        #expect(reply.messageType == .ack)
        #expect(reply.ciaddr == ack.yiaddr)
        #expect(reply.yiaddr == ack.yiaddr)
        #expect(EngineFixture.destination(actions) == .init(address: ack.yiaddr, port: 68))
        #expect(EngineFixture.persisted(actions).first?.expire == fixture.now + 3600)
    }

    @Test("REBINDING through a relay: ACK to the relay")
    func rebind() throws {
        var fixture = try EngineFixture()
        let (_, ack) = try fixture.dora(mac: 0x11, giaddr: EngineFixture.relay)
        fixture.now += 3200
        let actions = fixture.handle(
            fixture.packet(.request, mac: 0x11, ciaddr: ack.yiaddr, giaddr: EngineFixture.relay))
        EngineFixture.expectPersistBeforeSend(actions)
        #expect(EngineFixture.reply(actions)?.messageType == .ack)
        #expect(EngineFixture.destination(actions) == .init(address: EngineFixture.relay, port: 67))
    }

    @Test("RENEWING an address of our pools that is another client's: NAK to ciaddr")
    func renewForeignLeaseInPool() throws {
        var fixture = try EngineFixture()
        let (_, ack) = try fixture.dora(mac: 0x12)
        let actions = fixture.handle(fixture.packet(.request, mac: 0x13, ciaddr: ack.yiaddr))
        #expect(EngineFixture.reply(actions)?.messageType == .nak)
        #expect(EngineFixture.destination(actions) == .init(address: ack.yiaddr, port: 68))
        #expect(EngineFixture.persisted(actions).isEmpty)
    }

    @Test("RENEWING an address outside our pools: silence")
    func renewOutsidePools() throws {
        var fixture = try EngineFixture()
        let actions = fixture.handle(fixture.packet(.request, mac: 0x14, ciaddr: IPv4Address(10, 20, 0, 200)))
        #expect(actions == [.drop(reason: .notOurAddress)])
    }

    @Test("INIT-REBOOT, right address: ACK")
    func initRebootRight() throws {
        var fixture = try EngineFixture()
        let (_, ack) = try fixture.dora(mac: 0x15)
        let actions = fixture.handle(fixture.packet(.request, mac: 0x15, options: [.requestedIPAddress(ack.yiaddr)]))
        EngineFixture.expectPersistBeforeSend(actions)
        #expect(EngineFixture.reply(actions)?.messageType == .ack)
        #expect(EngineFixture.reply(actions)?.yiaddr == ack.yiaddr)
    }

    @Test("INIT-REBOOT, wrong address: NAK, broadcast, yiaddr 0, no lease options")
    func initRebootWrong() throws {
        var fixture = try EngineFixture()
        _ = try fixture.dora(mac: 0x16)
        let actions = fixture.handle(
            fixture.packet(.request, mac: 0x16, options: [.requestedIPAddress(IPv4Address(10, 20, 0, 99))]))
        let nak = try #require(EngineFixture.reply(actions))
        #expect(nak.messageType == .nak)
        #expect(nak.yiaddr == .any)
        #expect(nak.leaseTime == nil)
        #expect(nak.serverIdentifier == EngineFixture.server)
        #expect(EngineFixture.destination(actions) == .broadcastToClients)
    }

    @Test("INIT-REBOOT through a relay, wrong address: NAK to the relay with the BROADCAST bit")
    func initRebootWrongRelayed() throws {
        var fixture = try EngineFixture()
        _ = try fixture.dora(mac: 0x17, giaddr: EngineFixture.relay)
        let actions = fixture.handle(
            fixture.packet(
                .request, mac: 0x17, options: [.requestedIPAddress(IPv4Address(10, 30, 0, 5))],
                giaddr: EngineFixture.relay))
        #expect(EngineFixture.reply(actions)?.messageType == .nak)
        #expect(EngineFixture.reply(actions)?.isBroadcast == true)
        #expect(EngineFixture.destination(actions) == .init(address: EngineFixture.relay, port: 67))
    }

    @Test("INIT-REBOOT from an unknown client: silence, or NAK when authoritative", arguments: [false, true])
    func initRebootUnknown(authoritative: Bool) throws {
        let config = EngineFixture.baseConfig.replacing(
            #""valid-lifetime": 3600,"#, with: #""valid-lifetime": 3600, "authoritative": \#(authoritative),"#)
        var fixture = try EngineFixture(config: config)
        let actions = fixture.handle(
            fixture.packet(.request, mac: 0x18, options: [.requestedIPAddress(IPv4Address(10, 20, 0, 10))]))
        if authoritative {
            #expect(EngineFixture.reply(actions)?.messageType == .nak)
        } else {
            #expect(actions == [.drop(reason: .unknownClientInitReboot)])
        }
        #expect(fixture.engine.leases.isEmpty)
    }

    @Test("SELECTING an address another client holds: NAK")
    func selectingTaken() throws {
        var fixture = try EngineFixture()
        let (_, ack) = try fixture.dora(mac: 0x19)
        let actions = fixture.handle(
            fixture.packet(
                .request, mac: 0x1a,
                options: [.serverIdentifier(EngineFixture.server), .requestedIPAddress(ack.yiaddr)]))
        #expect(EngineFixture.reply(actions)?.messageType == .nak)
    }
}
