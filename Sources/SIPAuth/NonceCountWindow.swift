import CastorCore

/// Replay protection for Digest nonce counts (RFC 7616 §3.4 `nc`, §5.5): remembers, per nonce, which counts
/// were used, so that a captured REGISTER cannot be sent again while its nonce is still fresh.
///
/// Per nonce it keeps the highest count seen and a 64-bit map of the 64 counts up to it, so a count is
/// accepted once, out of order within 64 below the highest (UDP reorders; Kamailio's nonce-count check allows
/// the same), and refused when seen or older than that.
///
/// ```swift
/// var window = NonceCountWindow(capacity: 100_000, lifetime: authority.lifetime)
/// // after NonceAuthority.check said .valid(issuedAt) and Digest.verify said true:
/// switch credentials.nonceCount {
/// case let nc?: window.accept(nonce: credentials.nonce, issuedAt: issuedAt, nonceCount: nc, now: now)
/// case nil: window.acceptOnce(nonce: credentials.nonce, issuedAt: issuedAt, now: now)   // RFC 2069 style
/// }
/// ```
///
/// Call it only after the response has verified: otherwise anyone could burn a phone's counts or fill the
/// window without knowing a password.
///
/// Without `qop` there is no `nc`, and the same Authorization could be replayed for the nonce's whole lifetime;
/// `acceptOnce` treats such a nonce as single-use (count 1), which costs a client that reuses it one more
/// challenge round trip, never a false acceptance.
///
/// Memory is bounded: at most `capacity` nonces, each forgotten when its lifetime ends (oldest first use first)
/// or, when the window is full, the oldest one is evicted. An untracked nonce is accepted only if it cannot have
/// been evicted — it was issued after every evicted nonce (the *eviction horizon*). Otherwise the verdict is
/// `.stale`: the phone gets a fresh nonce and retries, which is always safe, where accepting could let a replay
/// of an evicted nonce through. Under a load that overflows the window, only clients that answer a challenge
/// more slowly than the window turns over pay one extra round trip. About 200 bytes per tracked nonce.
public struct NonceCountWindow: Sendable {
    /// How far below the highest count a late count is still accepted.
    public static let width: UInt32 = 64

    public let capacity: Int
    /// Must equal the `NonceAuthority`'s lifetime: an entry is forgotten when its nonce expires.
    public let lifetime: Duration
    private var entries: RecencyList<String, Entry>
    /// The latest issue time among nonces evicted for lack of room; untracked nonces issued at or before it may
    /// have been used, so they are `.stale`.
    private var evictionHorizon: MonotonicInstant?

    private struct Entry {
        var issuedAt: MonotonicInstant
        var highest: UInt32
        /// Bit k set: count `highest - k` was used.
        var seen: UInt64
    }

    public init(capacity: Int = 100_000, lifetime: Duration = .seconds(300)) {
        self.capacity = max(1, capacity)
        self.lifetime = lifetime
        self.entries = RecencyList(minimumCapacity: min(self.capacity, 1 << 16))
    }

    /// How many nonces are tracked.
    public var count: Int { entries.count }

    /// Records use `nonceCount` of `nonce` (issued at `issuedAt`, as `NonceAuthority.check` returned), if new.
    public mutating func accept(
        nonce: String, issuedAt: MonotonicInstant, nonceCount: UInt32, now: MonotonicInstant
    ) -> NonceCountVerdict {
        if NonceAuthority.hasExpired(issuedAt: issuedAt, lifetime: lifetime, now: now) { return .stale }
        removeExpired(now: now)
        guard nonceCount > 0 else { return .replayed }
        if let accepted = entries.modify(nonce, touch: false, { Self.record(nonceCount, in: &$0) }) {
            return accepted ? .accepted : .replayed
        }
        if let evictionHorizon, issuedAt <= evictionHorizon { return .stale }
        if entries.count >= capacity, let evicted = entries.removeOldest() {
            evictionHorizon = max(evictionHorizon ?? evicted.value.issuedAt, evicted.value.issuedAt)
        }
        entries.append(nonce, Entry(issuedAt: issuedAt, highest: nonceCount, seen: 1))
        return .accepted
    }

    /// For credentials without `qop` (RFC 2069 style, no `nc`): the nonce is accepted once, as count 1.
    public mutating func acceptOnce(nonce: String, issuedAt: MonotonicInstant, now: MonotonicInstant)
        -> NonceCountVerdict
    {
        accept(nonce: nonce, issuedAt: issuedAt, nonceCount: 1, now: now)
    }

    /// Forgets nonces whose lifetime has ended (also done by every `accept`).
    public mutating func removeExpired(now: MonotonicInstant) {
        while let oldest = entries.oldest,
            NonceAuthority.hasExpired(issuedAt: oldest.value.issuedAt, lifetime: lifetime, now: now)
        {
            entries.removeOldest()
        }
    }

    /// Marks `count` used in `entry`; false when it already was, or is too far below the highest.
    private static func record(_ count: UInt32, in entry: inout Entry) -> Bool {
        if count > entry.highest {
            let shift = count - entry.highest
            entry.seen = shift >= 64 ? 1 : entry.seen << UInt64(shift) | 1
            entry.highest = count
            return true
        }
        let age = entry.highest - count
        guard age < width else { return false }
        let bit: UInt64 = 1 << UInt64(age)
        guard entry.seen & bit == 0 else { return false }
        entry.seen |= bit
        return true
    }
}
