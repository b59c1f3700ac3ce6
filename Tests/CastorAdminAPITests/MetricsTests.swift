import HummingbirdTesting
import Testing

@Suite("Metrics")
struct MetricsTests {
    @Test func metricsCountRequestsByRouteTemplate() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            _ = try await client.call(.get, "/api/health")
            _ = try await client.call(.get, "/api/users/42", token: token)
            _ = try await client.call(.get, "/api/users/43", token: token)
            _ = try await client.call(.get, "/no/such/route/\(Int.random(in: 0...1000))")
            let reply = try await client.call(.get, "/metrics")
            #expect(reply.status == .ok)
            #expect(reply.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let text = reply.text
            #expect(text.contains("# TYPE castor_api_requests_total counter"))
            #expect(text.contains(#"castor_api_requests_total{method="GET",route="/api/health",status="200"} 1"#))
            #expect(text.contains(#"castor_api_requests_total{method="GET",route="/api/users/{id}",status="404"} 2"#))
            #expect(text.contains(#"route="unmatched""#))
            #expect(!text.contains("/api/users/42"), "raw URLs never become labels")
            #expect(text.contains("castor_api_request_duration_seconds_bucket"))
        }
    }
}
