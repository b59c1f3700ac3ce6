import HummingbirdTesting
import Testing

@Suite("Extensions")
struct ExtensionsTests {
    @Test func crud() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            let created = try await client.call(
                .post, "/api/extensions", token: token, json: #"{"context": "comptabilite", "exten": "1050"}"#)
            #expect(created.status == .created)
            let id = try #require(created.id)
            #expect(created.object["kind"] as? String == "user")
            let updated = try await client.call(
                .put, "/api/extensions/\(id)", token: token, json: #"{"exten": "1051"}"#)
            #expect(updated.status == .ok)
            #expect(updated.object["exten"] as? String == "1051")
            #expect(updated.object["context"] as? String == "comptabilite")
            #expect(
                try await client.call(.get, "/api/extensions/\(id)", token: token).object["exten"] as? String == "1051")
            #expect(try await client.call(.delete, "/api/extensions/\(id)", token: token).status == .noContent)
            #expect(try await client.call(.get, "/api/extensions/\(id)", token: token).status == .notFound)
        }
    }

    @Test func aDuplicateIs409AndOutOfRangeIs400() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            _ = try await client.create(
                "/api/extensions", token: token, json: #"{"context": "comptabilite", "exten": "1050"}"#)
            let duplicate = try await client.call(
                .post, "/api/extensions", token: token, json: #"{"context": "comptabilite", "exten": "1050"}"#)
            #expect(duplicate.status == .conflict)
            #expect(duplicate.errorField == "exten")
            let outside = try await client.call(
                .post, "/api/extensions", token: token, json: #"{"context": "comptabilite", "exten": "1200"}"#)
            #expect(outside.status == .badRequest)
            #expect(outside.errorField == "exten")
            #expect(outside.errorMessage.contains("1000-1099"))
            let unknownContext = try await client.call(
                .post, "/api/extensions", token: token, json: #"{"context": "nowhere", "exten": "1200"}"#)
            #expect([.badRequest, .notFound].contains(unknownContext.status), "\(unknownContext.text)")
            #expect(try await client.call(.get, "/api/extensions", token: token).object["total"] as? Int == 1)
        }
    }
}
