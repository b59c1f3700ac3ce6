import CastorCore
import Testing

@testable import TFTPProtocol

@Suite struct ReadTransferTests {
    typealias Transfer = TFTPReadTransfer<TFTPMemorySource>

    static func at(_ seconds: Double) -> MonotonicInstant { .seconds(seconds) }

    @Test func lockStepWith512ByteBlocks() {
        let file = patternFile(count: 3 * 512 + 100)
        var simulation = TransferSimulation(octetRequest(), source: TFTPMemorySource(file))
        simulation.run()
        #expect(simulation.outcome == .completed(blocks: 4, bytes: file.count))
        #expect(simulation.client.file == file)
        #expect(simulation.dataBlocksSent == [1, 2, 3, 4])
        #expect(simulation.timeouts == 0)
        #expect(simulation.transfer.retransmittedPackets == 0)
    }

    @Test func firstActionsWithoutOptions() {
        var transfer = Transfer(request: octetRequest(), source: TFTPMemorySource([1, 2, 3]))
        #expect(
            transfer.start(now: Self.at(10))
                == [.send(.data(block: 1, payload: [1, 2, 3])), .scheduleTimeout(at: Self.at(11))])
        #expect(transfer.start(now: Self.at(10)) == [])
        #expect(
            transfer.receive(.acknowledgement(block: 1), now: Self.at(10.5)) == [
                .finished(.completed(blocks: 1, bytes: 3))
            ])
        #expect(transfer.isFinished)
        #expect(transfer.outcome == .completed(blocks: 1, bytes: 3))
    }

    @Test func optionAcknowledgementComesFirstAndAckZeroStartsData() {
        let file = patternFile(count: 5000)
        let request = octetRequest([("blksize", "1468"), ("tsize", "0")])
        var transfer = Transfer(request: request, source: TFTPMemorySource(file))
        let oack = TFTPPacket.optionAcknowledgement([
            TFTPOption(name: "blksize", value: "1468"), TFTPOption(name: "tsize", value: "5000"),
        ])
        #expect(transfer.start(now: .zero) == [.send(oack), .scheduleTimeout(at: Self.at(1))])
        // A stray ACK other than 0 does not accept the OACK.
        #expect(transfer.receive(.acknowledgement(block: 1), now: Self.at(0.1)) == [])
        #expect(
            transfer.receive(.acknowledgement(block: 0), now: Self.at(0.2))
                == [.send(.data(block: 1, payload: Array(file[0..<1468]))), .scheduleTimeout(at: Self.at(1.2))])
        // A second ACK 0 is a duplicate.
        #expect(transfer.receive(.acknowledgement(block: 0), now: Self.at(0.3)) == [])
    }

    @Test func blockSize1468() {
        let file = patternFile(count: 40 * 1468 + 1)
        var simulation = TransferSimulation(
            octetRequest([("blksize", "1468"), ("tsize", "0")]), source: TFTPMemorySource(file))
        simulation.run()
        #expect(simulation.outcome == .completed(blocks: 41, bytes: file.count))
        #expect(simulation.client.file == file)
        #expect(simulation.dataBlocksSent == (1...41).map { UInt16($0) })
    }

    @Test(arguments: [0, 512, 1024, 512 * 7])
    func exactMultipleEndsWithAnEmptyBlock(size: Int) {
        let file = patternFile(count: size)
        var simulation = TransferSimulation(octetRequest(), source: TFTPMemorySource(file))
        simulation.run()
        let blocks = size / 512 + 1
        #expect(simulation.outcome == .completed(blocks: blocks, bytes: size))
        #expect(simulation.serverSent.last == .data(block: UInt16(blocks), payload: []))
        #expect(simulation.client.file == file)
    }

    @Test func duplicateAcksCauseNoRetransmission() {
        var transfer = Transfer(request: octetRequest(), source: TFTPMemorySource(patternFile(count: 2000)))
        _ = transfer.start(now: .zero)
        #expect(transfer.receive(.acknowledgement(block: 1), now: Self.at(0.1)).count == 2)
        // The Sorcerer's Apprentice (RFC 1123 §4.2.3.1): a second ACK 1 must not resend DATA 2.
        #expect(transfer.receive(.acknowledgement(block: 1), now: Self.at(0.2)) == [])
        // Stale (older than the window) and not-yet-sent blocks are ignored too.
        #expect(transfer.receive(.acknowledgement(block: 0), now: Self.at(0.3)) == [])
        #expect(transfer.receive(.acknowledgement(block: 3), now: Self.at(0.3)) == [])
        #expect(transfer.receive(.acknowledgement(block: 40000), now: Self.at(0.3)) == [])

        // A network that delivers every ACK twice: each block is still sent exactly once.
        let file = patternFile(count: 20 * 512 + 5)
        var simulation = TransferSimulation(octetRequest(), source: TFTPMemorySource(file))
        simulation.copiesToServer = 2
        simulation.run()
        #expect(simulation.dataBlocksSent == (1...21).map { UInt16($0) })
        #expect(simulation.client.file == file)
    }

    @Test func clientErrorEndsTheTransferSilently() {
        var transfer = Transfer(request: octetRequest(), source: TFTPMemorySource(patternFile(count: 2000)))
        _ = transfer.start(now: .zero)
        let outcome = TFTPTransferOutcome.failed(.peerError(.diskFull, message: "full"))
        #expect(transfer.receive(.error(.diskFull, message: "full"), now: Self.at(0.1)) == [.finished(outcome)])
        #expect(transfer.receive(.acknowledgement(block: 1), now: Self.at(0.2)) == [])
        #expect(transfer.receive(datagram: [0xFF], now: Self.at(0.3)) == [])
        #expect(transfer.timerFired(now: Self.at(5)) == [])
    }

    @Test func clientRefusesTheOptionAcknowledgement() {
        var transfer = Transfer(request: octetRequest([("tsize", "0")]), source: TFTPMemorySource([1]))
        _ = transfer.start(now: .zero)
        #expect(
            transfer.receive(datagram: PacketFixtures.optionError, now: Self.at(0.1))
                == [.finished(.failed(.peerError(.optionNegotiationRefused, message: "bad")))])
    }

    @Test(arguments: [
        TFTPPacket.data(block: 1, payload: []), .readRequest(TFTPRequest(filename: "x", mode: .octet)),
        .writeRequest(TFTPRequest(filename: "x", mode: .octet)), .optionAcknowledgement([]),
    ])
    func wrongOpcodeIsAnIllegalOperation(packet: TFTPPacket) {
        var transfer = Transfer(request: octetRequest(), source: TFTPMemorySource(patternFile(count: 2000)))
        _ = transfer.start(now: .zero)
        let actions = transfer.receive(packet, now: Self.at(0.1))
        #expect(actions.first == .send(.error(.illegalOperation, message: "Illegal TFTP operation")))
        #expect(actions.last == .finished(.failed(.illegalPacket(packet.description))))
        #expect(actions.count == 2)
    }

    @Test func malformedDatagramIsAnIllegalOperation() {
        var transfer = Transfer(request: octetRequest(), source: TFTPMemorySource([1]))
        _ = transfer.start(now: .zero)
        let actions = transfer.receive(datagram: [0, 9, 0, 0], now: Self.at(0.1))
        #expect(actions.first == .send(.error(.illegalOperation, message: "Malformed packet")))
        guard case .finished(.failed(.illegalPacket(let what))) = actions.last else {
            Issue.record("not finished: \(actions)")
            return
        }
        #expect(what.contains("opcode 9"))
    }

    @Test func eventsBeforeStartDoNothing() {
        var transfer = Transfer(request: octetRequest(), source: TFTPMemorySource([1]))
        #expect(transfer.receive(.acknowledgement(block: 1), now: .zero) == [])
        #expect(transfer.timerFired(now: Self.at(100)) == [])
        #expect(transfer.receive(datagram: [0xFF], now: .zero) == [])
        #expect(!transfer.isFinished && transfer.outcome == nil)
    }

    @Test func sourceFailureSendsErrorZero() {
        var transfer = TFTPReadTransfer(request: octetRequest(), source: FailingSource(failsFrom: 1024))
        _ = transfer.start(now: .zero)
        _ = transfer.receive(.acknowledgement(block: 1), now: Self.at(0.1))
        #expect(
            transfer.receive(.acknowledgement(block: 2), now: Self.at(0.2))
                == [.send(.error(.undefined, message: "Read error")), .finished(.failed(.sourceFailed("EIO")))])
    }

    @Test func failureLabelsAndDescriptions() {
        let failures: [TFTPTransferFailure] = [
            .timedOut, .peerError(.fileNotFound, message: "x"), .illegalPacket("DATA"), .sourceFailed("EIO"),
        ]
        #expect(failures.map(\.label) == ["timed out", "peer error", "illegal packet", "read failed"])
        #expect(failures[1].description == "client sent ERROR 1 (file not found): x")
    }
}
