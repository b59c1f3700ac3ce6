import Testing

@testable import TFTPProtocol

@Suite struct PacketParsingTests {
    @Test func readRequestWithOptions() throws {
        let packet = try TFTPPacket(parsing: PacketFixtures.readRequestWithOptions)
        let request = TFTPRequest(
            filename: "snom715.htm", mode: .octet,
            options: [TFTPOption(name: "blksize", value: "1468"), TFTPOption(name: "tsize", value: "0")])
        #expect(packet == .readRequest(request))
        #expect(packet.opcode == .readRequest)
        #expect(request.option(named: "BLKSIZE") == "1468")
        #expect(request.option(named: "timeout") == nil)
        #expect(packet.description == "RRQ \"snom715.htm\" octet blksize=1468 tsize=0")
    }

    @Test func modesAreCaseInsensitive() throws {
        #expect(
            try TFTPPacket(parsing: PacketFixtures.readRequestNetascii)
                == .readRequest(TFTPRequest(filename: "a/b", mode: .netascii)))
        #expect(
            try TFTPPacket(parsing: PacketFixtures.writeRequest)
                == .writeRequest(TFTPRequest(filename: "x", mode: .octet)))
        #expect(TFTPMode(name: "Mail") == .mail)
        #expect(TFTPMode(name: "binary") == nil)
    }

    @Test func optionNamesKeepTheirSpelling() throws {
        let bytes: [UInt8] = [0, 1] + Array("f\0octet\0BlkSize\01024\0".utf8)
        guard case .readRequest(let request) = try TFTPPacket(parsing: bytes) else {
            Issue.record("not an RRQ")
            return
        }
        #expect(request.options == [TFTPOption(name: "BlkSize", value: "1024")])
        #expect(request.options[0].isNamed("blksize"))
    }

    @Test func nulPaddingAfterOptionsIsTolerated() throws {
        let bytes = PacketFixtures.readRequestWithOptions + [0, 0, 0]
        #expect(try TFTPPacket(parsing: bytes) == (try TFTPPacket(parsing: PacketFixtures.readRequestWithOptions)))
        let noOptions: [UInt8] = [0, 1] + Array("f\0octet\0\0\0".utf8)
        #expect(try TFTPPacket(parsing: noOptions) == .readRequest(TFTPRequest(filename: "f", mode: .octet)))
    }

    @Test func dataAckErrorAndOptionAcknowledgement() throws {
        #expect(try TFTPPacket(parsing: PacketFixtures.data) == .data(block: 258, payload: [0xde, 0xad, 0xbe, 0xef]))
        #expect(try TFTPPacket(parsing: PacketFixtures.emptyData) == .data(block: 65535, payload: []))
        #expect(try TFTPPacket(parsing: PacketFixtures.acknowledgementZero) == .acknowledgement(block: 0))
        #expect(
            try TFTPPacket(parsing: PacketFixtures.optionError) == .error(.optionNegotiationRefused, message: "bad"))
        #expect(
            try TFTPPacket(parsing: PacketFixtures.optionAcknowledgement)
                == .optionAcknowledgement([
                    TFTPOption(name: "blksize", value: "1468"), TFTPOption(name: "tsize", value: "33535152"),
                ]))
    }

    @Test func lenientAcknowledgementAndError() throws {
        // Bytes after an ACK's block number are ignored.
        #expect(try TFTPPacket(parsing: [0, 4, 0x12, 0x34, 0, 0]) == .acknowledgement(block: 0x1234))
        // An ERROR without its NUL, or with invalid UTF-8, still ends a transfer.
        #expect(try TFTPPacket(parsing: [0, 5, 0, 1] + Array("gone".utf8)) == .error(.fileNotFound, message: "gone"))
        #expect(try TFTPPacket(parsing: [0, 5, 0, 0, 0xff, 0]) == .error(.undefined, message: "\u{FFFD}"))
        #expect(try TFTPPacket(parsing: [0, 5, 0, 42]) == .error(TFTPErrorCode(rawValue: 42), message: ""))
        #expect(TFTPErrorCode(rawValue: 42).description == "error code 42")
    }

    @Test func emptyOptionAcknowledgementParses() throws {
        #expect(try TFTPPacket(parsing: [0, 6]) == .optionAcknowledgement([]))
    }

    @Test func parsesFromASlice() throws {
        let datagram = [0xAA] + PacketFixtures.data
        #expect(try TFTPPacket(parsing: datagram.dropFirst()) == .data(block: 258, payload: [0xde, 0xad, 0xbe, 0xef]))
    }
}
