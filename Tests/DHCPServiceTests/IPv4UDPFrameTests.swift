import DHCPCodec
import Testing

@testable import DHCPTransport

/// The frames sent through the packet socket to clients without an address (RFC 791, RFC 768).
@Suite struct IPv4UDPFrameTests {
    /// One's complement sum over the bytes, folded: 0xffff when the checksum inside them is right.
    func folded(_ bytes: [UInt8]) -> UInt16 {
        ~IPv4UDPFrame.checksum(bytes[...])
    }

    @Test func headersAndChecksums() {
        let payload: [UInt8] = [0x02, 0x01, 0x06, 0x00, 0xde, 0xad, 0xbe]  // odd length: the last byte is padded
        let frame = IPv4UDPFrame.build(
            source: IPv4Address(10, 77, 0, 1), sourcePort: 67, destination: IPv4Address(10, 77, 0, 100),
            destinationPort: 68, payload: payload)
        #expect(frame.count == 20 + 8 + payload.count)
        // Version 4, IHL 5; total length; DF; TTL 64; protocol 17 (UDP); addresses.
        #expect(Array(frame[0..<4]) == [0x45, 0x00, 0x00, UInt8(frame.count)])
        #expect(Array(frame[6..<10]) == [0x40, 0x00, 64, 17])
        #expect(Array(frame[12..<20]) == [10, 77, 0, 1, 10, 77, 0, 100])
        #expect(folded(Array(frame[0..<20])) == 0xffff)
        // Ports 67 → 68, UDP length, and a checksum that verifies over the pseudo-header.
        #expect(Array(frame[20..<26]) == [0, 67, 0, 68, 0, UInt8(8 + payload.count)])
        let pseudo: [UInt8] = [10, 77, 0, 1, 10, 77, 0, 100, 0, 17, 0, UInt8(8 + payload.count)]
        #expect(folded(pseudo + Array(frame[20...])) == 0xffff)
        #expect(Array(frame[28...]) == payload)
    }

    /// RFC 1071 §3's example: the sum of 0001 f203 f4f5 f6f7 is ddf2, so the checksum is 220d.
    @Test func rfc1071Example() {
        #expect(IPv4UDPFrame.checksum([0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7][...]) == 0x220d)
    }
}
