import DHCPCodec
import DHCPLeaseEngine
import DHCPLeases
import Testing

@Suite("Reclamation")
struct ReclaimTests {
    @Test("an expired lease becomes expired-reclaimed, keeps its client, is reusable, and is deleted after an hour")
    func expiry() throws {
        var fixture = try EngineFixture()
        let (_, ack) = try fixture.dora(mac: 0x10)
        #expect(fixture.engine.reclaimExpired(now: fixture.now + 3599).isEmpty)

        fixture.now += 3600
        let rows = EngineFixture.persisted(fixture.engine.reclaimExpired(now: fixture.now))
        #expect(rows.count == 1)
        #expect(rows.first?.state == .expiredReclaimed)
        #expect(rows.first?.hardwareAddress == EngineFixture.mac(0x10))
        #expect(fixture.engine.reclaimExpired(now: fixture.now).isEmpty)  // nothing new

        // Lease affinity: the same client gets its address back.
        let offer = EngineFixture.reply(fixture.handle(fixture.packet(.discover, mac: 0x10)))
        #expect(offer?.yiaddr == ack.yiaddr)

        let deleted = EngineFixture.persisted(fixture.engine.reclaimExpired(now: fixture.now + 3600))
        #expect(deleted.map(\.isDeletion) == [true])
        #expect(fixture.engine.leases.isEmpty)
    }

    @Test("an expired (not yet reclaimed) lease of another client is reused when the pool is otherwise full")
    func expiredReuse() throws {
        var fixture = try EngineFixture()
        for mac: UInt8 in 0x20...0x22 { _ = try fixture.dora(mac: mac) }
        #expect(EngineFixture.reply(fixture.handle(fixture.packet(.discover, mac: 0x23))) == nil)
        fixture.now += 3601
        let (_, ack) = try fixture.dora(mac: 0x23)
        #expect(ack.yiaddr.rawValue >= IPv4Address(10, 20, 0, 10).rawValue)
        #expect(fixture.engine.leases[ack.yiaddr]?.hardwareAddress == EngineFixture.mac(0x23))
    }

    @Test("reconfigure keeps leases")
    func reconfigure() throws {
        var fixture = try EngineFixture()
        let (_, ack) = try fixture.dora(mac: 0x30)
        fixture.engine.reconfigure(try .parse(text: EngineFixture.baseConfig))
        #expect(fixture.engine.leases[ack.yiaddr] != nil)
        let renew = fixture.handle(fixture.packet(.request, mac: 0x30, ciaddr: ack.yiaddr))
        #expect(EngineFixture.reply(renew)?.messageType == .ack)
    }
}
