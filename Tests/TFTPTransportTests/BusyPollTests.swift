import NIOCore
import NIOPosix
import TFTPProtocol
import Testing

@testable import TFTPTransport

/// The busy-poll decision: poll while answers come within the budget, back off exponentially while they do
/// not, never poll with a budget of 0.
@Suite struct BusyPollTests {
    /// The windows, out of `count`, for which the poll is asked for, when every poll expires.
    static func polledWindows(_ poll: inout TFTPBusyPoll, count: Int) -> [Int] {
        var polled: [Int] = []
        for window in 0..<count where poll.shouldPoll() {
            polled.append(window)
            poll.expired()
        }
        return polled
    }

    @Test func zeroBudgetNeverPolls() {
        var poll = TFTPBusyPoll(budget: .zero)
        #expect(poll.budget == 0)
        #expect(Self.polledWindows(&poll, count: 100).isEmpty)
    }

    @Test func budgetIsInNanoseconds() {
        #expect(TFTPBusyPoll(budget: .microseconds(50)).budget == 50_000)
        #expect(TFTPBusyPoll(budget: .seconds(1)).budget == 1_000_000_000)
        #expect(TFTPBusyPoll(budget: .microseconds(-5)).budget == 0)
    }

    @Test func answeredPollsKeepPolling() {
        var poll = TFTPBusyPoll(budget: .microseconds(50))
        for _ in 0..<1000 {
            let polls = poll.shouldPoll()
            #expect(polls)
            poll.answered()
        }
    }

    @Test func expiriesBackOffExponentiallyUpToAThousandWindows() {
        var poll = TFTPBusyPoll(budget: .microseconds(50))
        // Gaps of 1, 2, 4 … 1024 windows between polls, then 1024 for ever.
        let polled = Self.polledWindows(&poll, count: 10_000)
        let gaps = zip(polled.dropFirst(), polled).map { $0 - $1 }
        #expect(Array(gaps.prefix(10)) == [2, 4, 8, 16, 32, 64, 128, 256, 512, 1024])
        #expect(gaps.dropFirst(10).allSatisfy { $0 == 1024 })
        #expect(polled.first == 0)
    }

    @Test func anAnswerResetsTheBackOff() {
        var poll = TFTPBusyPoll(budget: .microseconds(50))
        _ = Self.polledWindows(&poll, count: 100)  // deep in back-off
        var skipped = 0
        while !poll.shouldPoll() { skipped += 1 }
        #expect(skipped > 0)
        poll.answered()
        let pollsAfterAnswer = poll.shouldPoll()
        #expect(pollsAfterAnswer)
        poll.expired()
        // One expiry after an answer skips one window only.
        let polls = (poll.shouldPoll(), poll.shouldPoll())
        #expect(polls == (false, true))
    }
}

/// The busy poll on a live server. With a budget far longer than any answer takes, the answers to a
/// transfer alone on its event loop are read by the poll (a stranger's datagram included, still answered
/// with ERROR 5), and the transfer ends exactly as it does through the event loop.
@Suite(.serialized, .enabled(if: System.coreCount > 1, "the server polls only with more than one CPU"))
struct BusyPollTransferTests {
    /// One event loop that only these tests use, one at a time: each transfer is alone on it.
    static let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    static func configuration(busyPoll: Duration) -> TFTPServerConfiguration {
        var configuration = TFTPLab.configuration()
        configuration.busyPoll = busyPoll
        return configuration
    }

    @Test func pollReadsTheAnswersAndAnswersStrangers() async throws {
        let file = randomBytes(700, seed: 11)
        try await TFTPLab.with(
            files: ["f.bin": file], configuration: Self.configuration(busyPoll: .seconds(10)), group: Self.group
        ) { lab in
            let client = try RawTFTPClient()
            let stranger = try RawTFTPClient()
            client.send(.readRequest(TFTPRequest(filename: "f.bin", mode: .octet)), to: lab.port)
            let (first, transferPort) = try await client.receivePacket()
            #expect(first == .data(block: 1, payload: Array(file[0..<512])))

            stranger.send(.acknowledgement(block: 1), to: transferPort)
            let (reply, _) = try await stranger.receivePacket()
            #expect(reply == TFTPPacket.unknownTransferID)

            client.send(.acknowledgement(block: 1), to: transferPort)
            let (second, _) = try await client.receivePacket(skipping: first)
            #expect(second == .data(block: 2, payload: Array(file[512...])))
            client.send(.acknowledgement(block: 2), to: transferPort)
            await lab.waitForEndedTransfers(1)
            #expect(lab.handler.outcomes == [.completed(blocks: 2, bytes: 700)])
            #expect(lab.server.counters.unknownTransferIDPackets == 1)
            // The stranger's ACK and the client's two, each read while the transfer waited for an answer.
            #expect(lab.server.counters.busyPolledDatagrams == 3)
        }
    }

    @Test(
        .enabled(if: TFTPClients.available, "needs atftp (scripts/setup.sh installs it)"),
        arguments: [[], ["blksize 1468", "windowsize 4"]])
    func atftpFetchesThroughThePoll(options: [String]) async throws {
        // 201 blocks of 512 (the last one empty), or 70 blocks of 1468 in 18 windows of 4.
        let file = randomBytes(100 * 1024, seed: 12)
        try await TFTPLab.with(
            files: ["f.bin": file], configuration: Self.configuration(busyPoll: .seconds(10)), group: Self.group
        ) { lab in
            let local = lab.download("f.bin-" + options.joined(separator: "_"))
            let output = try await TFTPClients.atftp(get: "f.bin", to: local, port: lab.port, options: options)
            #expect(output.status == 0, "atftp: \(output.stderr)")
            #expect(TFTPLab.contents(local) == file)
            await lab.waitForEndedTransfers(1)
            #expect(lab.handler.outcomes.count == 1)
            // Every 32 answers the poll lets the event loop run, which may read the next answer itself.
            let answers = options.isEmpty ? 201 : 19  // with options: ACK 0 of the OACK, then one per window
            #expect(lab.server.counters.busyPolledDatagrams >= answers - answers / 32 - 1)
            #expect(lab.server.counters.busyPolledDatagrams <= answers)
        }
    }

    @Test(.enabled(if: TFTPClients.available, "needs atftp (scripts/setup.sh installs it)"))
    func zeroBudgetNeverPolls() async throws {
        let file = randomBytes(20 * 1024, seed: 13)
        try await TFTPLab.with(
            files: ["f.bin": file], configuration: Self.configuration(busyPoll: .zero), group: Self.group
        ) { lab in
            let local = lab.download("f.bin")
            let output = try await TFTPClients.atftp(get: "f.bin", to: local, port: lab.port)
            #expect(output.status == 0, "atftp: \(output.stderr)")
            #expect(TFTPLab.contents(local) == file)
            await lab.waitForEndedTransfers(1)
            #expect(lab.server.counters.busyPolledDatagrams == 0)
        }
    }
}
