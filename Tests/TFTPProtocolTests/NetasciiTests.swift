import Testing

@testable import TFTPProtocol

/// netascii mode (RFC 1350 §5, RFC 764): LF → CR LF, CR → CR NUL, converted block by block.
@Suite struct NetasciiTests {
    static func netasciiRequest(_ options: [(String, String)] = []) -> TFTPRequest {
        TFTPRequest(filename: "f.txt", mode: .netascii, options: options.map { TFTPOption(name: $0.0, value: $0.1) })
    }

    @Test func encoding() {
        let text = Array("a\nb\rc\r\nd".utf8)
        let expected: [UInt8] = [0x61, 0x0d, 0x0a, 0x62, 0x0d, 0x00, 0x63, 0x0d, 0x00, 0x0d, 0x0a, 0x64]
        #expect(TFTPNetascii.encoded(text) == expected)
        #expect(TFTPNetascii.encodedCount(of: text) == expected.count)
        #expect(TFTPNetascii.encoded([UInt8]()) == [])
    }

    @Test func twoByteEncodingSpillsIntoTheNextBlock() {
        // "1234567\n89" with 8-byte blocks: CR ends block 1, LF starts block 2.
        var transfer = TFTPReadTransfer(
            request: Self.netasciiRequest([("blksize", "8")]), source: TFTPMemorySource(Array("1234567\n89".utf8)))
        _ = transfer.start(now: .zero)
        #expect(
            transfer.receive(.acknowledgement(block: 0), now: .zero).first
                == .send(.data(block: 1, payload: Array("1234567\r".utf8))))
        let second = TFTPPacket.data(block: 2, payload: Array("\n89".utf8))
        #expect(transfer.receive(.acknowledgement(block: 1), now: .zero).first == .send(second))
        // The retransmission rebuilds the block from the remembered position.
        #expect(transfer.timerFired(now: .seconds(1)).first == .send(second))
        #expect(
            transfer.receive(.acknowledgement(block: 2), now: .seconds(1)) == [
                .finished(.completed(blocks: 2, bytes: 11))
            ])
    }

    @Test func carriageReturnAtABlockEnd() {
        var transfer = TFTPReadTransfer(
            request: Self.netasciiRequest([("blksize", "8")]), source: TFTPMemorySource(Array("1234567\rx".utf8)))
        _ = transfer.start(now: .zero)
        #expect(
            transfer.receive(.acknowledgement(block: 0), now: .zero).first
                == .send(.data(block: 1, payload: Array("1234567\r".utf8))))
        #expect(
            transfer.receive(.acknowledgement(block: 1), now: .zero).first
                == .send(.data(block: 2, payload: [0, 0x78])))
    }

    @Test(arguments: [0, 1, 7, 511, 512, 513, 4000])
    func wholeTransfersMatchTheEncodedFile(size: Int) {
        // A text-like file dense in line ends, with losses to exercise retransmission across spills.
        let file = (0..<size).map { [0x0a, 0x0d, 0x41, 0x42][$0 * 7 % 4] as UInt8 }
        var simulation = TransferSimulation(
            Self.netasciiRequest([("tsize", "0"), ("windowsize", "3")]), source: TFTPMemorySource(file))
        simulation.losesToClient = { packet, count in
            if case .data(let block, _) = packet { return block % 5 == 2 && count == 0 }
            return false
        }
        simulation.run()
        let encoded = TFTPNetascii.encoded(file)
        #expect(simulation.client.file == encoded)
        #expect(simulation.transfer.options.transferSize == encoded.count)
        #expect(simulation.outcome == .completed(blocks: encoded.count / 512 + 1, bytes: encoded.count))
    }

    @Test func transferSizeIsOmittedWhenTheEncodedSizeIsUnknown() {
        // SyntheticSource knows its raw size only: tsize is not announced for netascii, so no OACK.
        let transfer = TFTPReadTransfer(
            request: Self.netasciiRequest([("tsize", "0")]), source: SyntheticSource(byteCount: 100))
        #expect(transfer.options == .defaults)
        let octet = TFTPReadTransfer(request: octetRequest([("tsize", "0")]), source: SyntheticSource(byteCount: 100))
        #expect(octet.options.acknowledged == [TFTPOption(name: "tsize", value: "100")])
    }
}
