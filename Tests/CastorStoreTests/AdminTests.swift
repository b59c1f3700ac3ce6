import CastorModel
import Foundation
import Testing

@testable import CastorStore

@Suite("Administrators and API tokens")
struct AdminTests {
    @Test("the password verifies right, wrong and for an unknown user")
    func passwords() throws {
        let fixture = try StoreFixture()
        #expect(try fixture.store.hasAdmin() == false)
        try fixture.store.setAdminPassword(username: "admin", password: "correct horse")
        #expect(try fixture.store.hasAdmin())
        #expect(try fixture.store.verifyAdmin(username: "admin", password: "correct horse"))
        #expect(try fixture.store.verifyAdmin(username: "admin", password: "correct horsf") == false)
        #expect(try fixture.store.verifyAdmin(username: "nobody", password: "correct horse") == false)
        try fixture.store.setAdminPassword(username: "admin", password: "battery staple")
        #expect(try fixture.store.verifyAdmin(username: "admin", password: "battery staple"))
        #expect(try fixture.store.verifyAdmin(username: "admin", password: "correct horse") == false)
        #expect(
            failure { try fixture.store.setAdminPassword(username: "admin", password: "short") }?.field == "password")
        #expect(
            failure { try fixture.store.setAdminPassword(username: "Ad min", password: "long enough") }?.field
                == "username")
    }

    @Test("an unknown user costs a hash too (no timing oracle on admin names)")
    func unknownUserTiming() throws {
        let fixture = try StoreFixture()
        try fixture.store.setAdminPassword(username: "admin", password: "correct horse")
        let clock = ContinuousClock()
        let known = try clock.measure { _ = try fixture.store.verifyAdmin(username: "admin", password: "wrong horse") }
        let unknown = try clock.measure {
            _ = try fixture.store.verifyAdmin(username: "ghost", password: "wrong horse")
        }
        // Loose bound (machines are noisy): without the dummy hash, unknown would be ~1000 times faster.
        #expect(unknown * 4 > known)
    }

    @Test("the stored hash is scrypt with its parameters, and salted")
    func hashFormat() throws {
        let a = try PasswordHash(password: "correct horse")
        let b = try PasswordHash(password: "correct horse")
        #expect(a.encoded.hasPrefix("scrypt$32768$8$1$"))
        #expect(a.salt.count == 16 && a.hash.count == 32)
        #expect(a.salt != b.salt && a.hash != b.hash)
        let parsed = try #require(PasswordHash(encoded: a.encoded))
        #expect(parsed == a)
        #expect(try parsed.matches("correct horse"))
        #expect(PasswordHash(encoded: "plain") == nil)
        #expect(PasswordHash.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(PasswordHash.constantTimeEqual([1, 2, 3], [1, 2, 4]) == false)
        #expect(PasswordHash.constantTimeEqual([1, 2], [1, 2, 3]) == false)
    }

    @Test("a token is valid until it expires, by the date passed in")
    func tokenExpiry() throws {
        let fixture = try StoreFixture()
        try fixture.store.setAdminPassword(username: "admin", password: "correct horse")
        let issuedAt = Date(timeIntervalSince1970: 1_750_000_000)
        let token = try fixture.store.issueToken(username: "admin", lifetime: .seconds(3600), now: issuedAt)
        #expect(token.token.hasPrefix("cst_"))
        #expect(token.token.count == 4 + 43)
        #expect(!token.token.contains("=") && !token.token.contains("+") && !token.token.contains("/"))
        #expect(token.expiresAt == issuedAt.addingTimeInterval(3600))
        #expect(token.username == "admin")

        #expect(try fixture.store.validateToken(token.token, now: issuedAt.addingTimeInterval(3599)) == "admin")
        #expect(try fixture.store.validateToken(token.token, now: issuedAt.addingTimeInterval(3600)) == nil)
        // Expired rows are forgotten: going back in time does not revive it.
        #expect(try fixture.store.validateToken(token.token, now: issuedAt) == nil)

        #expect(try fixture.store.validateToken("cst_unknown", now: issuedAt) == nil)
        #expect(try fixture.store.validateToken("", now: issuedAt) == nil)
        #expect(
            failure { try fixture.store.issueToken(username: "ghost", lifetime: .seconds(60), now: issuedAt) }?
                .isNotFound == true)
        #expect(
            failure { try fixture.store.issueToken(username: "admin", lifetime: .zero, now: issuedAt) }?.field
                == "lifetime")
    }

    @Test("only the token's SHA-256 is stored; revoking forgets it")
    func tokenStorage() throws {
        let fixture = try StoreFixture()
        try fixture.store.setAdminPassword(username: "admin", password: "correct horse")
        let now = Date(timeIntervalSince1970: 1_750_000_000)
        let token = try fixture.store.issueToken(username: "admin", lifetime: .seconds(86_400), now: now)
        let stored = try fixture.store.read { db in
            try String.fetchAll(db, sql: "SELECT token_sha256 FROM api_token")
        }
        #expect(stored == [BearerToken.digest(token.token)])
        #expect(stored.first?.count == 64)
        // Another store on the file (the CLI) accepts it too.
        let other = try CastorStore.open(path: fixture.path)
        #expect(try other.validateToken(token.token, now: now) == "admin")
        try fixture.store.revokeToken(token.token)
        #expect(try other.validateToken(token.token, now: now) == nil)
    }
}
