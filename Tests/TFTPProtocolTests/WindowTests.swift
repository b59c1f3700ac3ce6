import CastorCore
import Testing

@testable import TFTPProtocol

/// RFC 7440 `windowsize`.
@Suite struct WindowTests {
    static let file = patternFile(count: 100 * 512 + 10)

    static func simulation(window: Int = 16) -> TransferSimulation<TFTPMemorySource> {
        TransferSimulation(octetRequest([("windowsize", String(window))]), source: TFTPMemorySource(file))
    }

    @Test func sendsAWindowPerAck() {
        var simulation = Self.simulation()
        simulation.run()
        #expect(simulation.outcome == .completed(blocks: 101, bytes: Self.file.count))
        #expect(simulation.client.file == Self.file)
        #expect(simulation.dataBlocksSent == (1...101).map { UInt16($0) })
        #expect(simulation.timeouts == 0)
    }

    @Test func firstWindowIsOneBurst() {
        var transfer = TFTPReadTransfer(
            request: octetRequest([("windowsize", "4")]), source: TFTPMemorySource(Self.file))
        _ = transfer.start(now: .zero)
        let actions = transfer.receive(.acknowledgement(block: 0), now: .zero)
        #expect(actions.count == 5)
        #expect(actions.prefix(4).compactMap(dataBlock) == [1, 2, 3, 4])
        #expect(actions.last == .scheduleTimeout(at: .seconds(1)))
        // An ACK inside the window slides it: the client holds 1–2, so the next window is 3–6.
        let slid = transfer.receive(.acknowledgement(block: 2), now: .seconds(0.5))
        #expect(slid.prefix(4).compactMap(dataBlock) == [3, 4, 5, 6])
        #expect(slid.last == .scheduleTimeout(at: .seconds(1.5)))
        // The window's predecessor again is a duplicate; an older one is stale.
        #expect(transfer.receive(.acknowledgement(block: 2), now: .seconds(0.6)) == [])
        #expect(transfer.receive(.acknowledgement(block: 1), now: .seconds(0.6)) == [])
        #expect(transfer.receive(.acknowledgement(block: 7), now: .seconds(0.6)) == [])
        // The last of the window sends the next full window.
        #expect(
            transfer.receive(.acknowledgement(block: 6), now: .seconds(0.7)).prefix(4).compactMap(dataBlock) == [
                7, 8, 9, 10,
            ])
    }

    @Test func lostAckIsRecoveredByTheTimeout() {
        var simulation = Self.simulation()
        simulation.losesToServer = { packet, count in packet == .acknowledgement(block: 16) && count == 0 }
        simulation.run()
        #expect(simulation.client.file == Self.file)
        #expect(simulation.timeouts == 1)
        // After the timeout, the whole window from its base again, then on from 17.
        #expect(
            Array(simulation.dataBlocksSent.prefix(48)) == (1...16).map { UInt16($0) } + (1...32).map { UInt16($0) })
        #expect(simulation.transfer.retransmittedPackets == 16)
    }

    @Test func lostLastDataOfAWindowIsResentFromTheBase() {
        var simulation = Self.simulation()
        simulation.losesToClient = { packet, count in
            if case .data(16, _) = packet { return count == 0 }
            return false
        }
        simulation.run()
        #expect(simulation.client.file == Self.file)
        #expect(simulation.outcome == .completed(blocks: 101, bytes: Self.file.count))
        #expect(simulation.timeouts == 1)
        #expect(
            Array(simulation.dataBlocksSent.prefix(32)) == (1...16).map { UInt16($0) } + (1...16).map { UInt16($0) })
    }

    @Test func lostDataInsideAWindowSlidesWithoutATimeout() {
        var simulation = Self.simulation()
        simulation.losesToClient = { packet, count in
            if case .data(5, _) = packet { return count == 0 }
            return false
        }
        simulation.run()
        #expect(simulation.client.file == Self.file)
        #expect(simulation.timeouts == 0)
        // The client re-ACKs 4 on seeing 6; the next window starts at 5.
        #expect(
            Array(simulation.dataBlocksSent.prefix(32)) == (1...16).map { UInt16($0) } + (5...20).map { UInt16($0) })
    }

    @Test func windowLargerThanTheFile() {
        let file = patternFile(count: 3 * 512)
        var simulation = TransferSimulation(
            octetRequest([("windowsize", "16")]), source: TFTPMemorySource(file))
        simulation.run()
        #expect(simulation.dataBlocksSent == [1, 2, 3, 4])
        #expect(simulation.outcome == .completed(blocks: 4, bytes: file.count))
    }
}
