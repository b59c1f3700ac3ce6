import CastorCore

/// Admission for addresses that keep failing (wrong credentials, malformed messages): once an address has
/// `threshold` failures in the registrar's window, its requests are admitted at `rate` per second (a token
/// bucket) and the rest are dropped before they are parsed. A flood of bad REGISTERs from one address then
/// costs a read and a dictionary lookup per packet, and the others are still served. Addresses with no
/// recent failures are never throttled. This is not the ban (that comes with the security work): an
/// address that stops failing is served normally again when its failures leave the window.
struct SuspectThrottle: Sendable {
    var threshold: Int
    var rate: Double
    var burst: Double
    private var buckets: [String: (tokens: Double, last: MonotonicInstant)] = [:]
    static let capacity = 10_000

    init(threshold: Int = 10, rate: Double = 20, burst: Double = 20) {
        self.threshold = threshold
        self.rate = rate
        self.burst = burst
    }

    /// Whether a request from `address`, which has `failures` recent failures, is processed now.
    mutating func admit(_ address: String, failures: Int, now: MonotonicInstant) -> Bool {
        guard failures >= threshold else {
            if !buckets.isEmpty { buckets[address] = nil }
            return true
        }
        if buckets.count >= Self.capacity, buckets[address] == nil { buckets.removeAll(keepingCapacity: true) }
        var bucket = buckets[address] ?? (burst, now)
        bucket.tokens = min(burst, bucket.tokens + (now - bucket.last).seconds * rate)
        bucket.last = now
        let admitted = bucket.tokens >= 1
        if admitted { bucket.tokens -= 1 }
        buckets[address] = bucket
        return admitted
    }
}
