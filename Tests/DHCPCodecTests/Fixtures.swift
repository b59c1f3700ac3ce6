/// DHCP packets as sent by real clients and relays, annotated byte by byte (STYLE.md habit 5).
///
/// Each is laid out as RFC 2131 §2 shows: 28 bytes of fixed fields, `chaddr` (16), `sname` (64), `file`
/// (128), then the magic cookie and options, zero-filled to 300 bytes as the clients do (RFC 1542 §2.1).
enum Fixtures {
    /// Assembles a packet from its annotated parts, zero-filling each fixed field and the tail.
    static func packet(
        header: [UInt8], chaddr: [UInt8], sname: [UInt8] = [], file: [UInt8] = [], options: [UInt8],
        length: Int = 300
    ) -> [UInt8] {
        precondition(header.count == 28 && chaddr.count <= 16 && sname.count <= 64 && file.count <= 128)
        var bytes = header
        bytes += chaddr + [UInt8](repeating: 0, count: 16 - chaddr.count)
        bytes += sname + [UInt8](repeating: 0, count: 64 - sname.count)
        bytes += file + [UInt8](repeating: 0, count: 128 - file.count)
        bytes += options
        if bytes.count < length { bytes += [UInt8](repeating: 0, count: length - bytes.count) }
        return bytes
    }

    static let cookie: [UInt8] = [0x63, 0x82, 0x53, 0x63]  // 99.130.83.99

    /// ISC dhclient 4.4 (Debian 12) DHCPDISCOVER with `send dhcp-client-identifier` and a host name.
    static let dhclientDiscover: [UInt8] = packet(
        header: [
            0x01,  // op: BOOTREQUEST
            0x01,  // htype: Ethernet
            0x06,  // hlen
            0x00,  // hops
            0x3d, 0x1d, 0x5a, 0x71,  // xid
            0x00, 0x00,  // secs
            0x00, 0x00,  // flags: unicast reply
            0x00, 0x00, 0x00, 0x00,  // ciaddr
            0x00, 0x00, 0x00, 0x00,  // yiaddr
            0x00, 0x00, 0x00, 0x00,  // siaddr
            0x00, 0x00, 0x00, 0x00,  // giaddr
        ],
        chaddr: [0x52, 0x54, 0x00, 0x12, 0x34, 0x56],
        options: cookie + [
            0x35, 0x01, 0x01,  // 53 message type: DHCPDISCOVER
            0x3d, 0x07, 0x01, 0x52, 0x54, 0x00, 0x12, 0x34, 0x56,  // 61 client id: type 1 + MAC
            0x37, 0x0d,  // 55 parameter request list, 13 codes:
            0x01, 0x1c, 0x02, 0x03, 0x0f, 0x06, 0x77,  //   1 28 2 3 15 6 119
            0x0c, 0x2c, 0x2f, 0x1a, 0x79, 0x2a,  //   12 44 47 26 121 42
            0x39, 0x02, 0x05, 0xdc,  // 57 max message size: 1500
            0x0c, 0x06, 0x64, 0x65, 0x62, 0x69, 0x61, 0x6e,  // 12 host name: "debian"
            0xff,  // end
        ])

    /// A DHCPREQUEST (INIT-REBOOT-style, with 50 and 54) after a relay added giaddr, hops and option 82.
    static let relayedRequest: [UInt8] = packet(
        header: [
            0x01,  // op: BOOTREQUEST
            0x01,  // htype: Ethernet
            0x06,  // hlen
            0x01,  // hops: one relay
            0xa1, 0xb2, 0xc3, 0xd4,  // xid
            0x00, 0x03,  // secs: 3
            0x80, 0x00,  // flags: BROADCAST
            0x00, 0x00, 0x00, 0x00,  // ciaddr
            0x00, 0x00, 0x00, 0x00,  // yiaddr
            0x00, 0x00, 0x00, 0x00,  // siaddr
            0x0a, 0x00, 0x00, 0x01,  // giaddr: 10.0.0.1
        ],
        chaddr: [0x00, 0x04, 0x13, 0xaa, 0xbb, 0xcc],
        options: cookie + [
            0x35, 0x01, 0x03,  // 53 message type: DHCPREQUEST
            0x3d, 0x07, 0x01, 0x00, 0x04, 0x13, 0xaa, 0xbb, 0xcc,  // 61 client id
            0x32, 0x04, 0x0a, 0x00, 0x00, 0x63,  // 50 requested address: 10.0.0.99
            0x36, 0x04, 0x0a, 0x00, 0x00, 0x02,  // 54 server id: 10.0.0.2
            0x37, 0x04, 0x01, 0x03, 0x06, 0x0f,  // 55 parameter request list: 1 3 6 15
            0x52, 0x18,  // 82 relay agent information, 24 bytes:
            0x01, 0x06, 0x00, 0x04, 0x00, 0x64, 0x00, 0x01,  //   1 circuit id: VLAN 100, port 1
            0x02, 0x08, 0x00, 0x06, 0x00, 0x04, 0x13, 0xaa, 0xbb, 0xcc,  //   2 remote id: MAC
            0x05, 0x04, 0x0a, 0x00, 0x00, 0x00,  //   5 link selection: 10.0.0.0
            0xff,  // end
        ])

