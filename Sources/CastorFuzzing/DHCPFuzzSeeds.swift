import DHCPCodec

extension DHCPFuzzTarget {
    /// Packets the fuzzer starts from: one of each kind a lab sees (direct and relayed, with option 82, a
    /// Snom's option 60, overloaded fields), so mutations begin deep inside the codec and the engine.
    public static var seeds: [[UInt8]] {
        let snom: [UInt8] = [0x00, 0x04, 0x13, 0xaa, 0xbb, 0x01]
        let other: [UInt8] = [0x52, 0x54, 0x00, 0x12, 0x34, 0x56]
        let relay = IPv4Address(10, 1, 0, 1)
        func message(
            _ type: DHCPMessageType, mac: [UInt8], giaddr: IPv4Address = .any, ciaddr: IPv4Address = .any,
            flags: UInt16 = 0, _ options: [DHCPOptionValue]
        ) -> DHCPMessage {
            var message = DHCPMessage(
                op: .request, hops: giaddr == .any ? 0 : 1, xid: 0x1234_5678, flags: flags, ciaddr: ciaddr,
                giaddr: giaddr, chaddr: mac)
            message.setOption(.messageType(type))
            for option in options { message.setOption(option) }
            return message
        }
        var messages = [
            message(
                .discover, mac: snom,
                [.vendorClassIdentifier("snomD715"), .parameterRequestList([1, 3, 6, 12, 15, 42, 66, 67, 150])]),
            message(
                .request, mac: snom,
                [.requestedIPAddress(IPv4Address(10, 0, 0, 5)), .serverIdentifier(IPv4Address(10, 0, 0, 1))]),
            message(
                .discover, mac: other, giaddr: relay, flags: 0x8000,
                [
                    .clientIdentifier(ClientIdentifier(type: 1, identifier: other)),
                    .relayAgentInformation(
                        RelayAgentInformation(subOptions: [.init(code: 1, value: Array("eth0/1".utf8))])),
                    .maximumMessageSize(1500),
                ]),
            message(.request, mac: other, ciaddr: IPv4Address(10, 1, 0, 10), []),
            message(.release, mac: other, ciaddr: IPv4Address(10, 1, 0, 10), [.serverIdentifier(.broadcast)]),
            message(.decline, mac: snom, [.requestedIPAddress(IPv4Address(10, 0, 0, 11))]),
            message(.inform, mac: other, ciaddr: IPv4Address(10, 0, 0, 99), [.parameterRequestList([6, 66])]),
        ]
        // Option overload (RFC 2132 §9.3): options continue in `file` and `sname`.
        var overloaded = message(.discover, mac: other, [.overload(.both)])
        overloaded.file = [66, 4] + Array("x.co".utf8) + [255]
        overloaded.sname = [12, 3] + Array("pc1".utf8) + [255]
        messages.append(overloaded)
        return messages.compactMap { try? $0.serialized() }
    }
}
