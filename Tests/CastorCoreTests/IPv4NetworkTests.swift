import CastorCore
import Testing

@Suite struct IPv4NetworkTests {
    @Test func parsesAndContains() throws {
        let lab = try IPv4Network(parsing: "10.20.0.7/24")
        #expect(lab.description == "10.20.0.0/24")
        #expect(lab.contains("10.20.0.255"))
        #expect(lab.contains("10.20.0.0"))
        #expect(!lab.contains("10.20.1.1"))
        #expect(!lab.contains("10.20.0"))
        #expect(!lab.contains("::1"))
        let host = try IPv4Network(parsing: "127.0.0.1")
        #expect(host.prefixLength == 32)
        #expect(host.contains("127.0.0.1") && !host.contains("127.0.0.2"))
        #expect(try IPv4Network(parsing: "0.0.0.0/0").contains("203.0.113.9"))
    }

    @Test(arguments: [
        "10.20.0.0/33", "10.20.0.0/", "10.20.0.0/-1", "10.20.0/24", "256.0.0.0/8", "a.b.c.d", "", "1.2.3.4/+8",
    ])
    func refuses(_ text: String) {
        #expect(throws: IPv4NetworkError.self) { try IPv4Network(parsing: text) }
    }
}
