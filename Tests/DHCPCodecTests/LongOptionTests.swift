import Testing

@testable import DHCPCodec

/// RFC 3396: values over 255 bytes travel as consecutive options of one code and are joined on receipt.
@Suite struct LongOptionTests {
    static let vendorBytes = (0..<300).map { UInt8(truncatingIfNeeded: $0 &* 7) }

    static let splitVendorOption: [UInt8] = Fixtures.packet(
        header: [
            0x02, 0x01, 0x06, 0x00,  // op BOOTREPLY, htype, hlen, hops
            0x00, 0x00, 0x00, 0x01,  // xid
            0x00, 0x00, 0x00, 0x00,  // secs, flags
            0x00, 0x00, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x63,  // ciaddr, yiaddr 10.0.0.99
            0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,  // siaddr, giaddr
        ],
        chaddr: [0x00, 0x04, 0x13, 0xaa, 0xbb, 0x01],
        options: Fixtures.cookie
            + [0x35, 0x01, 0x05]  // 53: DHCPACK
            + [0x2b, 0xff] + vendorBytes[0..<255]  // 43, first 255 bytes
            + [0x2b, 0x2d] + vendorBytes[255..<300]  // 43, remaining 45 bytes
            + [0xff],  // end: 548 bytes in all, exactly the 576-byte datagram's payload
        length: 548)

    @Test func joinsAndSplitsAgainByteForByte() throws {
        let message = try DHCPMessage(parsing: Self.splitVendorOption)
        #expect(message.options.map(\.code) == [53, 43])
        #expect(message.vendorEncapsulatedOptions == Self.vendorBytes)
        #expect(try message.serialized() == Self.splitVendorOption)
    }

    @Test func joinsNonAdjacentRepeatsAtTheFirstPosition() throws {
        let bytes = Fixtures.packet(
            header: Array(Fixtures.dhclientDiscover[0..<28]), chaddr: [1, 2, 3, 4, 5, 6],
            options: Fixtures.cookie + [
                0x0c, 0x02, 0x61, 0x62,  // 12: "ab"
                0x35, 0x01, 0x01,  // 53: DHCPDISCOVER
                0x0c, 0x00,  // 12: empty piece
                0x0c, 0x02, 0x63, 0x64,  // 12: "cd"
                0xff,
            ])
        let message = try DHCPMessage(parsing: bytes)
        #expect(message.options.map(\.code) == [12, 53])
        #expect(message.hostName == "abcd")
    }

    @Test(arguments: [0, 1, 254, 255, 256, 510, 511, 1000])
    func anyLengthRoundTrips(length: Int) throws {
        let value = (0..<length).map { UInt8(truncatingIfNeeded: $0) }
        let message = DHCPMessage(op: .reply, xid: 9, options: [DHCPOption(code: 224, value: value)])
        let bytes = try message.serialized(maximumMessageSize: 1500)
        #expect(try DHCPMessage(parsing: bytes) == message)
    }
}
