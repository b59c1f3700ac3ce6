import NIOCore
import TFTPProtocol
import Testing

@testable import TFTPTransport

/// `ByteBuffer.writeTFTPPacket` lays packets out exactly as `TFTPPacket.serialized()` does, and the ACK fast
/// path agrees with the parser.
@Suite struct PacketBufferTests {
    static let packets: [TFTPPacket] = [
        .readRequest(
            TFTPRequest(filename: "snom/snom715.htm", mode: .octet, options: [.init(name: "blksize", value: "1468")])),
        .writeRequest(TFTPRequest(filename: "x", mode: .netascii)),
        .data(block: 0xFFFF, payload: [1, 2, 3]),
        .data(block: 1, payload: []),
        .acknowledgement(block: 0x1234),
        .error(.fileNotFound, message: "File not found"),
        .optionAcknowledgement([.init(name: "tsize", value: "33535152"), .init(name: "windowsize", value: "16")]),
        TFTPPacket.unknownTransferID,
    ]

    @Test(arguments: packets)
    func writesWhatSerializedGives(packet: TFTPPacket) {
        var buffer = ByteBufferAllocator().buffer(capacity: 8)
        buffer.writeInteger(UInt8(0xEE))
        buffer.moveReaderIndex(forwardBy: 1)
        let written = buffer.writeTFTPPacket(packet)
        #expect(written == packet.serialized().count)
        #expect(Array(buffer.readableBytesView) == packet.serialized())
    }

    @Test func acknowledgementFastPathMatchesTheParser() {
        let cases: [[UInt8]] = [
            [0, 4, 0x12, 0x34], [0, 4, 0, 0, 0xAA], [0, 4, 0], [0, 3, 0, 1], [0, 5, 0, 1, 0], [], [4, 0, 0, 1],
        ]
        for bytes in cases {
            let parsed: UInt16? =
                if case .acknowledgement(let block) = try? TFTPPacket(parsing: bytes) { block } else { nil }
            #expect(bytes.withUnsafeBytes { $0.tftpAcknowledgedBlock } == parsed, "\(bytes)")
        }
    }

    @Test func batchKeepsDatagramBoundaries() throws {
        let receiver = try RawTFTPClient()
        let sender = try RawTFTPClient()
        var batch = TFTPOutboundBatch(capacity: 16)
        let packets: [TFTPPacket] = [
            .data(block: 1, payload: [9, 9]), .data(block: 2, payload: []), .error(.undefined, message: "x"),
        ]
        for packet in packets { batch.append(packet) }
        #expect(batch.send(from: sender.descriptor, to: TFTPPeer(address: 0x7F00_0001, port: receiver.port)) == 0)
        #expect(batch.isEmpty)
        // Loopback delivers within sendto(2): the datagrams are queued already.
        for packet in packets {
            #expect(receiver.receiveNow()?.bytes == packet.serialized())
        }
    }
}
