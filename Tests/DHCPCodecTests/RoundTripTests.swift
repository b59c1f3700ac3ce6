import CastorCore
import Testing

@testable import DHCPCodec

@Suite struct RoundTripTests {
    /// serialize(parse(bytes)) == bytes for packets captured from clients and relays.
    @Test(arguments: [
        ("dhclient DISCOVER", Fixtures.dhclientDiscover),
        ("relayed REQUEST", Fixtures.relayedRequest),
        ("Snom DISCOVER", Fixtures.snomDiscover),
    ])
    func clientPacketsAreReproducedByteForByte(name: String, bytes: [UInt8]) throws {
        let message = try DHCPMessage(parsing: bytes)
        #expect(try message.serialized() == bytes, "\(name)")
    }

    /// A reply as a server builds it: parse(serialize(m)) == m, at least 300 bytes, zeros after the end.
    @Test func serverOfferRoundTrips() throws {
        var offer = DHCPMessage(
            op: .reply, xid: 0x2f11, flags: DHCPMessage.broadcastFlag, yiaddr: IPv4Address(10, 0, 0, 99),
            siaddr: IPv4Address(10, 0, 0, 5), chaddr: try MACAddress(parsing: "00:04:13:aa:bb:01").octets)
        offer.file = Array("snom715.xml".utf8)
        offer.sname = Array("prov".utf8)
        offer.setOption(.messageType(.offer))
        offer.setOption(.serverIdentifier(IPv4Address(10, 0, 0, 2)))
        offer.setOption(.leaseTime(7200))
        offer.setOption(.subnetMask(IPv4Address(255, 255, 255, 0)))
        offer.setOption(.routers([IPv4Address(10, 0, 0, 1)]))
        offer.setOption(.domainNameServers([IPv4Address(10, 0, 0, 1)]))
        offer.setOption(.timeOffset(3600))
        offer.setOption(.ntpServers([IPv4Address(10, 0, 0, 1)]))
        offer.setOption(.tftpServerName("http://10.0.0.5/prov/"))
        offer.setOption(.sipServers(.domainNames(["pbx.lab"])))
        offer.setOption(.tftpServerAddresses([IPv4Address(10, 0, 0, 5)]))
        offer.setOption(.clientIdentifier(ClientIdentifier(type: 1, identifier: [0, 4, 0x13, 0xaa, 0xbb, 1])))

        let bytes = try offer.serialized()
        #expect(bytes.count >= DHCPMessage.minimumLength && bytes.last == 0xff)
        #expect(bytes[0] == 2 && bytes[2] == 6)
        #expect(Array(bytes[236..<243]) == [0x63, 0x82, 0x53, 0x63, 0x35, 0x01, 0x02])
        #expect(Array(bytes[108..<119]) == Array("snom715.xml".utf8))
        #expect(try DHCPMessage(parsing: bytes) == offer)
    }

    @Test func minimumLengthIsAdjustable() throws {
        let message = DHCPMessage(op: .request, xid: 7, options: [DHCPOption(.messageType(.inform))])
        #expect(try message.serialized(minimumLength: 0).count == 244)
        #expect(try message.serialized(minimumLength: 548).count == 548)
    }

    @Test func rejectsWhatTheWireCannotCarry() {
        #expect(throws: DHCPSerializationError.fieldTooLong(field: "chaddr", length: 17, maximum: 16)) {
            try DHCPMessage(op: .request, xid: 1, chaddr: Array(repeating: 1, count: 17)).serialized()
        }
        #expect(throws: DHCPSerializationError.fieldTooLong(field: "sname", length: 65, maximum: 64)) {
            try DHCPMessage(op: .request, xid: 1, sname: Array(repeating: 1, count: 65)).serialized()
        }
        #expect(throws: DHCPSerializationError.reservedOptionCode(255)) {
            try DHCPMessage(op: .request, xid: 1, options: [DHCPOption(code: 255, value: [])]).serialized()
        }
    }
}
