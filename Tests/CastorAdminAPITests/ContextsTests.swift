import HummingbirdTesting
import Testing

@Suite("Contexts")
struct ContextsTests {
    @Test func crud() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            let list = try await client.call(.get, "/api/contexts", token: token)
            #expect(list.status == .ok)
            #expect(list.object["total"] as? Int == 2)
            #expect(
                list.items.compactMap { $0["display_name"] as? String }.sorted() == ["Administratif", "Comptabilité"])

            let created = try await client.call(
                .post, "/api/contexts", token: token,
                json: #"""
                    {"name": "direction", "display_name": "Direction",
                     "ranges": [{"kind": "user", "start": "3000", "end": "3099"}]}
                    """#)
            #expect(created.status == .created)
            #expect(created.headers[.location] == "/api/contexts/direction")
            #expect(created.object["entity"] as? String == "lab")
            #expect(created.object["type"] as? String == "internal")

            let updated = try await client.call(
                .put, "/api/contexts/direction", token: token, json: #"{"display_name": "Direction générale"}"#)
            #expect(updated.status == .ok)
            #expect(updated.object["display_name"] as? String == "Direction générale")
            #expect((updated.object["ranges"] as? [[String: Any]])?.first?["start"] as? String == "3000")

            let included = try await client.call(
                .post, "/api/contexts/direction/includes", token: token, json: #"{"context": "comptabilite"}"#)
            #expect(included.status == .ok)
            #expect(included.object["includes"] as? [String] == ["comptabilite"])

            let read = try await client.call(.get, "/api/contexts/direction", token: token)
            #expect(read.object["includes"] as? [String] == ["comptabilite"])

            #expect(try await client.call(.delete, "/api/contexts/direction", token: token).status == .noContent)
            #expect(try await client.call(.get, "/api/contexts/direction", token: token).status == .notFound)
            #expect(api.changes.value == 4)
        }
    }

    @Test func aDuplicateNameIs409AndABadNameIs400() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            let duplicate = try await client.call(
                .post, "/api/contexts", token: token, json: #"{"name": "comptabilite", "display_name": "Again"}"#)
            #expect(duplicate.status == .conflict)
            #expect(duplicate.errorField == "name")
            let invalid = try await client.call(
                .post, "/api/contexts", token: token, json: #"{"name": "Not A Name", "display_name": "X"}"#)
            #expect(invalid.status == .badRequest)
            #expect(invalid.errorField == "name")
            let badRange = try await client.call(
                .post, "/api/contexts", token: token,
                json: #"{"name": "x", "display_name": "X", "ranges": [{"kind": "user", "start": "30", "end": 40}]}"#)
            #expect(badRange.status == .badRequest)
            #expect(badRange.errorField == "ranges[0].end")
        }
    }

    @Test func includingAnUnknownContextIs404() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            let reply = try await client.call(
                .post, "/api/contexts/comptabilite/includes", token: token, json: #"{"context": "nowhere"}"#)
            #expect([.badRequest, .notFound].contains(reply.status), "\(reply.text)")
            #expect(try await client.call(.get, "/api/contexts/nowhere", token: token).status == .notFound)
        }
    }
}
