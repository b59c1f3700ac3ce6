import CastorCore
import Testing

@testable import SIPAuth

@Suite struct AuthFailureCounterTests {
    let start = MonotonicInstant.seconds(1000)

    @Test func countsWithinASlidingWindow() {
        var counter = AuthFailureCounter(window: .seconds(60), buckets: 6)
        #expect(counter.recordFailure(source: "198.51.100.7", now: start) == 1)
        #expect(counter.recordFailure(source: "198.51.100.7", now: start + .seconds(15)) == 2)
        #expect(counter.recordFailure(source: "198.51.100.7", now: start + .seconds(35)) == 3)
        #expect(counter.failures(source: "198.51.100.7", now: start + .seconds(59)) == 3)
        // The first failure's slice leaves the window; the others stay until theirs do.
        #expect(counter.failures(source: "198.51.100.7", now: start + .seconds(61)) == 2)
        #expect(counter.recordFailure(source: "198.51.100.7", now: start + .seconds(80)) == 2)
        #expect(counter.failures(source: "198.51.100.7", now: start + .seconds(100)) == 1)
        #expect(counter.failures(source: "198.51.100.7", now: start + .seconds(141)) == 0)
        #expect(counter.failures(source: "203.0.113.1", now: start) == 0)
    }

    @Test func aBurstIsCountedInOneSlice() {
        var counter = AuthFailureCounter()
        for attempt in 1...50 {
            #expect(counter.recordFailure(source: "s", now: start + .milliseconds(attempt)) == attempt)
        }
        // After a long silence everything is forgotten, including the entry itself.
        #expect(counter.recordFailure(source: "t", now: start + .seconds(3600)) == 1)
        #expect(counter.trackedSources == 1)
        #expect(counter.recordFailure(source: "s", now: start + .seconds(3601)) == 1)
    }

    @Test func successResets() {
        var counter = AuthFailureCounter()
        counter.recordFailure(source: "s", now: start)
        counter.recordFailure(source: "s", now: start)
        counter.recordSuccess(source: "s")
        #expect(counter.failures(source: "s", now: start) == 0)
        #expect(counter.recordFailure(source: "s", now: start) == 1)
    }

    @Test func boundedAndEvictsTheLeastRecentlyFailing() {
        var counter = AuthFailureCounter(window: .seconds(60), capacity: 100)
        for _ in 0..<5 { counter.recordFailure(source: "attacker", now: start) }
        for index in 0..<1000 {
            let now = start + .milliseconds(index)
            counter.recordFailure(source: "spoofed-\(index)", now: now)
            if index % 50 == 0 { counter.recordFailure(source: "attacker", now: now) }  // keeps failing
            #expect(counter.trackedSources <= 100)
        }
        #expect(counter.failures(source: "attacker", now: start + .seconds(1)) == 25)
        #expect(counter.failures(source: "spoofed-0", now: start + .seconds(1)) == 0)  // evicted
        #expect(counter.failures(source: "spoofed-999", now: start + .seconds(1)) == 1)
    }
}
