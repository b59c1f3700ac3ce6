import Hummingbird

/// Calls `onChange` after every successful mutating request, so the supervisor can tell the daemons to
/// reload (DESIGN.md §1: configuration changes go through the API into SQLite, then a reload).
struct ChangeNotificationMiddleware: RouterMiddleware {
    typealias Context = AdminRequestContext
    let onChange: @Sendable () async -> Void

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let response = try await next(request, context)
        let mutating: Set<HTTPRequest.Method> = [.post, .put, .patch, .delete]
        if mutating.contains(request.method) && (200..<300).contains(response.status.code) {
            await onChange()
        }
        return response
    }
}
