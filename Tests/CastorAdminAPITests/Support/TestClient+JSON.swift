import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A response with its body as text and, when it is JSON, parsed.
struct JSONReply {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var text: String

    /// The body parsed as JSON (nil when it is not JSON).
    var json: Any? { try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) }
    var object: [String: Any] { json as? [String: Any] ?? [:] }
    var items: [[String: Any]] { object["items"] as? [[String: Any]] ?? [] }
    var error: [String: Any] { object["error"] as? [String: Any] ?? [:] }
    var errorField: String? { error["field"] as? String }
    var errorMessage: String { error["message"] as? String ?? "" }
    var id: Int64? { (object["id"] as? NSNumber)?.int64Value }
}

extension TestClientProtocol {
    /// Sends `json` (raw text, sent as is) with the bearer token, if any.
    func call(
        _ method: HTTPRequest.Method, _ uri: String, token: String? = nil, json: String? = nil,
        headers extra: HTTPFields = [:]
    ) async throws -> JSONReply {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        if json != nil { headers[.contentType] = "application/json" }
        let response = try await execute(
            uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
        return JSONReply(status: response.status, headers: response.headers, text: String(buffer: response.body))
    }

    /// Logs in as the test administrator and returns the token.
    func login() async throws -> String {
        let reply = try await call(
            .post, "/api/auth/login",
            json: #"{"username": "\#(TestAPI.adminUser)", "password": "\#(TestAPI.adminPassword)"}"#)
        try #require(reply.status == .ok, "login failed: \(reply.text)")
        return try #require(reply.object["token"] as? String)
    }

    /// Creates a resource and returns its id, failing the test unless the answer is 201.
    func create(_ uri: String, token: String, json: String) async throws -> Int64 {
        let reply = try await call(.post, uri, token: token, json: json)
        try #require(reply.status == .created, "POST \(uri): \(reply.status) \(reply.text)")
        return try #require(reply.id)
    }
}
