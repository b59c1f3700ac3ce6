import CastorTestSupport
import DHCPService
import Foundation
import Testing

/// The same control commands sent to the real kea-dhcp4 2.2 (with the lease_cmds hook) and to Castor, with
/// the same configuration: the result codes and texts must be Kea's, so scripts written against Kea keep
/// working (notes/kea-dhcp.md §4).
@Suite(.serialized, .enabled(if: KeaProcess.available, "kea-dhcp4 is not installed (scripts/setup.sh installs it)"))
struct KeaControlParityTests {
    static let members = """
        "interfaces-config": { "interfaces": [] },
        "lease-database": { "type": "memfile", "lfc-interval": 0, "name": "LEASES" },
        "valid-lifetime": 4000,
        "subnet4": [ { "id": 1, "subnet": "10.20.0.0/24", "pools": [ { "pool": "10.20.0.10 - 10.20.0.200" } ] },
                     { "id": 7, "subnet": "10.30.0.0/24", "pools": [ { "pool": "10.30.0.10 - 10.30.0.20" } ] } ]
        """

    /// Commands in order (they change the lease database as they go).
    static let script = [
        #"{"command": "bogus"}"#,
        #"{"arguments": {}}"#,
        #"{"command": "lease4-get", "arguments": {"ip-address": "10.20.0.50"}}"#,
        #"{"command": "lease4-get-all"}"#,
        #"{"command": "lease4-add", "arguments": {"ip-address": "10.20.0.50", "hw-address": "00:04:13:aa:bb:01"}}"#,
        #"{"command": "lease4-add", "arguments": {"ip-address": "10.20.0.50", "hw-address": "00:04:13:aa:bb:02"}}"#,
        #"{"command": "lease4-add", "arguments": {"ip-address": "10.30.0.15", "hw-address": "00:04:13:aa:bb:03", "hostname": "snom-d715", "valid-lft": 600}}"#,
        #"{"command": "lease4-add", "arguments": {"ip-address": "192.0.2.1", "hw-address": "00:04:13:aa:bb:04"}}"#,
        #"{"command": "lease4-add", "arguments": {"hw-address": "00:04:13:aa:bb:05"}}"#,
        #"{"command": "lease4-get", "arguments": {"ip-address": "10.20.0.50"}}"#,
        #"{"command": "lease4-get", "arguments": {"identifier-type": "hw-address", "identifier": "00:04:13:aa:bb:03", "subnet-id": 7}}"#,
        #"{"command": "lease4-get-all", "arguments": {"subnets": [7]}}"#,
        #"{"command": "lease4-get-all"}"#,
        #"{"command": "lease4-del", "arguments": {"ip-address": "10.20.0.99"}}"#,
        #"{"command": "lease4-del", "arguments": {"ip-address": "10.20.0.50"}}"#,
        #"{"command": "lease4-wipe", "arguments": {"subnet-id": 7}}"#,
        #"{"command": "lease4-get-all"}"#,
        #"{"command": "lease4-add", "arguments": {"ip-address": "10.20.0.51", "hw-address": "00:04:13:aa:bb:06"}}"#,
        #"{"command": "lease4-wipe"}"#,
        #"{"command": "lease4-wipe"}"#,
        #"{"command": "lease4-add", "arguments": {"ip-address": "10.20.0.52", "client-id": "01:00:04:13:aa:bb:07"}}"#,
        #"{"command": "lease4-get", "arguments": {"identifier-type": "client-id", "identifier": "01:00:04:13:aa:bb:07", "subnet-id": 1}}"#,
        #"{"command": "lease4-add", "arguments": {"ip-address": "10.20.0.53", "hw-address": "zz"}}"#,
        #"{"command": "lease4-get", "arguments": {"ip-address": "not-an-address"}}"#,
        #"{"command": "leases-reclaim", "arguments": {"remove": true}}"#,
        #"{"command": "leases-reclaim"}"#,
        #"{"command": "statistic-get", "arguments": {"name": "no-such-statistic"}}"#,
        #"{"command": "config-test", "arguments": {"Dhcp4": {"valid-lifetime": 10}}}"#,
        #"{"command": "config-reload"}"#,
    ]

    @Test func resultsAndTextsAreKeas() async throws {
        let root = NSTemporaryDirectory() + "castor-parity-" + UUID().uuidString.prefix(8)
        let keaDirectory = root + "/kea"
        let castorDirectory = root + "/castor"
        for directory in [keaDirectory, castorDirectory] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        defer { try? FileManager.default.removeItem(atPath: root) }

        let kea = try await KeaProcess.start(
            directory: keaDirectory,
            members: Self.members.replacingOccurrences(of: "LEASES", with: keaDirectory + "/leases.csv"))
        defer { kea.stop() }

        let castorSocket = castorDirectory + "/ctrl.sock"
        let castorConfig = """
            {"Dhcp4": {\(Self.members.replacingOccurrences(of: "LEASES", with: castorDirectory + "/leases.csv")),
              "control-socket": {"socket-type": "unix", "socket-name": "\(castorSocket)"} }}
            """
        try castorConfig.write(toFile: castorDirectory + "/kea-dhcp4.conf", atomically: true, encoding: .utf8)
        let server = try await DHCPServer.start(DHCPServerOptions(configPath: castorDirectory + "/kea-dhcp4.conf"))
        let running = Task { await server.run() }
        let castor = KeaControlClient(path: castorSocket)

        for request in Self.script {
            let expected = try await kea.control.command(request)
            let actual = try await castor.command(request)
            #expect(actual["result"] as? Int == expected["result"] as? Int, "\(request): \(actual) vs Kea \(expected)")
            #expect(
                actual["text"] as? String == expected["text"] as? String, "\(request): \(actual) vs Kea \(expected)")
            if request.contains("lease4-get") {
                #expect(Self.leases(actual) == Self.leases(expected), "\(request): \(actual) vs Kea \(expected)")
            }
        }
        await server.stop()
        await running.value
    }

    /// A reply's leases (one or many), without the times Kea and Castor set a few milliseconds apart.
    static func leases(_ reply: [String: Any]) -> [String] {
        let arguments = reply["arguments"] as? [String: Any]
        let rows = (arguments?["leases"] as? [[String: Any]]) ?? (arguments.map { [$0] } ?? [])
        return rows.map { row in
            row.filter { $0.key != "cltt" }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                .joined(separator: " ")
        }.sorted()
    }
}
