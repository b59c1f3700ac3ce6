import Testing

@testable import DHCPCodec

@Suite struct IPv4AddressTests {
    @Test(arguments: ["0.0.0.0", "10.0.0.1", "192.0.2.255", "255.255.255.255"])
    func dottedQuadRoundTrips(text: String) throws {
        #expect(try #require(IPv4Address(text)).description == text)
    }

    @Test(arguments: [
        "", "10.0.0", "10.0.0.1.", "10.0.0.256", "10.0.0.01", "10..0.1", "a.b.c.d", " 10.0.0.1", "1.2.3.4.5",
    ])
    func rejectsNonDottedQuads(text: String) {
        #expect(IPv4Address(text) == nil)
    }

    @Test func octets() {
        let address = IPv4Address(192, 0, 2, 1)
        #expect(address.rawValue == 0xc000_0201)
        #expect(address.octets == [192, 0, 2, 1])
        #expect(IPv4Address(octets: [192, 0, 2, 1]) == address)
        #expect(IPv4Address(octets: [192, 0, 2]) == nil)
        #expect(IPv4Address(10, 0, 0, 1) < IPv4Address(10, 0, 0, 2))
    }
}
