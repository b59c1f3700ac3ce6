import CastorCore
import Testing

@testable import MediaCore

/// RFC 3550 Appendix A.1 (sequence validation), A.3 (loss) and A.8 (jitter) on synthetic streams.
@Suite struct RTPStreamStatisticsTests {
    /// Feeds packets `sequences` of a 20 ms G.711 stream (160 timestamp units each), arriving on time plus
    /// `delay(index)` timestamp units.
    static func stream(
        _ sequences: [UInt16], ssrc: UInt32 = 7, into statistics: inout RTPStreamStatistics,
        delay: (Int) -> UInt32 = { _ in 0 }
    ) {
        for (index, sequence) in sequences.enumerated() {
            let timestamp = UInt32(sequence) &* 160
            let arrival = MonotonicInstant(nanoseconds: Int64(index) * 20_000_000)
            statistics.record(
                sequenceNumber: sequence, timestamp: timestamp, ssrc: ssrc, packetLength: 172, arrival: arrival,
                arrivalTimestamp: timestamp &+ 1000 &+ delay(index))
        }
    }

    @Test func aCleanStreamLosesNothing() {
        var statistics = RTPStreamStatistics()
        Self.stream(Array(1000..<1100), into: &statistics)
        #expect(statistics.packets == 100 && statistics.bytes == 17_200)
        // The first packet is on probation (A.1, MIN_SEQUENTIAL = 2): the count starts at the second.
        #expect(statistics.expected == 99 && statistics.receivedValid == 99)
        #expect(statistics.cumulativeLost == 0)
        #expect(statistics.isValid && statistics.ssrc == 7)
        #expect(statistics.lastArrival == MonotonicInstant(nanoseconds: 99 * 20_000_000))
        #expect(statistics.jitter == 0)
    }

    @Test func gapsAreCountedAsLoss() {
        var statistics = RTPStreamStatistics()
        let sent = (0..<100).map(UInt16.init).filter { ![10, 11, 12, 50, 98].contains($0) }
        Self.stream(sent, into: &statistics)
        #expect(statistics.expected == 99)  // 1…99
        #expect(statistics.cumulativeLost == 5)
        #expect(statistics.reportedCumulativeLost == 5)
        #expect(statistics.takeFractionLost() == UInt8(5 * 256 / 99))
        #expect(statistics.takeFractionLost() == 0)  // a new interval, nothing since
    }

    @Test func sequenceNumbersWrapAround() {
        var statistics = RTPStreamStatistics()
        let sequences = (0..<40).map { UInt16(truncatingIfNeeded: 65_520 + $0) }.filter { $0 != 3 }
        Self.stream(sequences, into: &statistics)
        #expect(statistics.extendedHighestSequence == 65_536 + 23)
        #expect(statistics.expected == 39)
        #expect(statistics.cumulativeLost == 1)
    }

    @Test func lateAndDuplicatePacketsAreReceived() {
        var statistics = RTPStreamStatistics()
        Self.stream([1, 2, 3, 5, 4, 6, 6, 7], into: &statistics)
        #expect(statistics.expected == 6)  // 2…7
        #expect(statistics.cumulativeLost == -1)  // one duplicate, nothing missing
    }

    @Test func aHugeJumpNeedsTwoPacketsToResync() {
        var statistics = RTPStreamStatistics()
        Self.stream(Array(1...10), into: &statistics)
        let accepted = statistics.record(
            sequenceNumber: 30_000, timestamp: 0, ssrc: 7, packetLength: 172, arrival: .zero, arrivalTimestamp: 0)
        #expect(!accepted)
        #expect(statistics.cumulativeLost == 0)
        Self.stream([30_001, 30_002], into: &statistics)
        // The source restarted at 30001: 9 expected before (2…10), 2 since, none lost.
        #expect(statistics.expected == 11)
        #expect(statistics.cumulativeLost == 0)
    }

    @Test func aNewSSRCRestartsProbationButKeepsTheTotals() {
        var statistics = RTPStreamStatistics()
        Self.stream([1, 2, 3, 5], ssrc: 1, into: &statistics)
        #expect(statistics.cumulativeLost == 1)
        Self.stream([900], ssrc: 2, into: &statistics)
        #expect(!statistics.isValid && statistics.ssrc == 2)
        Self.stream([901, 902, 904], ssrc: 2, into: &statistics)
        #expect(statistics.isValid)
        #expect(statistics.expected == 4 + 4)  // 2…5, then 901…904
        #expect(statistics.cumulativeLost == 2)
        #expect(statistics.packets == 8)
    }

    @Test func jitterOfAnAlternatingDelayConvergesToTheDifference() {
        // Transit alternates between 0 and 80 units (10 ms): |D| = 80 for every packet, so J → 80 (A.8).
        var statistics = RTPStreamStatistics()
        Self.stream((0..<400).map(UInt16.init), into: &statistics) { $0.isMultiple(of: 2) ? 0 : 80 }
        #expect((79...80).contains(statistics.jitter))
        #expect(abs(statistics.jitterMilliseconds() - 10) < 0.2)
    }

    @Test func jitterOfAUniformDelayMatchesItsMeanAbsoluteDifference() {
        // Delays uniform in 0…240 units: E|D| = 240 / 3 = 80 units; J is an average over ~16 packets.
        var random = SeededRandom(seed: 0xA8)
        let delays = (0..<5000).map { _ in UInt32.random(in: 0...240, using: &random) }
        var statistics = RTPStreamStatistics()
        Self.stream((0..<5000).map { UInt16($0) }, into: &statistics) { delays[$0] }
        #expect((60...100).contains(statistics.jitter), "jitter \(statistics.jitter)")
    }

    @Test func probationRestartsOnAnOutOfSequencePacket() {
        var statistics = RTPStreamStatistics()
        Self.stream([5, 9], into: &statistics)
        #expect(!statistics.isValid)
        Self.stream([10], into: &statistics)
        #expect(statistics.isValid && statistics.expected == 1)
    }
}
