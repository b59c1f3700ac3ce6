import CastorTestSupport
import DHCPCodec
import DHCPLeases
import Foundation
import Testing

@testable import DHCPLeaseFile

/// The real kea-dhcp4 2.2 (Debian's kea-dhcp4-server, with the lease_cmds hook) reads the lease files Castor
/// writes, and Castor reads the files Kea writes. Kea runs with no interface (it opens no DHCP socket),
/// only its control socket, in a temporary directory.
@Suite(.serialized, .enabled(if: KeaProcess.available, "kea-dhcp4 is not installed (scripts/setup.sh installs it)"))
struct KeaInteropTests {
    @Test func keaLoadsWhatCastorWrote() async throws {
        let dir = try temporaryDirectory()
        let path = dir + "/kea-leases4.csv"
        let file = MemfileLeaseFile(path: path)
        try file.open()
        let now = Int64(Date().timeIntervalSince1970)
        let leases = [
            lease(10, expire: now + 3600, host: "snom,desk&1"),
            lease(11, expire: now + 3600, host: "gone"),
            lease(12, expire: now + 7200, host: "alice-phone"),
        ]
        try file.append(leases)
        try file.compact()  // a snapshot (.2) and a journal, as Kea's own LFC leaves them
        try file.append([lease(11, expire: now + 3600).deletion, lease(13, expire: now + 3600)])
        file.close()

        let kea = try await KeaProcess.start(directory: dir, members: members(leaseFile: path))
        defer { kea.stop() }
        let reply = try await kea.control.command(#"{"command": "lease4-get-all"}"#)
        #expect(reply["result"] as? Int == 0, "\(reply)")
        let rows = ((reply["arguments"] as? [String: Any])?["leases"] as? [[String: Any]]) ?? []
        let byAddress = Dictionary(
            uniqueKeysWithValues: rows.compactMap { row in (row["ip-address"] as? String).map { ($0, row) } })
        #expect(byAddress.keys.sorted() == ["10.20.0.10", "10.20.0.12", "10.20.0.13"])
        #expect(byAddress["10.20.0.10"]?["hostname"] as? String == "snom,desk&1")
        #expect(byAddress["10.20.0.10"]?["hw-address"] as? String == "00:04:13:aa:bb:0a")
        #expect(byAddress["10.20.0.12"]?["valid-lft"] as? Int == 3600)
        #expect(byAddress["10.20.0.12"]?["cltt"] as? Int == Int(now + 7200 - 3600))
        #expect(byAddress["10.20.0.12"]?["subnet-id"] as? Int == 1)
    }

    @Test func castorLoadsWhatKeaWrote() async throws {
        let dir = try temporaryDirectory()
        let path = dir + "/kea-leases4.csv"
        let kea = try await KeaProcess.start(directory: dir, members: members(leaseFile: path))
        defer { kea.stop() }
        for (last, host) in [(20, "one,two"), (21, "deleted"), (22, "a&b")] {
            let reply = try await kea.control.command(
                #"{"command": "lease4-add", "arguments": {"ip-address": "10.20.0.\#(last)", "#
                    + #""hw-address": "00:04:13:aa:bb:\#(last)", "hostname": "\#(host)", "valid-lft": 3600}}"#)
            #expect(reply["result"] as? Int == 0, "\(reply)")
        }
        let deleted = try await kea.control.command(
            #"{"command": "lease4-del", "arguments": {"ip-address": "10.20.0.21"}}"#)
        #expect(deleted["result"] as? Int == 0, "\(deleted)")
        kea.stop()

        let loaded = try MemfileLeaseFile(path: path).load()
        #expect(loaded.errors.isEmpty, "\(loaded.errors)")
        #expect(loaded.leases.keys.sorted() == [IPv4Address(10, 20, 0, 20), IPv4Address(10, 20, 0, 22)])
        #expect(loaded.leases[IPv4Address(10, 20, 0, 20)]?.hostname == "one,two")
        #expect(loaded.leases[IPv4Address(10, 20, 0, 22)]?.hostname == "a&b")
        #expect(loaded.leases[IPv4Address(10, 20, 0, 22)]?.hardwareAddress == [0x00, 0x04, 0x13, 0xaa, 0xbb, 0x22])
        // Castor appends to Kea's journal and a later load sees both.
        let file = MemfileLeaseFile(path: path)
        try file.open()
        try file.append([lease(23)])
        file.close()
        #expect(try MemfileLeaseFile(path: path).load().leases.count == 3)
    }
}

/// Kea with no interface (no DHCP socket), one subnet, its leases in `leaseFile`.
private func members(leaseFile: String) -> String {
    """
    "interfaces-config": { "interfaces": [] },
    "lease-database": { "type": "memfile", "name": "\(leaseFile)", "lfc-interval": 0 },
    "valid-lifetime": 3600,
    "subnet4": [ { "id": 1, "subnet": "10.20.0.0/24", "pools": [ { "pool": "10.20.0.10 - 10.20.0.200" } ] } ]
    """
}
