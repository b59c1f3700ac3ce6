import CastorModel
import Hummingbird

/// `POST /api/auth/login` (public) and `POST /api/auth/logout` (with the token to revoke).
///
/// Login answers an unknown user and a wrong password alike (401), so it does not tell which usernames exist.
///
/// ```swift
/// let auth = AuthController(store: store, options: options)
/// auth.addPublicRoutes(to: router)
/// auth.addProtectedRoutes(to: protectedGroup)
/// ```
struct AuthController: Sendable {
    let store: any ModelStore
    let options: AdminAPIOptions

    /// The body of `POST /api/auth/login`.
    struct Credentials: Codable {
        var username: String
        var password: String
    }

    func addPublicRoutes(to router: Router<AdminRequestContext>) {
        let store = self.store
        let options = self.options
        router.post("api/auth/login") { request, _ in
            let credentials = try await RequestBody.decode(
                Credentials.self, from: request, limit: options.maxBodySize)
            guard try store.verifyAdmin(username: credentials.username, password: credentials.password) else {
                throw APIError.unauthorized("invalid username or password")
            }
            let token = try store.issueToken(
                username: credentials.username, lifetime: options.tokenLifetime, now: options.now())
            return try JSONResponse.make(token)
        }
    }

    func addProtectedRoutes(to group: RouterGroup<AdminRequestContext>) {
        let store = self.store
        group.post("auth/logout") { _, context in
            if let token = context.token { try store.revokeToken(token) }
            return JSONResponse.noContent()
        }
    }
}
