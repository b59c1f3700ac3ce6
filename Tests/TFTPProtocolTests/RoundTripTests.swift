import Testing

@testable import TFTPProtocol

@Suite struct RoundTripTests {
    static let fixtures = [
        PacketFixtures.readRequestWithOptions, PacketFixtures.data, PacketFixtures.emptyData,
        PacketFixtures.acknowledgementZero, PacketFixtures.optionError, PacketFixtures.optionAcknowledgement,
    ]

    /// Canonical fixtures serialize back to exactly their bytes.
    @Test(arguments: 0..<6)
    func fixturesSerializeToTheirBytes(index: Int) throws {
        let bytes = Self.fixtures[index]
        #expect(try TFTPPacket(parsing: bytes).serialized() == bytes)
    }

    /// Non-canonical spellings come back as the same packet, canonically spelt.
    @Test func modeIsWrittenInLowercase() throws {
        let packet = try TFTPPacket(parsing: PacketFixtures.readRequestNetascii)
        #expect(packet.serialized() == [0, 1] + Array("a/b\0netascii\0".utf8))
        #expect(try TFTPPacket(parsing: packet.serialized()) == packet)
    }

    @Test func builtPacketsRoundTrip() throws {
        let packets: [TFTPPacket] = [
            .readRequest(
                TFTPRequest(filename: "snom/ü.htm", mode: .netascii, options: [TFTPOption(name: "a", value: "")])),
            .writeRequest(TFTPRequest(filename: "x", mode: .mail)),
            .data(block: 0, payload: Array(repeating: 0, count: 1468)),
            .acknowledgement(block: 65535),
            .error(.illegalOperation, message: "Illegal TFTP operation"),
            TFTPPacket.unknownTransferID,
            .optionAcknowledgement([TFTPOption(name: "windowsize", value: "16")]),
        ]
        for packet in packets {
            #expect(try TFTPPacket(parsing: packet.serialized()) == packet)
        }
    }

    @Test func serializedBytes() {
        #expect(TFTPPacket.acknowledgement(block: 0x1234).serialized() == [0x00, 0x04, 0x12, 0x34])
        #expect(
            TFTPPacket.unknownTransferID.serialized()
                == [0x00, 0x05, 0x00, 0x05] + Array("Unknown transfer ID".utf8) + [0x00])
        var buffer: [UInt8] = [0xFF]
        TFTPPacket.data(block: 1, payload: [7]).serialize(into: &buffer)
        #expect(buffer == [0xFF, 0x00, 0x03, 0x00, 0x01, 0x07])
    }
}
