/// TFTP packets annotated byte by byte (STYLE.md habit 5), as RFC 1350 §5 and RFC 2347 §2 lay them out.
enum PacketFixtures {
    /// An RRQ as a phone sends it, with `blksize` 1468 and `tsize` 0 (RFC 2348, RFC 2349).
    static let readRequestWithOptions: [UInt8] = [
        0x00, 0x01,  // opcode 1: RRQ
        0x73, 0x6e, 0x6f, 0x6d, 0x37, 0x31, 0x35, 0x2e, 0x68, 0x74, 0x6d, 0x00,  // "snom715.htm" NUL
        0x6f, 0x63, 0x74, 0x65, 0x74, 0x00,  // "octet" NUL
        0x62, 0x6c, 0x6b, 0x73, 0x69, 0x7a, 0x65, 0x00,  // "blksize" NUL
        0x31, 0x34, 0x36, 0x38, 0x00,  // "1468" NUL
        0x74, 0x73, 0x69, 0x7a, 0x65, 0x00,  // "tsize" NUL
        0x30, 0x00,  // "0" NUL
    ]

    /// A bare RFC 1350 RRQ in upper-case netascii mode.
    static let readRequestNetascii: [UInt8] = [
        0x00, 0x01,  // opcode 1: RRQ
        0x61, 0x2f, 0x62, 0x00,  // "a/b" NUL
        0x4e, 0x45, 0x54, 0x41, 0x53, 0x43, 0x49, 0x49, 0x00,  // "NETASCII" NUL
    ]

    /// A WRQ in octet mode.
    static let writeRequest: [UInt8] = [
        0x00, 0x02,  // opcode 2: WRQ
        0x78, 0x00,  // "x" NUL
        0x4f, 0x63, 0x54, 0x65, 0x54, 0x00,  // "OcTeT" NUL
    ]

    /// DATA block 258 with four payload bytes.
    static let data: [UInt8] = [
        0x00, 0x03,  // opcode 3: DATA
        0x01, 0x02,  // block 258
        0xde, 0xad, 0xbe, 0xef,  // payload
    ]

    /// The empty DATA block that ends a file whose size is a multiple of the block size.
    static let emptyData: [UInt8] = [
        0x00, 0x03,  // opcode 3: DATA
        0xff, 0xff,  // block 65535
    ]

    /// ACK of block 0 (accepts an OACK, RFC 2347 §2).
    static let acknowledgementZero: [UInt8] = [
        0x00, 0x04,  // opcode 4: ACK
        0x00, 0x00,  // block 0
    ]

    /// ERROR 8 from a client refusing an OACK.
    static let optionError: [UInt8] = [
        0x00, 0x05,  // opcode 5: ERROR
        0x00, 0x08,  // code 8: option negotiation refused
        0x62, 0x61, 0x64, 0x00,  // "bad" NUL
    ]

    /// OACK accepting `blksize` 1468 and announcing `tsize` 33535152 (the D715 image).
    static let optionAcknowledgement: [UInt8] = [
        0x00, 0x06,  // opcode 6: OACK
        0x62, 0x6c, 0x6b, 0x73, 0x69, 0x7a, 0x65, 0x00,  // "blksize" NUL
        0x31, 0x34, 0x36, 0x38, 0x00,  // "1468" NUL
        0x74, 0x73, 0x69, 0x7a, 0x65, 0x00,  // "tsize" NUL
        0x33, 0x33, 0x35, 0x33, 0x35, 0x31, 0x35, 0x32, 0x00,  // "33535152" NUL
    ]
}
