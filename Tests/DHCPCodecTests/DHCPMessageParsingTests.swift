import CastorCore
import Testing

@testable import DHCPCodec

@Suite struct DHCPMessageParsingTests {
    @Test func dhclientDiscover() throws {
        let message = try DHCPMessage(parsing: Fixtures.dhclientDiscover)
        #expect(message.op == .request)
        #expect(message.htype == 1)
        #expect(message.xid == 0x3d1d_5a71)
        #expect(!message.isBroadcast)
        #expect(message.macAddress == (try MACAddress(parsing: "52:54:00:12:34:56")))
        #expect(message.sname.isEmpty && message.file.isEmpty)
        #expect(message.options.map(\.code) == [53, 61, 55, 57, 12])
        #expect(message.messageType == .discover)
        #expect(message.clientIdentifier?.description == "01:52:54:00:12:34:56")
        #expect(message.parameterRequestList == [1, 28, 2, 3, 15, 6, 119, 12, 44, 47, 26, 121, 42])
        #expect(message.maximumMessageSize == 1500)
        #expect(message.hostName == "debian")
        #expect(message.malformedOptions.isEmpty)
    }

    @Test func relayedRequest() throws {
        let message = try DHCPMessage(parsing: Fixtures.relayedRequest)
        #expect(message.hops == 1)
        #expect(message.secs == 3)
        #expect(message.isBroadcast)
        #expect(message.giaddr == IPv4Address(10, 0, 0, 1))
        #expect(message.messageType == .request)
        #expect(message.requestedIPAddress == IPv4Address(10, 0, 0, 99))
        #expect(message.serverIdentifier == IPv4Address(10, 0, 0, 2))
        let relay = try #require(message.relayAgentInformation)
        #expect(relay.circuitID == [0x00, 0x04, 0x00, 0x64, 0x00, 0x01])
        #expect(relay.remoteID == [0x00, 0x06, 0x00, 0x04, 0x13, 0xaa, 0xbb, 0xcc])
        #expect(relay.linkSelection == IPv4Address(10, 0, 0, 0))
        #expect(
            relay.description
                == "circuit-id=00:04:00:64:00:01 remote-id=00:06:00:04:13:aa:bb:cc link-selection=0a:00:00:00")
        // Echoing option 82 must give the relay its own bytes back (RFC 3046 §2.2).
        #expect(DHCPOption(.relayAgentInformation(relay)) == message.option(82))
    }

    @Test func snomDiscover() throws {
        let message = try DHCPMessage(parsing: Fixtures.snomDiscover)
        #expect(message.vendorClassIdentifier == "snom715")
        #expect(message.hostName == "snom715")
        #expect(message.maximumMessageSize == 1472)
        #expect(message.parameterRequestList?.contains(150) == true)
        #expect(message.clientIdentifier?.hardwareAddress == message.macAddress)
    }

    @Test func overloadedFieldsAreReadAfterTheOptionsField() throws {
        let message = try DHCPMessage(parsing: Fixtures.overloadedOffer)
        // options field, then file, then sname (RFC 2131 §4.1); 52 consumed; 12 joined across fields.
        #expect(message.options.map(\.code) == [53, 12, 15, 66])
        #expect(message.hostName == "xyab")
        #expect(message.domainName == "example.com")
        #expect(message.tftpServerName == "tftp")
        #expect(message.sname.isEmpty && message.file.isEmpty)
        #expect(message.option(52) == nil)
        #expect(message.yiaddr == IPv4Address(10, 0, 0, 99))
    }

    @Test func fileOnlyOverloadKeepsSname() throws {
        var bytes = Fixtures.overloadedOffer
        bytes[242] = 0x01  // 52 overload: file only
        let message = try DHCPMessage(parsing: bytes)
        #expect(message.options.map(\.code) == [53, 12, 15])
        #expect(message.sname == [0x42, 0x04, 0x74, 0x66, 0x74, 0x70, 0xff])
        #expect(message.file.isEmpty)
    }

    @Test func malformedOverloadIsKeptRawAndFieldsStayFields() throws {
        var bytes = Fixtures.overloadedOffer
        bytes[242] = 0x07  // 52 overload: not 1, 2 or 3
        let message = try DHCPMessage(parsing: bytes)
        #expect(message.options.map(\.code) == [52, 53, 12])
        #expect(message.file.count == 20)
        #expect(message.malformedOptions == [DHCPOptionError(code: 52, reason: .outOfRange(value: 7))])
    }

    @Test func optionsWithoutEndAreAccepted() throws {
        let bytes = Fixtures.packet(
            header: Array(Fixtures.dhclientDiscover[0..<28]), chaddr: [1, 2, 3, 4, 5, 6],
            options: Fixtures.cookie + [0x35, 0x01, 0x01], length: 243)
        #expect(try DHCPMessage(parsing: bytes).messageType == .discover)
    }

    @Test func padOptionsAndBytesAfterEndAreSkipped() throws {
        let bytes = Fixtures.packet(
            header: Array(Fixtures.dhclientDiscover[0..<28]), chaddr: [1, 2, 3, 4, 5, 6],
            options: Fixtures.cookie + [0x00, 0x00, 0x35, 0x01, 0x01, 0x00, 0xff, 0x35, 0x09])
        #expect(try DHCPMessage(parsing: bytes).options == [DHCPOption(code: 53, value: [1])])
    }

    @Test func hardwareAddressOfOtherLengths() throws {
        var bytes = Fixtures.dhclientDiscover
        bytes[1] = 32  // htype: InfiniBand
        bytes[2] = 0  // hlen: 0, identified by option 61 only
        let message = try DHCPMessage(parsing: bytes)
        #expect(message.chaddr.isEmpty)
        #expect(message.macAddress == nil)
    }

    // MARK: framing errors

    @Test(arguments: [0, 1, 100, 236, 239])
    func tooShort(length: Int) {
        #expect(throws: DHCPParseError(.tooShort(length: length), at: length)) {
            try DHCPMessage(parsing: Fixtures.dhclientDiscover.prefix(length))
        }
    }

    @Test func unknownOpcode() {
        var bytes = Fixtures.dhclientDiscover
        bytes[0] = 3
        #expect(throws: DHCPParseError(.unknownOpcode(3), at: 0)) { try DHCPMessage(parsing: bytes) }
    }

    @Test func hardwareAddressTooLong() {
        var bytes = Fixtures.dhclientDiscover
        bytes[2] = 17
        #expect(throws: DHCPParseError(.hardwareAddressTooLong(length: 17), at: 2)) {
            try DHCPMessage(parsing: bytes)
        }
    }

    @Test func badMagicCookie() {
        var bytes = Fixtures.dhclientDiscover
        bytes[239] = 0x64
        let error = DHCPParseError(.badMagicCookie(0x6382_5364), at: 236)
        #expect(throws: error) { try DHCPMessage(parsing: bytes) }
        #expect(error.description.contains("0x63825364 at byte 236"))
    }

    @Test func optionOverrunningThePacket() {
        // 53 01 01, then 61 claiming 7 bytes with 3 left: the error points at option 61's code byte.
        let bytes = Array(Fixtures.dhclientDiscover.prefix(240 + 3 + 5))
        let error = DHCPParseError(.optionOverrunsField(code: 61, length: 7, available: 3, area: .options), at: 243)
        #expect(throws: error) { try DHCPMessage(parsing: bytes) }
        #expect(
            error.description == "DHCP message: option 61 at byte 243 claims 7 bytes but the options field has 3 left")
    }

    @Test func optionWithoutLength() {
        let bytes = Array(Fixtures.dhclientDiscover.prefix(240 + 3 + 1))
        #expect(throws: DHCPParseError(.missingOptionLength(code: 61, area: .options), at: 243)) {
            try DHCPMessage(parsing: bytes)
        }
    }

    @Test func optionOverrunningTheFileField() {
        var bytes = Fixtures.overloadedOffer
        bytes[108 + 15 + 1] = 0x7f  // option 12 in file claims 127 bytes
        #expect(
            throws: DHCPParseError(.optionOverrunsField(code: 12, length: 127, available: 111, area: .file), at: 123)
        ) {
            try DHCPMessage(parsing: bytes)
        }
    }

    @Test func parsesFromAnyCollection() throws {
        let slice = ([0xee] + Fixtures.snomDiscover)[1...]
        #expect(try DHCPMessage(parsing: slice) == DHCPMessage(parsing: Fixtures.snomDiscover))
    }
}
