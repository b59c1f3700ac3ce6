import Testing

@testable import DHCPCodec

@Suite struct DHCPOptionValueTests {
    /// Each typed option: its wire bytes decode to the value, and the value encodes to the same bytes.
    @Test(arguments: [
        (DHCPOptionValue.subnetMask(IPv4Address(255, 255, 255, 0)), [0xff, 0xff, 0xff, 0x00] as [UInt8]),
        (.timeOffset(-18000), [0xff, 0xff, 0xb9, 0xb0]),
        (.routers([IPv4Address(10, 0, 0, 1)]), [10, 0, 0, 1]),
        (.domainNameServers([IPv4Address(10, 0, 0, 2), IPv4Address(9, 9, 9, 9)]), [10, 0, 0, 2, 9, 9, 9, 9]),
        (.hostName("snom715"), Array("snom715".utf8)),
        (.domainName("example.com"), Array("example.com".utf8)),
        (.broadcastAddress(IPv4Address(10, 0, 0, 255)), [10, 0, 0, 255]),
        (.ntpServers([IPv4Address(10, 0, 0, 1), IPv4Address(10, 0, 0, 2)]), [10, 0, 0, 1, 10, 0, 0, 2]),
        (.vendorEncapsulatedOptions([0x42, 0x02, 0x61, 0x62]), [0x42, 0x02, 0x61, 0x62]),
        (.requestedIPAddress(IPv4Address(10, 0, 0, 99)), [10, 0, 0, 99]),
        (.leaseTime(7200), [0x00, 0x00, 0x1c, 0x20]),
        (.overload(.both), [3]),
        (.messageType(.ack), [5]),
        (.messageType(.other(10)), [10]),
        (.serverIdentifier(IPv4Address(10, 0, 0, 2)), [10, 0, 0, 2]),
        (.parameterRequestList([1, 3, 6, 66, 150]), [1, 3, 6, 66, 150]),
        (.maximumMessageSize(1500), [0x05, 0xdc]),
        (.renewalTime(3600), [0x00, 0x00, 0x0e, 0x10]),
        (.rebindingTime(6300), [0x00, 0x00, 0x18, 0x9c]),
        (.vendorClassIdentifier("snom715"), Array("snom715".utf8)),
        (
            .clientIdentifier(ClientIdentifier(type: 1, identifier: [0, 4, 0x13, 0xaa, 0xbb, 0xcc])),
            [1, 0, 4, 0x13, 0xaa, 0xbb, 0xcc]
        ),
        (.tftpServerName("http://10.0.0.5/prov/"), Array("http://10.0.0.5/prov/".utf8)),
        (.bootFileName("snom715.xml"), Array("snom715.xml".utf8)),
        (
            .relayAgentInformation(
                RelayAgentInformation(subOptions: [.init(code: 1, value: [7]), .init(code: 9, value: [])])),
            [1, 1, 7, 9, 0]
        ),
        (.sipServers(.addresses([IPv4Address(10, 0, 0, 5)])), [1, 10, 0, 0, 5]),
        (
            .sipServers(.domainNames(["sip.example.com", "b.org"])),
            [
                0, 3, 0x73, 0x69, 0x70, 7, 0x65, 0x78, 0x61, 0x6d, 0x70, 0x6c, 0x65, 3, 0x63, 0x6f, 0x6d, 0, 1, 0x62, 3,
                0x6f, 0x72, 0x67, 0,
            ]
        ),
        (.tftpServerAddresses([IPv4Address(10, 0, 0, 5), IPv4Address(10, 0, 0, 6)]), [10, 0, 0, 5, 10, 0, 0, 6]),
        (.other(code: 77, value: [1, 2]), [1, 2]),
    ])
    func typedValueMatchesWire(value: DHCPOptionValue, wire: [UInt8]) throws {
        #expect(value.encoded == wire)
        #expect(DHCPOption(code: value.code, value: wire).decoded == .success(value))
    }

