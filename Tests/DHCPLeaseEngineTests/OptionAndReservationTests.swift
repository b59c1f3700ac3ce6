import DHCPCodec
import DHCPLeaseEngine
import DHCPLeases
import Testing

@Suite("Options and reservations")
struct OptionAndReservationTests {
    static let reservedMAC: [UInt8] = [0x00, 0x04, 0x13, 0xaa, 0xbb, 0x01]

    @Test("reservation by MAC: reserved address, hostname in option 12 and in the lease, host options first")
    func reservationByMAC() throws {
        var fixture = try EngineFixture()
        let discover = fixture.packet(
            .discover, mac: 0, options: [.parameterRequestList([42])], chaddr: Self.reservedMAC)
        let offer = try #require(EngineFixture.reply(fixture.handle(discover)))
        #expect(offer.yiaddr == IPv4Address(10, 20, 0, 50))
        #expect(offer.hostName == "snom-1001")
        #expect(offer.ntpServers == [IPv4Address(10, 20, 0, 4)])  // host > subnet > global
        let actions = fixture.handle(
            fixture.packet(
                .request, mac: 0,
                options: [.serverIdentifier(EngineFixture.server), .requestedIPAddress(offer.yiaddr)],
                chaddr: Self.reservedMAC))
        EngineFixture.expectPersistBeforeSend(actions)
        #expect(EngineFixture.persisted(actions).first?.hostname == "snom-1001")
    }

    @Test("reservation by client-id (option 61), echoed back (RFC 6842)")
    func reservationByClientID() throws {
        var fixture = try EngineFixture()
        let clientID = try #require(ClientIdentifier(hex: "01:00:04:13:aa:bb:02"))
        let (offer, ack) = try fixture.dora(mac: 0x22, options: [.clientIdentifier(clientID)])
        #expect(offer.yiaddr == IPv4Address(10, 20, 0, 51))
        #expect(ack.hostName == "snom-1002")
        #expect(ack.clientIdentifier == clientID)
        #expect(fixture.engine.leases[ack.yiaddr]?.clientID == clientID.bytes)
    }

    @Test("a REQUEST for another address by a client with a reservation gets a NAK")
    func reservedClientAsksOtherAddress() throws {
        var fixture = try EngineFixture()
        let actions = fixture.handle(
            fixture.packet(
                .request, mac: 0,
                options: [.serverIdentifier(EngineFixture.server), .requestedIPAddress(IPv4Address(10, 20, 0, 10))],
                chaddr: Self.reservedMAC))
        #expect(EngineFixture.reply(actions)?.messageType == .nak)
    }

    @Test("options: sent when in option 55 or always-send; subnet beats global; basic options always")
    func optionSelection() throws {
        var fixture = try EngineFixture()
        let (_, plain) = try fixture.dora(mac: 0x30)
        #expect(plain.ntpServers == nil)  // configured but not asked for
        #expect(plain.timeOffset == 3600)  // always-send
        #expect(plain.routers == [IPv4Address(10, 20, 0, 1)])  // 3 and 6 are always added when configured
        #expect(plain.domainNameServers == [IPv4Address(10, 20, 0, 1)])

        let (_, asked) = try fixture.dora(mac: 0x31, options: [.parameterRequestList([1, 3, 42, 66])])
        #expect(asked.ntpServers == [IPv4Address(10, 20, 0, 3)])  // subnet's, not the global 10.20.0.2
        #expect(asked.tftpServerName == nil)  // not configured anywhere
        #expect(asked.options.filter { $0.code == 1 }.count == 1)
    }

    @Test("option 82 is echoed verbatim, and circuit-id keys a reservation")
    func relayAgentInformation() throws {
        let config = EngineFixture.baseConfig.replacing(
            #""pools": [{"pool": "10.30.0.100 - 10.30.0.199"}]}"#,
            with:
                #""pools": [{"pool": "10.30.0.100 - 10.30.0.199"}], "reservations": [{"circuit-id": "'port7'", "ip-address": "10.30.0.7"}]}"#
        )
        var fixture = try EngineFixture(config: config)
        let info = RelayAgentInformation(subOptions: [
            .init(code: 1, value: Array("port7".utf8)), .init(code: 2, value: [0xde, 0xad]),
        ])
        let option82 = DHCPOptionValue.relayAgentInformation(info)
        let (offer, ack) = try fixture.dora(mac: 0x40, options: [option82], giaddr: EngineFixture.relay)
        #expect(offer.yiaddr == IPv4Address(10, 30, 0, 7))
        #expect(ack.option(82)?.value == info.encoded)
    }

    @Test("boot fields: host over class over subnet over global")
    func bootFields() throws {
        let config = EngineFixture.baseConfig
            .replacing(
                #""decline-probation-period": 600,"#,
                with: #""decline-probation-period": 600, "next-server": "10.20.0.9", "boot-file-name": "global.cfg","#
            )
            .replacing(
                #""hostname": "snom-1001","#, with: #""hostname": "snom-1001", "boot-file-name": "host.cfg","#)
        var fixture = try EngineFixture(config: config)
        let (_, plain) = try fixture.dora(mac: 0x50)
        #expect(plain.siaddr == IPv4Address(10, 20, 0, 9))
        #expect(plain.file == Array("global.cfg".utf8))
        let offer = try #require(
            EngineFixture.reply(fixture.handle(fixture.packet(.discover, mac: 0, chaddr: Self.reservedMAC))))
        #expect(offer.file == Array("host.cfg".utf8))
        #expect(offer.siaddr == IPv4Address(10, 20, 0, 9))
    }
}
