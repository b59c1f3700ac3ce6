import HummingbirdTesting
import Testing

@Suite("Voicemail boxes")
struct VoicemailsTests {
    @Test func crud() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            let created = try await client.call(
                .post, "/api/voicemails", token: token,
                json: #"{"number": "1001", "context": "comptabilite", "name": "Alice", "pin": "1234"}"#)
            #expect(created.status == .created)
            let id = try #require(created.id)
            #expect(created.headers[.location] == "/api/voicemails/\(id)")
            let updated = try await client.call(
                .put, "/api/voicemails/\(id)", token: token, json: #"{"email": "alice@lab.example"}"#)
            #expect(updated.status == .ok)
            #expect(updated.object["email"] as? String == "alice@lab.example")
            #expect(updated.object["pin"] as? String == "1234")
            #expect(try await client.call(.get, "/api/voicemails", token: token).object["total"] as? Int == 1)
            #expect(try await client.call(.delete, "/api/voicemails/\(id)", token: token).status == .noContent)
            #expect(try await client.call(.get, "/api/voicemails/\(id)", token: token).status == .notFound)
        }
    }

    @Test func aShortPINIs400() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            let reply = try await client.call(
                .post, "/api/voicemails", token: token,
                json: #"{"number": "1001", "context": "comptabilite", "name": "Alice", "pin": "12"}"#)
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == "pin")
        }
    }
}
