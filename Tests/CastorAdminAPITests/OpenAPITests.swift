import CastorAdminAPI
import Foundation
import HummingbirdTesting
import Testing
import Yams

@Suite("OpenAPI document")
struct OpenAPITests {
    static let methods = ["get", "put", "post", "delete", "patch", "head", "options"]

    /// `METHOD /path` for every operation in openapi.yaml.
    static func documentedOperations() throws -> Set<String> {
        let yaml = String(decoding: try #require(OpenAPIDocument.bundled), as: UTF8.self)
        let document = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        #expect(document["openapi"] as? String == "3.0.3")
        let paths = try #require(document["paths"] as? [String: Any])
        var operations: Set<String> = []
        for (path, item) in paths {
            let item = try #require(item as? [String: Any])
            for method in methods where item[method] != nil {
                operations.insert("\(method.uppercased()) \(path)")
            }
        }
        return operations
    }

    /// `METHOD /path` for every route, with Hummingbird's `:id` or `{id}` written as OpenAPI's `{id}`.
    static func routedOperations(_ api: TestAPI) -> Set<String> {
        Set(
            api.makeRouter().routes.map { route in
                let path = route.path.components.map { element in
                    let text = element.description
                    return text.hasPrefix(":") ? "{\(text.dropFirst())}" : text
                }
                return "\(route.method.rawValue) /\(path.joined(separator: "/"))"
            })
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedOperationIsRouted() throws {
        let api = try TestAPI()
        let documented = try Self.documentedOperations()
        let routed = Self.routedOperations(api)
        #expect(routed.count >= 30)
        #expect(routed.subtracting(documented).sorted() == [], "routes missing from openapi.yaml")
        #expect(documented.subtracting(routed).sorted() == [], "documented operations with no route")
    }

    @Test func publicOperationsAreMarkedSoAndOthersNeedTheBearerScheme() throws {
        let yaml = String(decoding: try #require(OpenAPIDocument.bundled), as: UTF8.self)
        let document = try #require(try Yams.load(yaml: yaml) as? [String: Any])
        let security = document["security"] as? [[String: Any]]
        #expect(security?.first?["bearer"] != nil)
        let paths = try #require(document["paths"] as? [String: Any])
        var publicOperations: [String] = []
        for (path, item) in paths {
            for method in Self.methods {
                guard let operation = (item as? [String: Any])?[method] as? [String: Any] else { continue }
                if let security = operation["security"] as? [Any], security.isEmpty {
                    publicOperations.append("\(method.uppercased()) \(path)")
                }
            }
        }
        #expect(
            publicOperations.sorted() == [
                "GET /api/health", "GET /api/openapi.yaml", "GET /metrics", "POST /api/auth/login",
            ])
    }

    @Test func theDocumentIsServedWithoutAToken() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let reply = try await client.call(.get, "/api/openapi.yaml")
            #expect(reply.status == .ok)
            #expect(reply.headers[.contentType] == "application/yaml")
            #expect(reply.text.hasPrefix("openapi: 3.0.3"))
        }
    }
}
