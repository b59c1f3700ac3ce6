import CastorModel
import Foundation
import Testing

@testable import PBXService

/// Lines come from the store; a reload (SIGHUP) applies a new line or a new secret without dropping bindings.
@Suite("castor pbx reload", .serialized)
struct ReloadTests {
    @Test("a new secret applies on reload and the existing binding stays; a new line can register")
    func newSecret() async throws {
        let pbx = try await PBXFixture.start()
        let old = try pbx.secret("1001")
        #expect(try await pbx.sipp("register_auth.xml", users: [("1001", old)], calls: 1).status == 0)

        var line = try pbx.store.line(exten: "1001", context: nil)
        line.secret = "a-new-secret-1001"
        _ = try pbx.store.updateLine(id: line.id ?? 0, with: line)
        let added = try pbx.store.createLine(
            Line(username: "1050", secret: "secret-of-1050", context: "comptabilite", exten: "1050"))
        await pbx.service.reload()

        let peers = try #require(try await pbx.control("peers").peers)
        #expect(peers.first { $0.username == "1001" }?.contacts.count == 1, "the binding survived the reload")
        #expect(peers.contains { $0.username == added.username })
        #expect(try await pbx.sipp("register_refused.xml", users: [("1001", old)], calls: 1).status == 0)
        #expect(try await pbx.sipp("register_auth.xml", users: [("1001", "a-new-secret-1001")], calls: 1).status == 0)
        #expect(try await pbx.sipp("register_auth.xml", users: [("1050", "secret-of-1050")], calls: 1).status == 0)
        await pbx.stop()
    }
}
