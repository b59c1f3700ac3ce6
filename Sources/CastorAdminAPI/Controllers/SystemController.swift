import Hummingbird

/// The public routes that need no token: `GET /api/health`, `GET /api/openapi.yaml` and `GET /metrics`.
///
/// ```swift
/// SystemController(metrics: metrics, openAPI: OpenAPIDocument.bundled).addRoutes(to: router)
/// ```
struct SystemController: Sendable {
    let metrics: APIMetrics
    /// The OpenAPI document's bytes, or nil when the resource bundle is not installed.
    let openAPI: [UInt8]?

    struct Health: Codable {
        var status: String
    }

    func addRoutes(to router: Router<AdminRequestContext>) {
        let metrics = self.metrics
        let openAPI = self.openAPI
        router.get("api/health") { _, _ in try JSONResponse.make(Health(status: "ok")) }
        router.get("api/openapi.yaml") { _, _ in
            guard let openAPI else {
                throw APIError(.internalServerError, "openapi.yaml is missing from the installation")
            }
            return Response(
                status: .ok, headers: [.contentType: "application/yaml"],
                body: .init(byteBuffer: ByteBuffer(bytes: openAPI)))
        }
        router.get("metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
    }
}