    @Test(arguments: [
        (UInt8(1), [10, 0, 0] as [UInt8], DHCPOptionError.Reason.wrongLength(actual: 3, expected: 4)),
        (2, [1, 2, 3, 4, 5], .wrongLength(actual: 5, expected: 4)),
        (3, [], .notAListOf(itemSize: 4, actual: 0)),
        (6, [10, 0, 0, 1, 10], .notAListOf(itemSize: 4, actual: 5)),
        (12, [0, 0], .invalidText),
        (60, [0xff, 0xfe], .invalidText),
        (43, [], .tooShort(actual: 0, minimum: 1)),
        (51, [0, 0, 1], .wrongLength(actual: 3, expected: 4)),
        (52, [0], .outOfRange(value: 0)),
        (53, [], .wrongLength(actual: 0, expected: 1)),
        (55, [], .tooShort(actual: 0, minimum: 1)),
        (57, [0x01, 0x00], .outOfRange(value: 256)),
        (61, [1], .tooShort(actual: 1, minimum: 2)),
        (82, [1, 5, 0], .truncatedSubOption(code: 1, offset: 0)),
        (82, [1, 0, 2], .truncatedSubOption(code: 2, offset: 2)),
        (82, [], .tooShort(actual: 0, minimum: 2)),
        (120, [1], .tooShort(actual: 1, minimum: 2)),
        (120, [2, 10, 0, 0, 5], .outOfRange(value: 2)),
        (120, [1, 10, 0, 0], .notAListOf(itemSize: 4, actual: 3)),
        (120, [0, 3, 0x73, 0x69, 0x70], .invalidDomainName),  // no terminating zero label
        (120, [0, 0xc0, 0x0c], .invalidDomainName),  // compression pointer
        (150, [10, 0, 0, 5, 10, 0], .notAListOf(itemSize: 4, actual: 6)),
    ])
    func malformedValueIsReported(code: UInt8, wire: [UInt8], reason: DHCPOptionError.Reason) {
        #expect(DHCPOption(code: code, value: wire).decoded == .failure(DHCPOptionError(code: code, reason: reason)))
    }

    @Test func malformedOptionKeepsTheMessage() throws {
        var message = try DHCPMessage(parsing: Fixtures.dhclientDiscover)
        message.setOption(DHCPOption(code: 51, value: [0, 1]))
        let reparsed = try DHCPMessage(parsing: message.serialized())
        #expect(reparsed.leaseTime == nil)
        #expect(reparsed.option(51)?.value == [0, 1])
        #expect(reparsed.messageType == .discover)
        #expect(reparsed.malformedOptions.map(\.description) == ["option 51 (dhcp-lease-time): 2 bytes, expected 4"])
    }

    @Test func textDropsTrailingNULs() {
        #expect(DHCPOption(code: 12, value: Array("host".utf8) + [0]).decoded == .success(.hostName("host")))
    }

    @Test func messageTypeNames() {
        #expect(DHCPMessageType.discover.description == "DHCPDISCOVER")
        #expect(DHCPMessageType(rawValue: 10).description == "DHCPLEASEQUERY")
        #expect((1...8).map { DHCPMessageType(rawValue: $0).rawValue } == Array(1...8))
    }

    @Test func setAndRemoveOptions() {
        var message = DHCPMessage(op: .reply, xid: 1)
        message.setOption(.messageType(.offer))
        message.setOption(.leaseTime(60))
        message.setOption(.messageType(.ack))
        #expect(message.options.map(\.code) == [53, 51])
        #expect(message.messageType == .ack)
        message.removeOption(53)
        #expect(message.options.map(\.code) == [51])
    }

    @Test func vendorEncapsulatedSubOptions() {
        // Snom reads 66/67 inside 43 first (notes/kea-dhcp.md §2).
        let inner = [DHCPOption(.tftpServerName("10.0.0.5")), DHCPOption(.bootFileName("snom.xml"))]
        let bytes = DHCPOption.encapsulate(inner)
        #expect(DHCPOption.encapsulatedOptions(in: bytes) == inner)
        #expect(
            DHCPOption.encapsulatedOptions(in: [0, 0x42, 1, 0x61, 0xff, 0x99]) == [DHCPOption(code: 66, value: [0x61])])
        #expect(DHCPOption.encapsulatedOptions(in: [0x42, 3, 0x61]) == nil)
    }

    @Test func optionNames() {
        #expect(DHCPOptionCode.name(of: 82) == "dhcp-agent-options")
        #expect(DHCPOptionCode.name(of: 200) == nil)
    }
}
