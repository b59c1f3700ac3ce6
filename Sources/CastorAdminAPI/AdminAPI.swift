import CastorModel
import Hummingbird
import Logging

/// The admin REST API (JSON over HTTP, Hummingbird 2): health, login, CRUD over the data model and the call
/// detail records (read-only), all behind bearer tokens except health, login, the OpenAPI document and
/// `/metrics`.
///
/// The executable (`castor api`) runs it as a ServiceLifecycle service:
///
/// ```swift
/// let store = try CastorStore.open(path: "/var/lib/castor/castor.db")
/// let app = AdminAPI.makeApplication(
///     store: store, options: AdminAPIOptions(), metrics: APIMetrics(), host: "0.0.0.0", port: 8080,
///     onChange: { await supervisor.reloadDaemons() },
///     onServerRunning: { port in logger.info("api.listening", metadata: ["net.port": "\(port)"]) })
/// try await app.runService()   // stops gracefully on SIGTERM/SIGINT
/// ```
///
/// Tests use ``buildRouter(store:options:metrics:onChange:)`` with HummingbirdTesting's router client.
public enum AdminAPI {
    /// The router with every route and middleware; see `openapi.yaml` for the routes. `store` holds the model
    /// and the call detail records (`CastorStore` is both).
    ///
    /// `onChange` runs after each successful mutating request on the model (not after login or logout).
    public static func buildRouter(
        store: any ModelStore & CallDetailRecordStore,
        options: AdminAPIOptions,
        metrics: APIMetrics,
        onChange: @escaping @Sendable () async -> Void
    ) -> Router<AdminRequestContext> {
        let router = Router(context: AdminRequestContext.self)
        router.add(middleware: RequestMetricsMiddleware(metrics: metrics))
        router.add(middleware: JSONErrorMiddleware(logger: options.logger))

        SystemController(metrics: metrics, openAPI: OpenAPIDocument.bundled).addRoutes(to: router)
        let auth = AuthController(store: store, options: options)
        auth.addPublicRoutes(to: router)

        let api = router.group("api").add(middleware: BearerAuthMiddleware(store: store, now: options.now))
        auth.addProtectedRoutes(to: api)

        let model = api.group().add(middleware: ChangeNotificationMiddleware(onChange: onChange))
        let limit = options.maxBodySize
        ContextsController(store: store, maxBodySize: limit).addRoutes(to: model)
        UsersController(store: store, maxBodySize: limit).addRoutes(to: model)
        LinesController(store: store, maxBodySize: limit).addRoutes(to: model)
        ExtensionsController(store: store, maxBodySize: limit).addRoutes(to: model)
        DevicesController(store: store, maxBodySize: limit).addRoutes(to: model)
        VoicemailsController(store: store, maxBodySize: limit).addRoutes(to: model)
        DHCPController(leases: options.dhcpLeases).addRoutes(to: api)
        CDRController(store: store).addRoutes(to: api)
        return router
    }

    /// The HTTP server on `host:port` (port 0: any free port, reported to `onServerRunning`).
    ///
    /// Run it with `runService()` (which handles SIGTERM/SIGINT) or add it to a `ServiceGroup`.
    public static func makeApplication(
        store: any ModelStore & CallDetailRecordStore,
        options: AdminAPIOptions = AdminAPIOptions(),
        metrics: APIMetrics = APIMetrics(),
        host: String = "0.0.0.0",
        port: Int = 8080,
        onChange: @escaping @Sendable () async -> Void = {},
        onServerRunning: @escaping @Sendable (_ boundPort: Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = buildRouter(store: store, options: options, metrics: metrics, onChange: onChange)
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "castor"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
            logger: options.logger)
    }
}
