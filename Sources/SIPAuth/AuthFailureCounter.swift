import CastorCore

/// Counts failed authentications per source (an address such as `"198.51.100.7"`) over a sliding window, so
/// a later ban (fail2ban-style) can act on "more than N failures in the last minute". Counting only.
///
/// The window is split into `buckets` slices (default 6 × 10 s for a minute): a count covers the current slice
/// and the ones before it, so it is exact to one slice's width. Memory is bounded: at most `capacity` sources,
/// each forgotten when its last failure leaves the window, and when full the source that failed least recently
/// is evicted. A flood from many addresses can therefore push out a quiet one, never a source still failing
/// faster than `capacity` other sources appear.
///
/// ```swift
/// var failures = AuthFailureCounter(window: .seconds(60), capacity: 10_000)
/// if failures.recordFailure(source: "198.51.100.7", now: now) > 10 { …ban }
/// failures.recordSuccess(source: "198.51.100.7")   // a phone that got its password right starts over
/// ```
public struct AuthFailureCounter: Sendable {
    public let window: Duration
    public let capacity: Int
    private let bucketCount: Int
    private let bucketNanoseconds: Int64
    private var sources: RecencyList<String, Tally>

    public init(window: Duration = .seconds(60), buckets: Int = 6, capacity: Int = 10_000) {
        self.window = window
        self.capacity = max(1, capacity)
        self.bucketCount = max(1, buckets)
        self.bucketNanoseconds = max(1, window.nanosecondsClamped / Int64(max(1, buckets)))
        self.sources = RecencyList(minimumCapacity: min(self.capacity, 1 << 14))
    }

    /// How many sources are tracked.
    public var trackedSources: Int { sources.count }

    /// Counts one failure from `source` at `now`; returns its failures in the window, this one included.
    @discardableResult
    public mutating func recordFailure(source: String, now: MonotonicInstant) -> Int {
        let bucket = bucketIndex(now)
        forgetIdle(at: bucket)
        let recorded = sources.modify(source, touch: true) { tally in
            tally.record(bucket)
            return tally.total(at: bucket)
        }
        if let recorded { return recorded }
        if sources.count >= capacity { sources.removeOldest() }
        var tally = Tally(newestBucket: bucket, bucketCount: bucketCount)
        tally.record(bucket)
        sources.append(source, tally)
        return 1
    }

    /// `source`'s failures in the window ending at `now`.
    public func failures(source: String, now: MonotonicInstant) -> Int {
        sources.value(for: source)?.total(at: bucketIndex(now)) ?? 0
    }

    /// Forgets `source`'s failures (a successful authentication).
    public mutating func recordSuccess(source: String) {
        sources.remove(source)
    }

    /// Drops the sources whose latest failure has left the window (least recently failed first).
    private mutating func forgetIdle(at bucket: Int64) {
        while let oldest = sources.oldest, oldest.value.newestBucket <= bucket &- Int64(bucketCount) {
            sources.removeOldest()
        }
    }

    private func bucketIndex(_ instant: MonotonicInstant) -> Int64 {
        let (quotient, remainder) = instant.nanoseconds.quotientAndRemainder(dividingBy: bucketNanoseconds)
        return remainder < 0 ? quotient - 1 : quotient
    }
}

/// One source's failures: a ring of per-slice counts for the `counts.count` slices up to `newestBucket`.
private struct Tally: Sendable {
    var newestBucket: Int64
    var counts: [UInt32]

    init(newestBucket: Int64, bucketCount: Int) {
        self.newestBucket = newestBucket
        self.counts = [UInt32](repeating: 0, count: bucketCount)
    }

    private var span: Int64 { Int64(counts.count) }

    mutating func record(_ bucket: Int64) {
        if bucket > newestBucket {
            let gap = bucket &- newestBucket
            if gap >= span || gap < 0 {
                for index in counts.indices { counts[index] = 0 }
            } else {
                for step in 1...gap { counts[slot(newestBucket + step)] = 0 }
            }
            newestBucket = bucket
        } else if newestBucket &- bucket >= span {
            return  // older than the window (an instant out of order): nothing to count
        }
        let index = slot(bucket)
        if counts[index] < .max { counts[index] += 1 }
    }

    func total(at bucket: Int64) -> Int {
        var sum = 0
        for age in 0..<span {
            let slice = newestBucket &- age
            if slice <= bucket, slice > bucket &- span { sum += Int(counts[slot(slice)]) }
        }
        return sum
    }

    private func slot(_ bucket: Int64) -> Int {
        let remainder = Int(bucket % span)
        return remainder < 0 ? remainder + counts.count : remainder
    }
}
