import CastorCore
import Testing

@testable import TFTPProtocol

@Suite struct RetransmissionTests {
    typealias Transfer = TFTPReadTransfer<TFTPMemorySource>

    static func at(_ seconds: Double) -> MonotonicInstant { .seconds(seconds) }

    @Test func backOffThenGiveUp() {
        var transfer = Transfer(request: octetRequest(), source: TFTPMemorySource([9, 9]))
        let data = TFTPPacket.data(block: 1, payload: [9, 9])
        #expect(transfer.start(now: .zero) == [.send(data), .scheduleTimeout(at: Self.at(1))])
        // Early or superseded timers are ignored.
        #expect(transfer.timerFired(now: Self.at(0.999)) == [])
        // 1 s, then doubling to the 8 s cap: resends at 1, 3, 7, 15, 23; gives up at 31.
        var now = 1.0
        for next in [3.0, 7, 15, 23, 31] {
            #expect(transfer.timerFired(now: Self.at(now)) == [.send(data), .scheduleTimeout(at: Self.at(next))])
            now = next
        }
        #expect(
            transfer.timerFired(now: Self.at(now))
                == [.send(.error(.undefined, message: "Transfer timed out")), .finished(.failed(.timedOut))])
        #expect(transfer.retransmittedPackets == 5)
        #expect(transfer.timerFired(now: Self.at(100)) == [])
    }

    @Test func progressResetsTheBackOff() {
        var transfer = Transfer(request: octetRequest(), source: TFTPMemorySource(patternFile(count: 1500)))
        _ = transfer.start(now: .zero)
        _ = transfer.timerFired(now: Self.at(1))  // next at 3
        _ = transfer.timerFired(now: Self.at(3))  // next at 7
        let actions = transfer.receive(.acknowledgement(block: 1), now: Self.at(4))
        #expect(actions.last == .scheduleTimeout(at: Self.at(5)))
    }

    @Test func negotiatedTimeoutIsTheFirstInterval() {
        var transfer = Transfer(request: octetRequest([("timeout", "3")]), source: TFTPMemorySource([1]))
        let oack = TFTPPacket.optionAcknowledgement([TFTPOption(name: "timeout", value: "3")])
        #expect(transfer.start(now: .zero) == [.send(oack), .scheduleTimeout(at: Self.at(3))])
        // The OACK itself is retransmitted until ACK 0 comes.
        #expect(transfer.timerFired(now: Self.at(3)) == [.send(oack), .scheduleTimeout(at: Self.at(9))])
        #expect(transfer.timerFired(now: Self.at(9)) == [.send(oack), .scheduleTimeout(at: Self.at(17))])
        let actions = transfer.receive(.acknowledgement(block: 0), now: Self.at(10))
        #expect(actions == [.send(.data(block: 1, payload: [1])), .scheduleTimeout(at: Self.at(13))])
    }

    @Test func customPolicy() {
        let policy = TFTPRetransmission(
            initialTimeout: .milliseconds(250), maximumTimeout: .milliseconds(500), maximumRetries: 1)
        var transfer = Transfer(request: octetRequest(), source: TFTPMemorySource([1]), retransmission: policy)
        #expect(transfer.start(now: .zero).last == .scheduleTimeout(at: Self.at(0.25)))
        #expect(transfer.timerFired(now: Self.at(0.25)).last == .scheduleTimeout(at: Self.at(0.75)))
        #expect(transfer.timerFired(now: Self.at(0.75)).last == .finished(.failed(.timedOut)))
    }

    @Test func lostDataInLockStepIsResentAfterTheTimeout() {
        let file = patternFile(count: 5 * 512 + 1)
        var simulation = TransferSimulation(octetRequest(), source: TFTPMemorySource(file))
        simulation.losesToClient = { packet, count in
            if case .data(3, _) = packet { return count < 2 }
            return false
        }
        simulation.run()
        #expect(simulation.client.file == file)
        #expect(simulation.timeouts == 2)
        #expect(simulation.dataBlocksSent == [1, 2, 3, 3, 3, 4, 5, 6])
        #expect(simulation.transfer.retransmittedPackets == 2)
    }

    @Test func lostLastAckTimesOutAfterTheRetries() {
        // The client's final ACK never arrives: the server cannot know the file got through.
        var simulation = TransferSimulation(octetRequest(), source: TFTPMemorySource(patternFile(count: 100)))
        simulation.losesToServer = { _, _ in true }
        simulation.run()
        #expect(simulation.outcome == .failed(.timedOut))
        #expect(simulation.timeouts == 6)
        #expect(simulation.client.receivedError == .error(.undefined, message: "Transfer timed out"))
    }
}
