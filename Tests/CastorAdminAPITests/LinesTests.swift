import HummingbirdTesting
import Testing

@Suite("Lines")
struct LinesTests {
    static let alice = #"{"username": "1001", "secret": "s3cret-alice", "context": "comptabilite", "exten": "1001"}"#

    @Test func crudWithPartialUpdate() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            let created = try await client.call(.post, "/api/lines", token: token, json: Self.alice)
            #expect(created.status == .created)
            let id = try #require(created.id)
            #expect(created.headers[.location] == "/api/lines/\(id)")
            #expect(created.object["codecs"] as? [String] == ["ulaw", "alaw"])
            #expect(created.object["transport"] as? String == "udp")
            #expect(created.object["max_contacts"] as? Int == 3)
            // Made by the store, six digits, kept across updates (ignored on write).
            let code = try #require(created.object["provisioning_code"] as? String)
            #expect(code.count == 6 && code.allSatisfy(\.isNumber))

            let extensions = try await client.call(.get, "/api/extensions", token: token)
            #expect(extensions.items.contains { $0["exten"] as? String == "1001" }, "a line's exten creates it")

            let updated = try await client.call(
                .put, "/api/lines/\(id)", token: token, json: #"{"max_contacts": 5}"#)
            #expect(updated.status == .ok)
            #expect(updated.object["max_contacts"] as? Int == 5)
            #expect(updated.object["username"] as? String == "1001")
            #expect(updated.object["secret"] as? String == "s3cret-alice")
            #expect(updated.object["exten"] as? String == "1001")
            #expect(updated.object["provisioning_code"] as? String == code)

            #expect(try await client.call(.get, "/api/lines/\(id)", token: token).object["max_contacts"] as? Int == 5)
            #expect(try await client.call(.delete, "/api/lines/\(id)", token: token).status == .noContent)
            #expect(try await client.call(.get, "/api/lines", token: token).object["total"] as? Int == 0)
        }
    }

    @Test func aWrongTypeNamesTheField() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            let id = try await client.create("/api/lines", token: token, json: Self.alice)
            let reply = try await client.call(
                .put, "/api/lines/\(id)", token: token, json: #"{"max_contacts": "lots"}"#)
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == "max_contacts")
            #expect(reply.errorMessage.contains("max_contacts: expected a number"))
            let fraction = try await client.call(
                .put, "/api/lines/\(id)", token: token, json: #"{"max_contacts": 2.5}"#)
            #expect(fraction.status == .badRequest)
            #expect(fraction.errorField == "max_contacts")
            let outOfRange = try await client.call(
                .put, "/api/lines/\(id)", token: token, json: #"{"max_contacts": 1000}"#)
            #expect(outOfRange.status == .badRequest)
            #expect(outOfRange.errorField == "max_contacts")
            #expect(try await client.call(.get, "/api/lines/\(id)", token: token).object["max_contacts"] as? Int == 3)
        }
    }

    @Test func anExtensionOutsideTheContextRangeIs400AndChangesNothing() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            let before = try await client.call(.get, "/api/lines", token: token).text
            let reply = try await client.call(
                .post, "/api/lines", token: token,
                json: #"{"username": "2001", "secret": "s3cret-claire", "context": "comptabilite", "exten": "2001"}"#)
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == "exten")
            #expect(try await client.call(.get, "/api/lines", token: token).text == before)
            #expect(try await client.call(.get, "/api/extensions", token: token).object["total"] as? Int == 0)
            #expect(api.changes.value == 0, "a failed request does not trigger a reload")
        }
    }

    @Test func aDuplicateUsernameIs409() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            _ = try await client.create("/api/lines", token: token, json: Self.alice)
            let reply = try await client.call(
                .post, "/api/lines", token: token,
                json: #"{"username": "1001", "secret": "s3cret-other", "context": "comptabilite"}"#)
            #expect(reply.status == .conflict)
            #expect(reply.errorField == "username")
        }
    }
}
