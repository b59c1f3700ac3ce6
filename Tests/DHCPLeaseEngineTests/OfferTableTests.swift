import DHCPCodec
import Testing

@testable import DHCPLeaseEngine

/// A flood of DISCOVERs from clients that never REQUEST: the offer table stays bounded, and the clients
/// offered last are still remembered (a retransmitted DISCOVER gets the same address).
@Suite struct OfferTableTests {
    @Test func aDiscoverFloodKeepsTheOfferTableBoundedAndTheNewestOffers() throws {
        let config = EngineFixture.baseConfig.replacing(
            #""pools": [{"pool": "10.30.0.100 - 10.30.0.199"}]"#,
            with: #""pools": [{"pool": "10.31.0.0 - 10.31.255.255"}]"#
        ).replacing(#""subnet": "10.30.0.0/24""#, with: #""subnet": "10.30.0.0/14""#)
        var fixture = try EngineFixture(config: config)
        var lastOffer: IPv4Address?
        for n in 0..<20_000 {
            let mac: [UInt8] = [0x02, 0x00, 0x00, UInt8(n >> 16 & 0xff), UInt8(n >> 8 & 0xff), UInt8(n & 0xff)]
            let discover = fixture.packet(.discover, mac: 0, giaddr: EngineFixture.relay, chaddr: mac)
            lastOffer = EngineFixture.reply(fixture.handle(discover))?.yiaddr
            #expect(fixture.engine.offers.count <= LeaseEngine.offerTableLimit)
            #expect(fixture.engine.offerQueue.count <= LeaseEngine.offerTableLimit * 3)
        }
        let mac: [UInt8] = [0x02, 0x00, 0x00, 0x00, UInt8(19_999 >> 8 & 0xff), UInt8(19_999 & 0xff)]
        let again = fixture.packet(.discover, mac: 0, giaddr: EngineFixture.relay, chaddr: mac)
        #expect(EngineFixture.reply(fixture.handle(again))?.yiaddr == lastOffer)
    }
}
