import Testing

@testable import TFTPProtocol

/// Files of more than 65535 blocks: block numbers roll over from 65535 to 0 (tftp-hpa and atftp).
@Suite struct RolloverTests {
    /// 70,000 blocks of 8 bytes and a 3-byte tail.
    static let source = SyntheticSource(byteCount: 70_000 * 8 + 3)

    @Test func lockStepPastTheWrap() {
        var simulation = TransferSimulation(octetRequest([("blksize", "8")]), source: Self.source)
        simulation.run()
        #expect(simulation.outcome == .completed(blocks: 70_001, bytes: 560_003))
        #expect(simulation.client.file == Self.source.read(offset: 0, length: 560_003))
        let blocks = simulation.dataBlocksSent
        #expect(blocks.count == 70_001)
        #expect(Array(blocks[65_533...65_537]) == [65534, 65535, 0, 1, 2])
        #expect(blocks.last == UInt16(70_001 - 65_536))
    }

    /// Which losses the network has inflicted so far.
    final class Losses {
        var wrapped = false
        var lostAcknowledgement: UInt16?
    }

    @Test func windowAcrossTheWrapWithLosses() {
        // A window of 7 does not divide 65536, so one window spans 65535 → 0.
        var simulation = TransferSimulation(
            octetRequest([("blksize", "8"), ("windowsize", "7")]), source: Self.source)
        let losses = Losses()
        simulation.losesToClient = { packet, count in
            switch packet {
            case .data(0, _):
                losses.wrapped = true
                return count == 0
            case .data(65534, _): return count == 0
            default: return false
            }
        }
        // The first ACK of a small block number after the wrap is lost too.
        simulation.losesToServer = { packet, _ in
            guard losses.wrapped, losses.lostAcknowledgement == nil, case .acknowledgement(let block) = packet,
                block < 100
            else { return false }
            losses.lostAcknowledgement = block
            return true
        }
        simulation.run()
        #expect(simulation.outcome == .completed(blocks: 70_001, bytes: 560_003))
        #expect(simulation.client.file == Self.source.read(offset: 0, length: 560_003))
        #expect(losses.lostAcknowledgement != nil)
        #expect(simulation.timeouts >= 1)
    }

    @Test func ackMatchingIsModulo65536() {
        // Drive a transfer to just before the wrap, then check which ACKs count.
        var transfer = TFTPReadTransfer(
            request: octetRequest([("blksize", "8"), ("windowsize", "4")]), source: Self.source)
        _ = transfer.start(now: .zero)
        _ = transfer.receive(.acknowledgement(block: 0), now: .zero)
        var acked: UInt16 = 0
        while acked != 65532 {
            acked &+= 4
            _ = transfer.receive(.acknowledgement(block: acked), now: .zero)
        }
        // Window now 65533, 65534, 65535, 0. ACK 65535 slides to 0, 1, 2, 3.
        let actions = transfer.receive(.acknowledgement(block: 65535), now: .zero)
        #expect(actions.compactMap(dataBlock) == [0, 1, 2, 3])
        #expect(transfer.receive(.acknowledgement(block: 65534), now: .zero) == [])  // stale
        #expect(transfer.receive(.acknowledgement(block: 65535), now: .zero) == [])  // duplicate
        #expect(transfer.receive(.acknowledgement(block: 3), now: .zero).compactMap(dataBlock) == [4, 5, 6, 7])
    }
}
