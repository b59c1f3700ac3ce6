import CastorModel
import Foundation
import Hummingbird

/// Lets a request through only with `Authorization: Bearer <token>` naming a live token (RFC 6750 §2.1).
///
/// A missing, unknown or expired token gets 401 with `WWW-Authenticate: Bearer`.
struct BearerAuthMiddleware: RouterMiddleware {
    typealias Context = AdminRequestContext
    let store: any ModelStore
    let now: @Sendable () -> Date

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard let header = request.headers[.authorization] else {
            throw APIError.unauthorized("missing bearer token: log in with POST /api/auth/login")
        }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else {
            throw APIError.unauthorized("the Authorization header must be \"Bearer <token>\"")
        }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        guard let admin = try store.validateToken(token, now: now()) else {
            throw APIError.unauthorized("the token is invalid or expired: log in again", invalidToken: true)
        }
        var context = context
        context.admin = admin
        context.token = token
        return try await next(request, context)
    }
}
