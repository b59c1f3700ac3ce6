import DHCPCodec
import DHCPLeaseEngine
import DHCPLeases
import Testing

@Suite("DECLINE, RELEASE, INFORM")
struct DeclineReleaseInformTests {
    @Test("RELEASE (without option 54) deletes the lease; the address is free again")
    func release() throws {
        var fixture = try EngineFixture()
        let (_, ack) = try fixture.dora(mac: 0x10)
        let actions = fixture.handle(fixture.packet(.release, mac: 0x10, ciaddr: ack.yiaddr))
        let row = try #require(EngineFixture.persisted(actions).first)
        #expect(row.isDeletion)
        #expect(row.address == ack.yiaddr)
        #expect(EngineFixture.reply(actions) == nil)
        #expect(fixture.engine.leases[ack.yiaddr] == nil)
        // Another client asking for it gets it.
        let offer = EngineFixture.reply(
            fixture.handle(fixture.packet(.discover, mac: 0x11, options: [.requestedIPAddress(ack.yiaddr)])))
        #expect(offer?.yiaddr == ack.yiaddr)
    }

    @Test("RELEASE of someone else's lease is ignored")
    func releaseOther() throws {
        var fixture = try EngineFixture()
        let (_, ack) = try fixture.dora(mac: 0x12)
        let actions = fixture.handle(fixture.packet(.release, mac: 0x13, ciaddr: ack.yiaddr))
        #expect(actions == [.drop(reason: .leaseOfAnotherClient)])
        #expect(fixture.engine.leases[ack.yiaddr] != nil)
    }

    @Test("DECLINE holds the address for the probation period, then reclamation frees it")
    func decline() throws {
        var fixture = try EngineFixture()
        let (_, ack) = try fixture.dora(mac: 0x14)
        let actions = fixture.handle(fixture.packet(.decline, mac: 0x14, options: [.requestedIPAddress(ack.yiaddr)]))
        let row = try #require(EngineFixture.persisted(actions).first)
        #expect(row.state == .declined)
        #expect(row.validLifetime == 600)
        #expect(row.hardwareAddress.isEmpty)
        #expect(row.expire == fixture.now + 600)

        // The declined address is skipped, even when asked for.
        let offer = EngineFixture.reply(
            fixture.handle(fixture.packet(.discover, mac: 0x15, options: [.requestedIPAddress(ack.yiaddr)])))
        #expect(offer?.yiaddr != ack.yiaddr)
        #expect(EngineFixture.persisted(fixture.engine.reclaimExpired(now: fixture.now + 599)).isEmpty)

        fixture.now += 600
        let reclaimed = EngineFixture.persisted(fixture.engine.reclaimExpired(now: fixture.now))
        #expect(reclaimed.map(\.address) == [ack.yiaddr])
        #expect(reclaimed.first?.isDeletion == true)
        let later = EngineFixture.reply(
            fixture.handle(fixture.packet(.discover, mac: 0x16, options: [.requestedIPAddress(ack.yiaddr)])))
        #expect(later?.yiaddr == ack.yiaddr)
    }

    @Test("INFORM: ACK to ciaddr with options, no yiaddr, no lease time, no lease")
    func inform() throws {
        var fixture = try EngineFixture()
        let client = IPv4Address(10, 20, 0, 77)
        let inform = fixture.packet(
            .inform, mac: 0x17, options: [.parameterRequestList([6, 42])], ciaddr: client)
        let actions = fixture.handle(inform)
        let ack = try #require(EngineFixture.reply(actions))
        #expect(ack.messageType == .ack)
        #expect(ack.yiaddr == .any)
        #expect(ack.ciaddr == client)
        #expect(ack.leaseTime == nil)
        #expect(ack.ntpServers == [IPv4Address(10, 20, 0, 3)])
        #expect(ack.domainNameServers == [IPv4Address(10, 20, 0, 1)])
        #expect(EngineFixture.destination(actions) == .init(address: client, port: 68))
        #expect(EngineFixture.persisted(actions).isEmpty)
        #expect(fixture.engine.leases.isEmpty)
    }
}