    /// A Snom D715-style DHCPDISCOVER: vendor class "snom715", asking for 66/67/120/150.
    static let snomDiscover: [UInt8] = packet(
        header: [
            0x01,  // op: BOOTREQUEST
            0x01,  // htype: Ethernet
            0x06,  // hlen
            0x00,  // hops
            0x00, 0x00, 0x2f, 0x11,  // xid
            0x00, 0x00,  // secs
            0x80, 0x00,  // flags: BROADCAST
            0x00, 0x00, 0x00, 0x00,  // ciaddr
            0x00, 0x00, 0x00, 0x00,  // yiaddr
            0x00, 0x00, 0x00, 0x00,  // siaddr
            0x00, 0x00, 0x00, 0x00,  // giaddr
        ],
        chaddr: [0x00, 0x04, 0x13, 0xaa, 0xbb, 0x01],
        options: cookie + [
            0x35, 0x01, 0x01,  // 53 message type: DHCPDISCOVER
            0x39, 0x02, 0x05, 0xc0,  // 57 max message size: 1472
            0x3c, 0x07, 0x73, 0x6e, 0x6f, 0x6d, 0x37, 0x31, 0x35,  // 60 vendor class: "snom715"
            0x37, 0x0c,  // 55 parameter request list, 12 codes:
            0x01, 0x03, 0x06, 0x0c, 0x0f, 0x1c,  //   1 3 6 12 15 28
            0x2a, 0x42, 0x43, 0x78, 0x96, 0x02,  //   42 66 67 120 150 2
            0x3d, 0x07, 0x01, 0x00, 0x04, 0x13, 0xaa, 0xbb, 0x01,  // 61 client id
            0x0c, 0x07, 0x73, 0x6e, 0x6f, 0x6d, 0x37, 0x31, 0x35,  // 12 host name: "snom715"
            0xff,  // end
        ])

    /// A BOOTREPLY whose options overflow into `file` and then `sname` (option 52 = 3).
    static let overloadedOffer: [UInt8] = packet(
        header: [
            0x02,  // op: BOOTREPLY
            0x01,  // htype: Ethernet
            0x06,  // hlen
            0x00,  // hops
            0x00, 0x00, 0x2f, 0x11,  // xid
            0x00, 0x00,  // secs
            0x00, 0x00,  // flags
            0x00, 0x00, 0x00, 0x00,  // ciaddr
            0x0a, 0x00, 0x00, 0x63,  // yiaddr: 10.0.0.99
            0x00, 0x00, 0x00, 0x00,  // siaddr
            0x00, 0x00, 0x00, 0x00,  // giaddr
        ],
        chaddr: [0x00, 0x04, 0x13, 0xaa, 0xbb, 0x01],
        sname: [
            0x42, 0x04, 0x74, 0x66, 0x74, 0x70,  // 66 TFTP server name: "tftp"
            0xff,  // end of sname options
        ],
        file: [
            0x0f, 0x0b, 0x65, 0x78, 0x61, 0x6d, 0x70, 0x6c, 0x65, 0x2e, 0x63, 0x6f, 0x6d,  // 15: "example.com"
            0x00, 0x00,  // pad
            0x0c, 0x02, 0x61, 0x62,  // 12 host name, first part: "ab"
            0xff,  // end of file options
        ],
        options: cookie + [
            0x34, 0x01, 0x03,  // 52 overload: file and sname
            0x35, 0x01, 0x02,  // 53 message type: DHCPOFFER
            0x0c, 0x02, 0x78, 0x79,  // 12 host name: "xy" (continued in file, RFC 3396)
            0xff,  // end
        ])
}
