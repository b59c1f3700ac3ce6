import CastorCore

/// Rate-limits MAC enumeration: how many MACs the store does not know one source address may ask about in
/// a window (a minute by default). A host walking MAC ranges to find configurations is stopped after a
/// few; a phone asking again about its own (new) MAC is never counted twice.
///
/// Pure: the caller passes the time. Memory is bounded: at most ``maximumSources`` addresses are tracked,
/// and the stalest is forgotten first.
///
/// ```swift
/// var limiter = UnknownDeviceLimiter(limit: 30)
/// if !limiter.admit(source: "10.20.0.50", mac: mac, now: clock.now) { return .tooManyRequests }
/// ```
public struct UnknownDeviceLimiter: Sendable {
    public let limit: Int
    public let window: Duration
    public let maximumSources: Int

    struct Window: Sendable {
        var start: MonotonicInstant
        var macs: Set<MACAddress>
        var refused = 0
    }

    var windows: [String: Window] = [:]

    public init(limit: Int, window: Duration = .seconds(60), maximumSources: Int = 4096) {
        self.limit = max(1, limit)
        self.window = window
        self.maximumSources = max(1, maximumSources)
    }

    /// Whether `source` may ask about unknown `mac` now; counts it when admitted.
    public mutating func admit(source: String, mac: MACAddress, now: MonotonicInstant) -> Bool {
        var entry = windows[source] ?? Window(start: now, macs: [])
        if now >= entry.start + window { entry = Window(start: now, macs: []) }
        defer {
            if windows[source] == nil && windows.count >= maximumSources { forgetStalest() }
            windows[source] = entry
        }
        if entry.macs.contains(mac) { return true }
        guard entry.macs.count < limit else {
            entry.refused += 1
            return false
        }
        entry.macs.insert(mac)
        return true
    }

    /// How many requests from `source` were refused in its current window (for the log line).
    public func refusals(of source: String) -> Int { windows[source]?.refused ?? 0 }

    private mutating func forgetStalest() {
        guard let stalest = windows.min(by: { $0.value.start < $1.value.start })?.key else { return }
        windows[stalest] = nil
    }
}
