import CastorCore
import Testing

@testable import SIPAuth

@Suite struct NonceCountWindowTests {
    let issued = MonotonicInstant.seconds(100)
    var now: MonotonicInstant { issued + .seconds(1) }

    @Test func inOrderCountsAreAcceptedOnce() {
        var window = NonceCountWindow(capacity: 10, lifetime: .seconds(300))
        for nc in UInt32(1)...5 {
            #expect(window.accept(nonce: "a", issuedAt: issued, nonceCount: nc, now: now) == .accepted)
            #expect(window.accept(nonce: "a", issuedAt: issued, nonceCount: nc, now: now) == .replayed)
        }
        #expect(window.accept(nonce: "a", issuedAt: issued, nonceCount: 0, now: now) == .replayed)
        #expect(window.accept(nonce: "b", issuedAt: issued, nonceCount: 1, now: now) == .accepted)
        #expect(window.count == 2)
    }

    @Test func outOfOrderWithinTheWindow() {
        var window = NonceCountWindow(capacity: 10)
        #expect(window.accept(nonce: "a", issuedAt: issued, nonceCount: 100, now: now) == .accepted)
        #expect(window.accept(nonce: "a", issuedAt: issued, nonceCount: 37, now: now) == .accepted)  // 63 below
        #expect(window.accept(nonce: "a", issuedAt: issued, nonceCount: 36, now: now) == .replayed)  // 64 below
        #expect(window.accept(nonce: "a", issuedAt: issued, nonceCount: 99, now: now) == .accepted)
        #expect(window.accept(nonce: "a", issuedAt: issued, nonceCount: 99, now: now) == .replayed)
        #expect(window.accept(nonce: "a", issuedAt: issued, nonceCount: 37, now: now) == .replayed)
        // A jump wider than the window forgets everything below it.
        #expect(window.accept(nonce: "a", issuedAt: issued, nonceCount: 1000, now: now) == .accepted)
        #expect(window.accept(nonce: "a", issuedAt: issued, nonceCount: 999, now: now) == .accepted)
        #expect(window.accept(nonce: "a", issuedAt: issued, nonceCount: 100, now: now) == .replayed)
        #expect(window.accept(nonce: "a", issuedAt: issued, nonceCount: .max, now: now) == .accepted)
        #expect(window.accept(nonce: "a", issuedAt: issued, nonceCount: .max, now: now) == .replayed)
    }

    @Test func acceptOnceForRFC2069Clients() {
        var window = NonceCountWindow()
        #expect(window.acceptOnce(nonce: "a", issuedAt: issued, now: now) == .accepted)
        #expect(window.acceptOnce(nonce: "a", issuedAt: issued, now: now) == .replayed)
    }

    @Test func expiry() {
        var window = NonceCountWindow(capacity: 10, lifetime: .seconds(300))
        #expect(window.accept(nonce: "a", issuedAt: issued, nonceCount: 1, now: now) == .accepted)
        #expect(window.accept(nonce: "b", issuedAt: issued + .seconds(200), nonceCount: 1, now: now) == .accepted)
        let late = issued + .seconds(300)
        #expect(window.accept(nonce: "a", issuedAt: issued, nonceCount: 2, now: late) == .stale)
        window.removeExpired(now: late)
        #expect(window.count == 1)
        #expect(window.accept(nonce: "b", issuedAt: issued + .seconds(200), nonceCount: 1, now: late) == .replayed)
        window.removeExpired(now: late + .seconds(200))
        #expect(window.count == 0)
    }

    @Test func evictionNeverLetsAReplayThrough() {
        var window = NonceCountWindow(capacity: 3, lifetime: .seconds(300))
        let early = issued
        let later = issued + .seconds(10)
        // Nonce "w" was issued early but is first used after the window has turned over.
        for (index, nonce) in ["a", "b", "c"].enumerated() {
            let issuedAt = early + .milliseconds(index)
            #expect(window.accept(nonce: nonce, issuedAt: issuedAt, nonceCount: 1, now: now) == .accepted)
        }
        #expect(window.accept(nonce: "d", issuedAt: later, nonceCount: 1, now: now) == .accepted)  // evicts "a"
        #expect(window.count == 3)
        // "a" is forgotten: replaying nc=1 must not be accepted; the phone is sent a fresh nonce instead.
        #expect(window.accept(nonce: "a", issuedAt: early, nonceCount: 1, now: now) == .stale)
        #expect(window.accept(nonce: "a", issuedAt: early, nonceCount: 2, now: now) == .stale)
        // Any untracked nonce issued at or before the horizon is refused the same way…
        #expect(window.accept(nonce: "w", issuedAt: early, nonceCount: 1, now: now) == .stale)
        // …while one issued after it cannot have been evicted, so it is new.
        #expect(window.accept(nonce: "e", issuedAt: later, nonceCount: 5, now: now) == .accepted)
        #expect(window.accept(nonce: "e", issuedAt: later, nonceCount: 5, now: now) == .replayed)
        // Tracked nonces are unaffected by the horizon.
        #expect(window.accept(nonce: "d", issuedAt: later, nonceCount: 2, now: now) == .accepted)
    }

    @Test func memoryStaysBounded() {
        var window = NonceCountWindow(capacity: 1000, lifetime: .seconds(300))
        for index in 0..<10_000 {
            let issuedAt = issued + .milliseconds(index)
            let verdict = window.accept(nonce: "n\(index)", issuedAt: issuedAt, nonceCount: 1, now: issuedAt)
            #expect(verdict == .accepted)
            #expect(window.count <= 1000)
        }
        #expect(window.count == 1000)
        #expect(
            window.accept(nonce: "n9999", issuedAt: issued + .milliseconds(9999), nonceCount: 1, now: now) == .replayed)
    }
}
