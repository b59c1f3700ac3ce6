import CastorModel
import Foundation
import GRDB

/// Administrators (scrypt-hashed passwords) and their API bearer tokens (stored as SHA-256 only).
extension CastorStore {
    public func setAdminPassword(username: String, password: String) throws(CastorError) {
        try Validate.identifier(username, field: "username")
        guard password.count >= 8 else {
            throw .invalid(field: "password", reason: "must be at least 8 characters")
        }
        guard password.utf8.count <= 1024 else {
            throw .invalid(field: "password", reason: "must be at most 1024 bytes")
        }
        // Hash before taking the write lock: scrypt is slow on purpose.
        let encoded: String
        do {
            encoded = try PasswordHash(password: password).encoded
        } catch {
            throw .invalid(field: "password", reason: "could not be hashed (\(type(of: error)))")
        }
        try write { db in
            if var admin = try AdminRecord.filter(Column("username") == username).fetchOne(db) {
                admin.passwordHash = encoded
                try admin.update(db)
            } else {
                var admin = AdminRecord(id: nil, username: username, passwordHash: encoded)
                try admin.insert(db)
            }
        }
    }

    public func hasAdmin() throws(CastorError) -> Bool {
        try read { db in try AdminRecord.fetchCount(db) > 0 }
    }

    public func verifyAdmin(username: String, password: String) throws(CastorError) -> Bool {
        let stored = try read { db in
            try String.fetchOne(db, sql: "SELECT password_hash FROM admin WHERE username = ?", arguments: [username])
        }
        let hash = stored.flatMap(PasswordHash.init(encoded:))
        do {
            // An unknown user (or an unreadable hash) is checked against a dummy, so it costs the same.
            let matches = try (hash ?? .dummy).matches(password)
            return hash != nil && matches
        } catch {
            return false
        }
    }

    public func issueToken(username: String, lifetime: Duration, now: Date) throws(CastorError) -> APIToken {
        guard lifetime > .zero else {
            throw .invalid(field: "lifetime", reason: "must be positive, got \(lifetime)")
        }
        let token = BearerToken.generate()
        let expiresAt = now.addingTimeInterval(Self.seconds(lifetime))
        try write { db in
            guard let admin = try AdminRecord.filter(Column("username") == username).fetchOne(db) else {
                throw CastorError.notFound(kind: "admin", key: "\"\(username)\"")
            }
            // Housekeeping: expired tokens are of no use to anyone.
            try APITokenRecord.filter(Column("expires_at") <= now.timeIntervalSince1970).deleteAll(db)
            try APITokenRecord(
                tokenSHA256: BearerToken.digest(token), adminID: admin.id.stored,
                createdAt: now.timeIntervalSince1970, expiresAt: expiresAt.timeIntervalSince1970
            ).insert(db)
        }
        return APIToken(token: token, username: username, expiresAt: expiresAt)
    }

    public func validateToken(_ token: String, now: Date) throws(CastorError) -> String? {
        guard BearerToken.isWellFormed(token) else { return nil }
        let digest = BearerToken.digest(token)
        let found = try read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT a.username, t.expires_at FROM api_token t JOIN admin a ON a.id = t.admin_id
                    WHERE t.token_sha256 = ?
                    """, arguments: [digest])
        }
        guard let found, let username = found["username"] as String?, let expiresAt = found["expires_at"] as Double?
        else { return nil }
        if expiresAt > now.timeIntervalSince1970 { return username }
        // Expired: forget it (a separate, idempotent write; the answer does not depend on it).
        try write { db in _ = try APITokenRecord.deleteOne(db, key: digest) }
        return nil
    }

    public func revokeToken(_ token: String) throws(CastorError) {
        let digest = BearerToken.digest(token)
        try write { db in _ = try APITokenRecord.deleteOne(db, key: digest) }
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
