import CastorCore
import Testing

@testable import SIPAuth

@Suite struct NonceAuthorityTests {
    static let secret = (0..<32).map { UInt8($0) &* 7 &+ 3 }
    let authority = NonceAuthority(secret: secret, lifetime: .seconds(300))
    let issued = MonotonicInstant.seconds(1000)

    @Test func roundTripIsValidUntilTheLifetimeEnds() {
        let nonce = authority.issue(now: issued, salt: 42)
        #expect(nonce.utf8.count == 43)
        #expect(nonce.utf8.allSatisfy { AuthHeaderScanner.isTokenCharacter($0) })
        #expect(authority.check(nonce, now: issued) == .valid(issuedAt: issued))
        #expect(authority.check(nonce, now: issued + .seconds(299)) == .valid(issuedAt: issued))
        #expect(authority.check(nonce, now: issued + .seconds(300)) == .stale)
        #expect(authority.check(nonce, now: MonotonicInstant(nanoseconds: .max)) == .stale)
    }

    @Test func noncesDifferBySaltAndTime() {
        let a = authority.issue(now: issued, salt: 1)
        #expect(a != authority.issue(now: issued, salt: 2))
        #expect(a != authority.issue(now: issued + .nanoseconds(1), salt: 1))
        #expect(a == authority.issue(now: issued, salt: 1))
        #expect(authority.check(authority.issue(now: .zero, salt: .max), now: .zero) == .valid(issuedAt: .zero))
    }

    @Test func forgeries() {
        let nonce = authority.issue(now: issued, salt: 42)
        let later = issued + .seconds(1)
        var bytes = Array(nonce.utf8)
        for index in bytes.indices {
            let original = bytes[index]
            bytes[index] = original == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
            #expect(authority.check(String(decoding: bytes, as: UTF8.self), now: later) == .forged)
            bytes[index] = original
        }
        #expect(authority.check(String(nonce.dropLast()), now: later) == .forged)
        #expect(authority.check(nonce + "A", now: later) == .forged)
        #expect(authority.check("", now: later) == .forged)
        #expect(authority.check(String(repeating: "=", count: 43), now: later) == .forged)
        #expect(authority.check(String(repeating: "é", count: 43), now: later) == .forged)
        let other = NonceAuthority(secret: Array(Self.secret.reversed()))
        #expect(other.check(nonce, now: later) == .forged)
        #expect(other.opaque != authority.opaque)
        // Issued "in the future" by our own key (a clock from another run): not ours to trust.
        #expect(authority.check(authority.issue(now: later, salt: 1), now: issued) == .forged)
    }

    @Test func timeIsAuthenticated() throws {
        // Rewriting the time field (first 8 bytes) of a genuine nonce must not make it fresh again.
        let nonce = authority.issue(now: issued, salt: 9)
        var token = try #require(Base64URL.decode(nonce))
        token[7] &+= 1
        #expect(authority.check(Base64URL.encode(token), now: issued + .seconds(400)) == .forged)
    }

    @Test func opaqueIsStableAndQuotable() {
        #expect(authority.opaque == NonceAuthority(secret: Self.secret).opaque)
        #expect(authority.opaque.utf8.count == 16)
    }
}
