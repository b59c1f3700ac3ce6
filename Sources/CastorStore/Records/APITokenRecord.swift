import GRDB

/// A row of `api_token`: only the SHA-256 (hex) of a bearer token is stored; dates are Unix seconds.
struct APITokenRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "api_token"
    var tokenSHA256: String
    var adminID: Int64
    var createdAt: Double
    var expiresAt: Double

    enum CodingKeys: String, CodingKey {
        case tokenSHA256 = "token_sha256"
        case adminID = "admin_id"
        case createdAt = "created_at"
        case expiresAt = "expires_at"
    }
}
