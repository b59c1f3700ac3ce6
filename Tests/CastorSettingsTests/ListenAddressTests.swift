import Testing

@testable import CastorSettings

@Suite("api.listen addresses")
struct ListenAddressTests {
    @Test(
        "accepted",
        arguments: [
            "0.0.0.0", "127.0.0.1", "255.255.255.255", "::", "::1", "fe80::1", "2001:db8:0:0:0:0:0:1",
            "2001:db8::", "::ffff:192.0.2.1", "localhost", "pbx.lab", "castor-1.example.org", "a",
        ])
    func valid(address: String) {
        #expect(ListenAddress.isValid(address))
    }

    @Test(
        "refused",
        arguments: [
            "", "256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", ":::", "1::2::3", "2001:db8:0:0:0:0:0:0:1",
            "12345::", "[::1]", "fe80::1%eth0", "-host", "host-", "under_score", "a..b", "host name", "*",
        ])
    func invalid(address: String) {
        #expect(!ListenAddress.isValid(address))
    }
}
