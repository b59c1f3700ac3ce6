import Hummingbird

/// The request context of the admin API: Hummingbird's core storage plus who the bearer token belongs to.
///
/// ``BearerAuthMiddleware`` fills `admin` and `token` before a protected route runs.
///
/// ```swift
/// let router = Router(context: AdminRequestContext.self)
/// ```
public struct AdminRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The administrator the request's token belongs to (nil on public routes).
    public var admin: String?
    /// The bearer token presented, so `logout` can revoke it.
    public var token: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }
}
