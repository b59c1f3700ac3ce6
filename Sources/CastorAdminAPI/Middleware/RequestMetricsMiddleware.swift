import Hummingbird

/// Counts and times every request in ``APIMetrics``, labelled by the matched route template.
///
/// It runs outermost, after ``JSONErrorMiddleware`` has turned any error into a response, so every request
/// is counted once with the status the client saw.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = AdminRequestContext
    let metrics: APIMetrics

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            record(request, context, status: response.status.code, since: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            record(request, context, status: status, since: start)
            throw error
        }
    }

    private func record(_ request: Request, _ context: Context, status: Int, since start: ContinuousClock.Instant) {
        metrics.record(
            method: request.method.rawValue, route: context.endpointPath, status: status,
            duration: ContinuousClock.now - start)
    }
}
