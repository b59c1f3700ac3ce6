import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Authentication")
struct AuthTests {
    @Test func healthNeedsNoToken() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let reply = try await client.call(.get, "/api/health")
            #expect(reply.status == .ok)
            #expect(reply.object["status"] as? String == "ok")
        }
    }

    @Test func loginIssuesAToken() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let reply = try await client.call(
                .post, "/api/auth/login", json: #"{"username":"admin","password":"correct-horse-battery"}"#)
            #expect(reply.status == .ok)
            #expect(reply.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect((reply.object["token"] as? String)?.isEmpty == false)
            #expect(reply.object["username"] as? String == "admin")
            let expiresAt = try #require(reply.object["expires_at"] as? String)
            let expected = api.clock.now.addingTimeInterval(3600)
            let parsed = try #require(ISO8601DateFormatter().date(from: expiresAt))
            #expect(abs(parsed.timeIntervalSince(expected)) < 1)
        }
    }

    @Test func wrongPasswordAndUnknownUserGetTheSame401() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let wrong = try await client.call(
                .post, "/api/auth/login", json: #"{"username":"admin","password":"nope-nope-nope"}"#)
            let unknown = try await client.call(
                .post, "/api/auth/login", json: #"{"username":"mallory","password":"nope-nope-nope"}"#)
            #expect(wrong.status == .unauthorized)
            #expect(unknown.status == .unauthorized)
            #expect(wrong.text == unknown.text)
            #expect(wrong.error["status"] as? Int == 401)
        }
    }

    @Test func loginWithoutPasswordIs400() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let reply = try await client.call(.post, "/api/auth/login", json: #"{"username":"admin"}"#)
            #expect(reply.status == .badRequest)
            #expect(reply.errorField == "password")
        }
    }

    @Test(arguments: [nil, "Bearer not-a-token", "Basic YWRtaW46YWRtaW4=", "Bearer"])
    func protectedRoutesRefuseAMissingOrBadToken(authorization: String?) async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            var headers: HTTPFields = [:]
            if let authorization { headers[.authorization] = authorization }
            let reply = try await client.call(.get, "/api/users", headers: headers)
            #expect(reply.status == .unauthorized)
            #expect(reply.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            #expect(reply.error["status"] as? Int == 401)
            #expect(!reply.errorMessage.isEmpty)
        }
    }

    @Test func anExpiredTokenIsRefused() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            #expect(try await client.call(.get, "/api/users", token: token).status == .ok)
            api.clock.advance(by: 3601)
            let reply = try await client.call(.get, "/api/users", token: token)
            #expect(reply.status == .unauthorized)
            #expect(reply.headers[.wwwAuthenticate]?.contains("invalid_token") == true)
        }
    }

    @Test func logoutRevokesTheToken() async throws {
        let api = try TestAPI()
        try await api.application.test(.router) { client in
            let token = try await client.login()
            let reply = try await client.call(.post, "/api/auth/logout", token: token)
            #expect(reply.status == .noContent)
            #expect(try await client.call(.get, "/api/users", token: token).status == .unauthorized)
            #expect(api.changes.value == 0, "logging out is not a configuration change")
        }
    }
}
