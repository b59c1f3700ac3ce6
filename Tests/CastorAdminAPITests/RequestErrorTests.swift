import HummingbirdTesting
import Testing

@Suite("Request errors")
struct RequestErrorTests {
    @Test func malformedJSONSaysWhere() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            let reply = try await client.call(.post, "/api/users", token: token, json: "{\n  \"name\": Alice\n}")
            #expect(reply.status == .badRequest)
            #expect(reply.errorMessage.contains("line 2, column 11"), "\(reply.errorMessage)")
            let truncated = try await client.call(.post, "/api/users", token: token, json: #"{"name": "Al"#)
            #expect(truncated.status == .badRequest)
            #expect(truncated.errorMessage.contains("line 1"))
        }
    }

    @Test(arguments: [#"[{"name": "Alice"}]"#, #""Alice""#, "42", "null"])
    func aBodyThatIsNotAnObjectIs400(body: String) async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            let reply = try await client.call(.post, "/api/users", token: token, json: body)
            #expect(reply.status == .badRequest)
            #expect(reply.errorMessage.contains("must be a JSON object"))
        }
    }

    @Test func aMissingRequiredFieldIsNamed() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            let reply = try await client.call(.post, "/api/voicemails", token: token, json: #"{"number": "1001"}"#)
            #expect(reply.status == .badRequest)
            #expect(["context", "name", "pin"].contains(reply.errorField ?? ""))
            #expect(reply.errorMessage.contains("required"))
        }
    }

    @Test func anUnknownFieldIsRefused() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            let reply = try await client.call(
                .post, "/api/contexts", token: token, json: #"{"name": "x", "displayName": "X", "display_name": "X"}"#)
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == "displayName")
            #expect(try await client.call(.get, "/api/contexts", token: token).object["total"] as? Int == 2)
        }
    }

    @Test func aBodyOverTheLimitIs413() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            let huge = #"{"name": ""# + String(repeating: "a", count: 1 << 20) + #""}"#
            let reply = try await client.call(.post, "/api/users", token: token, json: huge)
            #expect(reply.status == .contentTooLarge)
            #expect(reply.error["status"] as? Int == 413)
        }
    }

    @Test func anUnknownRouteIsAJSON404() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let reply = try await client.call(.get, "/api/nothing-here")
            #expect(reply.status == .notFound)
            #expect(reply.error["status"] as? Int == 404)
        }
    }

    @Test func onlySuccessfulChangesTriggerAReload() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            _ = try await client.call(.get, "/api/users", token: token)
            #expect(api.changes.value == 0)
            _ = try await client.call(.post, "/api/users", token: token, json: #"{"name": ""}"#)
            #expect(api.changes.value == 0)
            _ = try await client.create("/api/users", token: token, json: #"{"name": "Alice"}"#)
            #expect(api.changes.value == 1)
        }
    }
}
