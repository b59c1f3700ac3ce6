import HummingbirdTesting
import Testing

@Suite("Devices")
struct DevicesTests {
    @Test func crudAndBinding() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            let created = try await client.call(
                .post, "/api/devices", token: token, json: #"{"mac": "000413AABB01", "model": "D715"}"#)
            #expect(created.status == .created)
            let id = try #require(created.id)
            #expect(created.headers[.location] == "/api/devices/\(id)")
            #expect(created.object["mac"] as? String == "00:04:13:aa:bb:01")
            #expect(created.object["vendor"] as? String == "Snom")
            #expect(created.object["plugin"] as? String == "snom")
            #expect(created.object["state"] as? String == "autoprov")

            let lineID = try await client.create(
                "/api/lines", token: token,
                json: #"{"username": "1001", "secret": "s3cret-alice", "context": "comptabilite", "exten": "1001"}"#)
            let bound = try await client.call(
                .post, "/api/devices/\(id)/lines", token: token, json: #"{"line_id": \#(lineID), "position": 1}"#)
            #expect(bound.status == .ok)
            let lines = bound.object["lines"] as? [[String: Any]] ?? []
            #expect(lines.count == 1)
            #expect((lines.first?["line_id"] as? Int).map(Int64.init) == lineID)

            let updated = try await client.call(
                .put, "/api/devices/\(id)", token: token, json: #"{"description": "Bureau 12", "ip": "10.0.0.12"}"#)
            #expect(updated.status == .ok)
            #expect(updated.object["description"] as? String == "Bureau 12")
            #expect((updated.object["lines"] as? [[String: Any]])?.count == 1, "a partial PUT keeps the bindings")

            #expect(try await client.call(.delete, "/api/devices/\(id)", token: token).status == .noContent)
            #expect(try await client.call(.get, "/api/devices/\(id)", token: token).status == .notFound)
        }
    }

    @Test func aDuplicateMACIs409AndABadMACIs400() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            _ = try await client.create(
                "/api/devices", token: token, json: #"{"mac": "00:04:13:AA:BB:01", "model": "D715"}"#)
            let duplicate = try await client.call(
                .post, "/api/devices", token: token, json: #"{"mac": "00-04-13-aa-bb-01", "model": "D715"}"#)
            #expect(duplicate.status == .conflict)
            #expect(duplicate.errorField == "mac")
            let bad = try await client.call(
                .post, "/api/devices", token: token, json: #"{"mac": "not-a-mac", "model": "D715"}"#)
            #expect(bad.status == .badRequest)
            #expect(bad.errorField == "mac")
            #expect(try await client.call(.get, "/api/devices", token: token).object["total"] as? Int == 1)
        }
    }

    @Test func bindingAnUnknownLineIs404() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            let id = try await client.create(
                "/api/devices", token: token, json: #"{"mac": "00:04:13:AA:BB:02", "model": "D715"}"#)
            let reply = try await client.call(
                .post, "/api/devices/\(id)/lines", token: token, json: #"{"line_id": 999}"#)
            #expect([.badRequest, .notFound].contains(reply.status), "\(reply.text)")
            let noDevice = try await client.call(
                .post, "/api/devices/abc/lines", token: token, json: #"{"line_id": 1}"#)
            #expect(noDevice.status == .notFound)
        }
    }
}
