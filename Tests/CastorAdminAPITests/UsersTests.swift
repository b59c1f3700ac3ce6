import HummingbirdTesting
import Testing

@Suite("Users")
struct UsersTests {
    @Test func crud() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            let created = try await client.call(
                .post, "/api/users", token: token, json: #"{"name": "Alice", "email": "alice@lab.example"}"#)
            #expect(created.status == .created)
            let id = try #require(created.id)
            #expect(created.headers[.location] == "/api/users/\(id)")
            #expect(created.object["language"] as? String == "fr_FR")

            let read = try await client.call(.get, "/api/users/\(id)", token: token)
            #expect(read.object["email"] as? String == "alice@lab.example")

            let updated = try await client.call(
                .put, "/api/users/\(id)", token: token, json: #"{"caller_id": "\"Alice\" <1001>"}"#)
            #expect(updated.status == .ok)
            #expect(updated.object["caller_id"] as? String == "\"Alice\" <1001>")
            #expect(updated.object["email"] as? String == "alice@lab.example", "a partial PUT keeps other fields")
            #expect(updated.object["name"] as? String == "Alice")

            let cleared = try await client.call(.put, "/api/users/\(id)", token: token, json: #"{"email": null}"#)
            #expect(cleared.status == .ok)
            #expect(cleared.object["email"] == nil)

            let list = try await client.call(.get, "/api/users", token: token)
            #expect(list.object["total"] as? Int == 1)

            #expect(try await client.call(.delete, "/api/users/\(id)", token: token).status == .noContent)
            #expect(try await client.call(.get, "/api/users/\(id)", token: token).status == .notFound)
            #expect(try await client.call(.delete, "/api/users/\(id)", token: token).status == .notFound)
        }
    }

    @Test(arguments: ["abc", "0", "-1", "1.5", "99999999999999999999999", "%20"])
    func idsThatAreNotIdsAre404(id: String) async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            let reply = try await client.call(.get, "/api/users/\(id)", token: token)
            #expect(reply.status == .notFound)
            #expect(reply.error["status"] as? Int == 404)
            let put = try await client.call(.put, "/api/users/\(id)", token: token, json: #"{"name": "X"}"#)
            #expect(put.status == .notFound)
        }
    }

    @Test func summaryListsUsersWithTheirLine() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            let userID = try await client.create("/api/users", token: token, json: #"{"name": "Bob"}"#)
            _ = try await client.create(
                "/api/lines", token: token,
                json:
                    #"{"user_id": \#(userID), "username": "1002", "secret": "s3cret-bob", "context": "comptabilite", "exten": "1002"}"#
            )
            let reply = try await client.call(.get, "/api/users/summary", token: token)
            #expect(reply.status == .ok)
            #expect(reply.object["total"] as? Int == 1)
            let row = try #require(reply.items.first)
            #expect((row["user"] as? [String: Any])?["name"] as? String == "Bob")
            #expect(row["exten"] as? String == "1002")
            #expect(row["context"] as? String == "comptabilite")
        }
    }
}
