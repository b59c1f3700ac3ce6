import DHCPCodec
import Testing

@testable import DHCPLeases

@Suite struct MemfileRowTests {
    let snom = Lease(
        address: IPv4Address(10, 0, 0, 99), hardwareAddress: [0x00, 0x04, 0x13, 0x11, 0x22, 0x33], validLifetime: 4000,
        expire: 1_795_497_836, subnetID: 1, hostname: "snom,x")

    @Test func writesTheRowKeaWrote() {
        // A row kea-dhcp4 2.2 wrote for this lease (../shared/notes/kea-dhcp.md §3).
        #expect(MemfileRow.line(for: snom) == "10.0.0.99,00:04:13:11:22:33,,4000,1795497836,1,0,0,snom&#x2cx,0,")
        #expect(MemfileRow.line(for: snom.deletion) == "10.0.0.99,00:04:13:11:22:33,,0,1795497836,1,0,0,snom&#x2cx,0,")
    }

    @Test func readsTheRowKeaWrote() throws {
        let lease = try MemfileRow.lease(from: "10.0.0.99,00:04:13:11:22:33,,4000,1795497836,1,0,0,snom&#x2cx,0,")
        #expect(lease == snom)
        #expect(lease.cltt == 1_795_493_836)
    }

    @Test func everyFieldRoundTrips() throws {
        let lease = Lease(
            address: IPv4Address(192, 168, 1, 2), hardwareAddress: [0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff],
            clientID: [0x01, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff], validLifetime: 7200, expire: 2_000_000_000,
            subnetID: 42, fqdnForward: true, fqdnReverse: true, hostname: "a&b,c", state: .declined,
            userContext: "{ \"comment\": \"desk 3, room 12\" }")
        let line = MemfileRow.line(for: lease)
        #expect(line.split(separator: ",", omittingEmptySubsequences: false).count == 11)
        #expect(line.contains("a&#x26b&#x2cc"))
        #expect(try MemfileRow.lease(from: Substring(line)) == lease)
    }

    @Test func escapingIsKeas() {
        #expect(MemfileRow.escape("plain") == "plain")
        #expect(MemfileRow.escape("a,b&c") == "a&#x2cb&#x26c")
        #expect(MemfileRow.unescape("a&#x2cb&#x26c") == "a,b&c")
        // A malformed tag stays as it is.
        #expect(MemfileRow.unescape("a&#xzz&#x2") == "a&#xzz&#x2")
    }

    @Test func olderSchemasLoad() throws {
        let nine = try #require(
            MemfileRow.columns(
                ofHeader: "address,hwaddr,client_id,valid_lifetime,expire,subnet_id,fqdn_fwd,fqdn_rev,hostname"))
        let lease = try MemfileRow.lease(
            from: "10.0.0.5,00:04:13:00:00:05,,3600,1700000000,1,false,true,phone", columns: nine)
        #expect(lease.state == .default)
        #expect(lease.fqdnReverse)
        #expect(lease.userContext == "")
        #expect(MemfileRow.columns(ofHeader: "address,mac,whatever") == nil)
    }

    @Test(arguments: [
        ("10.0.0.999,00:04:13:11:22:33,,4000,1,1,0,0,,0,", "address"),
        ("10.0.0.9,zz:04,,4000,1,1,0,0,,0,", "hwaddr"),
        ("10.0.0.9,00:04:13:11:22:33,,-5,1,1,0,0,,0,", "valid_lifetime"),
        ("10.0.0.9,00:04:13:11:22:33,,4000,1,1,2,0,,0,", "fqdn_fwd"),
        ("10.0.0.9,00:04:13:11:22:33,,4000,1,1,0,0,,7,", "state"),
        ("10.0.0.9,,,4000,1,1,0,0,,0,", "hwaddr"),
        ("10.0.0.9,00:04:13:11:22:33,,4000,1,1,0,0,,0", ""),
    ])
    func badRowsNameTheColumn(line: String, column: String) {
        #expect(throws: MemfileRow.ParseError.self) { try MemfileRow.lease(from: Substring(line)) }
        do {
            _ = try MemfileRow.lease(from: Substring(line))
        } catch {
            #expect(error.column == column)
        }
    }

    @Test func hexAcceptsKeasForms() {
        #expect(HexBytes.parse("00:04:13:aa:bb:01") == [0, 4, 0x13, 0xaa, 0xbb, 1])
        #expect(HexBytes.parse("0:4:13:AA:bb:1") == [0, 4, 0x13, 0xaa, 0xbb, 1])
        #expect(HexBytes.parse("000413aabb01") == [0, 4, 0x13, 0xaa, 0xbb, 1])
        #expect(HexBytes.parse("") == [])
        #expect(HexBytes.parse("0004") == [0, 4])
        #expect(HexBytes.parse("000") == nil)
        #expect(HexBytes.parse("00::04") == nil)
        #expect(HexBytes.colonSeparated([0, 0xab]) == "00:ab")
    }
}
