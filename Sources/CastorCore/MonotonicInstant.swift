/// A point on a monotonic clock, as engines receive it: state machines never read the clock themselves
/// (DESIGN.md §3), the I/O layer passes `now` in, and tests pass whatever instant they need.
public struct MonotonicInstant: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Nanoseconds since an arbitrary origin (the process start, for the real clock).
    public var nanoseconds: Int64

    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }

    public static let zero = MonotonicInstant(nanoseconds: 0)

    public static func seconds(_ seconds: Double) -> MonotonicInstant {
        MonotonicInstant(nanoseconds: Int64(seconds * 1e9))
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.nanoseconds < rhs.nanoseconds }

    public static func + (lhs: Self, rhs: Duration) -> Self {
        MonotonicInstant(nanoseconds: lhs.nanoseconds + rhs.nanosecondsClamped)
    }

    public static func - (lhs: Self, rhs: Self) -> Duration { .nanoseconds(lhs.nanoseconds - rhs.nanoseconds) }

    public var description: String { "\(Double(nanoseconds) / 1e9)s" }
}

extension Duration {
    /// The duration in whole nanoseconds, clamped to `Int64`.
    public var nanosecondsClamped: Int64 {
        let (seconds, attoseconds) = components
        let (whole, overflow) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return seconds < 0 ? .min : .max }
        return whole &+ attoseconds / 1_000_000_000
    }

    /// The duration in seconds, as a floating-point number (for display and JSON).
    public var seconds: Double { Double(nanosecondsClamped) / 1e9 }
}

/// The real monotonic clock (`CLOCK_MONOTONIC` through `ContinuousClock`), for the I/O and service layers.
public struct SystemMonotonicClock: Sendable {
    private let origin = ContinuousClock.now
    public init() {}
    public var now: MonotonicInstant {
        MonotonicInstant(nanoseconds: (ContinuousClock.now - origin).nanosecondsClamped)
    }
}
