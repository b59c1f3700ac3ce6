import CastorModel
import CastorTestSupport
import Foundation
import Testing

@testable import PBXService

/// Registrations from real peers: SIPp (UDP, TCP), baresip; digest auth with the lab's random secrets.
@Suite("castor pbx with real SIP peers", .serialized)
struct RegistrationPeerTests {
    @Test("SIPp registers the lab lines with digest auth over UDP (401 → 200), 20 times each")
    func sippUDP() async throws {
        let pbx = try await PBXFixture.start()
        let users = try [("1001", pbx.secret("1001")), ("1002", pbx.secret("1002")), ("2001", pbx.secret("2001"))]
        let result = try await pbx.sipp("register_auth.xml", users: users, calls: 60, rate: 50)
        #expect(result.status == 0, "\(result.errors)")
        let peers = try #require(try await pbx.control("peers").peers)
        #expect(Set(peers.filter { !$0.contacts.isEmpty }.map(\.username)) == ["1001", "1002", "2001"])
        #expect(try pbx.store.bindings(unexpiredAt: Date().timeIntervalSince1970).count == 3)
        await pbx.stop()
    }

    @Test("SIPp registers over TCP")
    func sippTCP() async throws {
        let pbx = try await PBXFixture.start()
        let result = try await pbx.sipp(
            "register_auth.xml", users: [("1002", try pbx.secret("1002"))], calls: 10, transport: "t1")
        #expect(result.status == 0, "\(result.errors)")
        let binding = try #require(try pbx.store.bindings(unexpiredAt: Date().timeIntervalSince1970).first)
        #expect(binding.transport == "tcp")
        await pbx.stop()
    }

    @Test("a wrong password gets 401, 401 again, then 403, and never a 200 (SIPp fails the call on a 200)")
    func wrongPassword() async throws {
        let pbx = try await PBXFixture.start()
        let result = try await pbx.sipp("register_refused.xml", users: [("1001", "not-the-secret")], calls: 3)
        #expect(result.status == 0, "\(result.errors)")
        #expect(try pbx.store.bindings(unexpiredAt: 0).isEmpty)
        let unknown = try await pbx.sipp("register_refused.xml", users: [("1099", "whatever")], calls: 1)
        #expect(unknown.status == 0, "an unknown user is answered as a wrong password: \(unknown.errors)")
        let stats = try #require(try await pbx.control("stats").stats)
        #expect(stats["forbidden"] == 4)
        await pbx.stop()
    }
}
