import Prometheus

/// The admin API's Prometheus metrics, in a registry of their own (not the global `MetricsSystem`, so that
/// tests and several applications in one process do not share counters).
///
/// - `castor_api_requests_total{method,route,status}`
/// - `castor_api_request_duration_seconds{method,route}`
///
/// `route` is the registered path template (`/api/users/{id}`), or `unmatched`; `method` is one of the
/// standard methods or `other`. Labels stay bounded whatever clients send.
///
/// ```swift
/// let metrics = APIMetrics()
/// let router = AdminAPI.buildRouter(store: store, options: .init(), metrics: metrics, onChange: {})
/// print(metrics.registry.emitToString())
/// ```
public final class APIMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry

    static let durationBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5),
    ]
    static let knownMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
    }

    /// Records one answered request.
    func record(method: String, route: String?, status: Int, duration: Duration) {
        let method = Self.knownMethods.contains(method) ? method : "other"
        // Hummingbird names a request no route matched "NotFound"; any path template starts with "/".
        let route = route.flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "unmatched"
        registry.makeCounter(
            descriptor: .init(
                namespace: "castor", subsystem: "api", metricName: "requests", unitName: "total",
                helpText: "Admin API requests answered, by method, route template and status."),
            labels: [("method", method), ("route", route), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: .init(
                namespace: "castor", subsystem: "api", metricName: "request_duration", unitName: "seconds",
                helpText: "Time to answer an admin API request."),
            labels: [("method", method), ("route", route)],
            buckets: Self.durationBuckets
        ).record(duration)
    }

    /// The Prometheus text exposition of every metric in the registry.
    public func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}
