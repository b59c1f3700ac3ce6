import DHCPCodec

/// An IPv4 packet carrying one UDP datagram, built for a packet socket (`AF_PACKET`, `SOCK_DGRAM`: the kernel
/// adds the Ethernet header for the MAC given at send time). Used to unicast a reply to `yiaddr` at the
/// client's MAC before the client has the address (RFC 2131 §4.1: "the server unicasts … to the client's
/// hardware address and 'yiaddr'"), which a UDP socket cannot do: the kernel would ARP for an address nobody
/// answers for yet.
///
/// ```
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// |Version|  IHL  |    DSCP/ECN   |          Total Length         |   RFC 791 §3.1
/// |         Identification        |Flags|      Fragment Offset    |
/// |  Time to Live |    Protocol   |         Header Checksum       |
/// |                       Source Address                          |
/// |                    Destination Address                        |
/// |          Source Port          |       Destination Port        |   RFC 768
/// |            Length             |           Checksum            |
/// |                           payload …                           |
/// ```
public enum IPv4UDPFrame {
    /// The packet's bytes; the IP header checksum (RFC 791) and the UDP checksum over the pseudo-header
    /// (RFC 768) are filled in. TTL 64, DF set (a DHCP reply is never fragmented: it fits the client's MTU).
    public static func build(
        source: IPv4Address, sourcePort: UInt16, destination: IPv4Address, destinationPort: UInt16,
        payload: [UInt8], identification: UInt16 = 0
    ) -> [UInt8] {
        let udpLength = 8 + payload.count
        let totalLength = 20 + udpLength
        var bytes: [UInt8] = []
        bytes.reserveCapacity(totalLength)
        bytes += [0x45, 0x00]
        append16(UInt16(truncatingIfNeeded: totalLength), to: &bytes)
        append16(identification, to: &bytes)
        bytes += [0x40, 0x00, 64, 17, 0, 0]
        append32(source.rawValue, to: &bytes)
        append32(destination.rawValue, to: &bytes)
        let headerSum = checksum(bytes[0..<20])
        bytes[10] = UInt8(headerSum >> 8)
        bytes[11] = UInt8(headerSum & 0xff)

        append16(sourcePort, to: &bytes)
        append16(destinationPort, to: &bytes)
        append16(UInt16(truncatingIfNeeded: udpLength), to: &bytes)
        bytes += [0, 0]
        bytes += payload
        // The pseudo-header: source, destination, zero, protocol 17, UDP length.
        var pseudo: [UInt8] = []
        pseudo.reserveCapacity(12)
        append32(source.rawValue, to: &pseudo)
        append32(destination.rawValue, to: &pseudo)
        pseudo += [0, 17]
        append16(UInt16(truncatingIfNeeded: udpLength), to: &pseudo)
        var udpSum = checksum(bytes[20...], seed: sum(pseudo[...]))
        // RFC 768: a computed 0 is sent as all ones (0 means "no checksum").
        if udpSum == 0 { udpSum = 0xffff }
        bytes[26] = UInt8(udpSum >> 8)
        bytes[27] = UInt8(udpSum & 0xff)
        return bytes
    }

    /// The Internet checksum (RFC 1071): one's complement of the one's complement sum of 16-bit words.
    static func checksum(_ bytes: ArraySlice<UInt8>, seed: UInt32 = 0) -> UInt16 {
        var total = sum(bytes) &+ seed
        while total > 0xffff { total = (total & 0xffff) &+ (total >> 16) }
        return ~UInt16(total)
    }

    private static func sum(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        var total: UInt32 = 0
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            total &+= UInt32(bytes[index]) << 8 | UInt32(bytes[index + 1])
            index += 2
        }
        if index < bytes.endIndex { total &+= UInt32(bytes[index]) << 8 }
        while total > 0xffff { total = (total & 0xffff) &+ (total >> 16) }
        return total
    }

    private static func append16(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes.append(UInt8(value >> 8))
        bytes.append(UInt8(value & 0xff))
    }

    private static func append32(_ value: UInt32, to bytes: inout [UInt8]) {
        bytes += [UInt8(value >> 24), UInt8(value >> 16 & 0xff), UInt8(value >> 8 & 0xff), UInt8(value & 0xff)]
    }
}
