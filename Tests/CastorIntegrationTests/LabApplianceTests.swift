import Foundation
import Testing

/// The README's promise: `castor run --lab` comes up, curl with a token lists the lab's four users, and
/// `castor cli -x "users show"` prints them.
@Suite(.serialized) struct LabApplianceTests {
    @Test func labApplianceServesItsUsersOverHTTPAndTheConsole() async throws {
        let dir = try Harness.dataDir()
        let port = Harness.freePort()
        let tftpPort = Harness.freePort()
        let httpPort = Harness.freePort()
        try Harness.writeSettings(
            """
            api:
              listen: 127.0.0.1
              port: \(port)
            provd:
              listen: 127.0.0.1
              tftp_port: \(tftpPort)
              http_port: \(httpPort)
            pbx:
              listen: 127.0.0.1
              sip_port: \(Harness.freePort())
              tls_port: \(Harness.freePort())
            """, dataDir: dir)
        let supervisor = try Harness.start(["run", "--lab", "--data-dir", dir], log: dir + "/run.log")
        // Foundation reaps the supervisor once it exits; its SIGTERM handling is tested in SupervisorTests.
        defer { supervisor.terminate() }
        _ = try await Harness.eventually("api up") { () -> Bool? in
            try StatusReport.read(dataDir: dir)?.daemon("api")?.state == "up" ? true : nil
        }

        let password = try String(contentsOfFile: dir + "/admin-password", encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let base = "http://127.0.0.1:\(port)"
        let login = try Harness.run(
            "/usr/bin/curl",
            [
                "-sS", "-f", "-H", "Content-Type: application/json", "-d",
                "{\"username\":\"admin\",\"password\":\"\(password)\"}", base + "/api/auth/login",
            ])
        #expect(login.status == 0, "\(login.stderr)")
        let token = try #require(
            (try JSONSerialization.jsonObject(with: Data(login.stdout.utf8)) as? [String: Any])?["token"] as? String)

        let users = try Harness.run(
            "/usr/bin/curl", ["-sS", "-f", "-H", "Authorization: Bearer \(token)", base + "/api/users"])
        #expect(users.status == 0, "\(users.stderr)")
        let body = try #require(try JSONSerialization.jsonObject(with: Data(users.stdout.utf8)) as? [String: Any])
        let names = (body["items"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }.sorted()
        #expect(names == ["Alice", "Bob", "Claire", "David"])

        // A wrong token is refused.
        let refused = try Harness.run(
            "/usr/bin/curl",
            [
                "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-H", "Authorization: Bearer cst_wrong",
                base + "/api/users",
            ])
        #expect(refused.stdout == "401")

        let console = try Harness.castor("cli", "--data-dir", dir, "-x", "users show")
        #expect(console.status == 0)
        let rows = console.stdout.split(separator: "\n")
        #expect(rows.first?.contains("NAME") == true)
        for (name, exten, context) in [
            ("Alice", "1001", "comptabilite"), ("Bob", "1002", "comptabilite"), ("Claire", "2001", "administratif"),
            ("David", "2002", "administratif"),
        ] {
            #expect(
                rows.contains { $0.contains(name) && $0.contains(exten) && $0.contains(context) }, "\(console.stdout)")
        }
        #expect(console.stdout.contains("4 users"))

        // The lab's DHCP scope is served on loopback (lo/127.0.0.1:67): perfdhcp relays from 127.0.0.2 and
        // the phones' network gets leases that the console lists.
        _ = try await Harness.eventually("dhcp up") { () -> Bool? in
            try StatusReport.read(dataDir: dir)?.daemon("dhcp")?.state == "up" ? true : nil
        }
        let perfdhcp = "/usr/sbin/perfdhcp"
        if FileManager.default.isExecutableFile(atPath: perfdhcp) {
            let show = try Harness.run("/usr/sbin/ip", ["addr", "show", "lo"])
            if !show.stdout.contains("127.0.0.2/") {
                _ = try Harness.run("/usr/sbin/ip", ["addr", "add", "127.0.0.2/8", "dev", "lo"])
            }
            let load = try Harness.run(
                perfdhcp, ["-4", "-l", "127.0.0.2", "-r", "20", "-n", "20", "-R", "20", "-W", "500000", "127.0.0.1"])
            #expect(load.stdout.contains("received packets: 20"), "\(load.stdout)\(load.stderr)")
            let leases = try Harness.castor("cli", "--data-dir", dir, "-x", "dhcp leases")
            #expect(leases.status == 0, "\(leases.stderr)")
            #expect(leases.stdout.contains("20 leases, 20 active"), "\(leases.stdout)")
            #expect(leases.stdout.contains("10.20.0.1"))
            let api = try Harness.run(
                "/usr/bin/curl", ["-sS", "-f", "-H", "Authorization: Bearer \(token)", base + "/api/dhcp/leases"])
            #expect(api.status == 0, "\(api.stderr)")
            let list = try #require(try JSONSerialization.jsonObject(with: Data(api.stdout.utf8)) as? [String: Any])
            #expect(list["total"] as? Int == 20, "\(api.stdout)")
            let first = (list["items"] as? [[String: Any]])?.first
            #expect((first?["address"] as? String)?.hasPrefix("10.20.0.") == true)
            #expect(first?["state"] as? String == "active")
        }

        // Provisioning, supervised: the lab phone 1001 fetches its files over TFTP and HTTP; an unknown phone
        // gets nobody's credentials and shows up unassigned; `device assign` binds 2002 to it, and its next
        // fetch carries 2002's secret and clears the resync request.
        _ = try await Harness.eventually("provd up") { () -> Bool? in
            try StatusReport.read(dataDir: dir)?.daemon("provd")?.state == "up" ? true : nil
        }
        let secrets = try Self.secrets(dataDir: dir)
        let own = try Self.tftp("000413AABB01.xml", port: tftpPort, dir: dir)
        let alice = try #require(secrets["1001"])
        let bob = try #require(secrets["1002"])
        #expect(own.contains(alice) && !own.contains(bob))
        let overHTTP = try Harness.run(
            "/usr/bin/curl", ["-sS", "-f", "http://127.0.0.1:\(httpPort)/000413AABB01.xml"])
        #expect(overHTTP.stdout == own)

        let stranger = try Self.tftp("000413AABBEE.xml", port: tftpPort, dir: dir)
        for secret in secrets.values { #expect(!stranger.contains(secret)) }
        var devices = try Harness.castor("cli", "--data-dir", dir, "-x", "devices show").stdout
        #expect(devices.contains("00:04:13:aa:bb:ee") && devices.contains("unassigned"), "\(devices)")
        #expect(devices.contains("000413AABB01.xml"), "last fetch of 1001's phone: \(devices)")

        let assign = try Harness.castor("device", "assign", "00:04:13:AA:BB:EE", "--line", "2002", "--data-dir", dir)
        #expect(assign.status == 0, "\(assign.stderr)")
        devices = try Harness.castor("cli", "--data-dir", dir, "-x", "devices show").stdout
        #expect(devices.contains("resync pending"), "\(devices)")
        let assigned = try Self.tftp("000413AABBEE.xml", port: tftpPort, dir: dir)
        let david = try #require(secrets["2002"])
        #expect(assigned.contains(david))
        devices = try Harness.castor("cli", "--data-dir", dir, "-x", "devices show").stdout
        #expect(!devices.contains("resync pending"), "\(devices)")

        // The PBX, supervised: up with the lab's four lines, none registered yet; its TLS certificate was
        // made at the first start.
        _ = try await Harness.eventually("pbx up") { () -> Bool? in
            try StatusReport.read(dataDir: dir)?.daemon("pbx")?.state == "up" ? true : nil
        }
        let peers = try await Harness.eventually("sip show peers") { () -> String? in
            let output = try Harness.castor("cli", "--data-dir", dir, "-x", "sip show peers")
            return output.status == 0 ? output.stdout : nil
        }
        #expect(peers.contains("4 lines [registered: 0, unregistered: 4]"), "\(peers)")
        #expect(FileManager.default.fileExists(atPath: dir + "/tls/sip.crt"))
    }

    struct FetchFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Line secrets by username, as `castor line show --json` prints them.
    static func secrets(dataDir: String) throws -> [String: String] {
        var secrets: [String: String] = [:]
        for exten in ["1001", "1002", "2001", "2002"] {
            let shown = try Harness.castor("line", "show", exten, "--data-dir", dataDir, "--json")
            let object = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
            secrets[exten] = object?["secret"] as? String
        }
        return secrets
    }

    /// A file fetched with atftp from the supervised provd.
    static func tftp(_ name: String, port: Int, dir: String) throws -> String {
        let local = dir + "/" + name + ".fetched"
        try? FileManager.default.removeItem(atPath: local)
        let fetch = try Harness.run(
            "/usr/bin/atftp", ["--option", "blksize 1468", "-g", "-r", name, "-l", local, "127.0.0.1", String(port)])
        guard fetch.status == 0 else {
            throw FetchFailure(description: "atftp \(name): \(fetch.stdout)\(fetch.stderr)")
        }
        return try String(contentsOfFile: local, encoding: .utf8)
    }
}

/// The CLI face of the API, on a data dir without any daemon running.
@Suite struct CLITests {
    @Test func labInitTwiceChangesNothing() throws {
        let dir = try Harness.dataDir()
        let first = try Harness.castor("lab", "init", "--data-dir", dir)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("user 1001"))
        let secret = try Harness.castor("line", "show", "1001", "--data-dir", dir, "--json")
        let second = try Harness.castor("lab", "init", "--data-dir", dir)
        #expect(second.status == 0)
        #expect(second.stdout.contains("nothing to do"))
        #expect(try Harness.castor("line", "show", "1001", "--data-dir", dir, "--json").stdout == secret.stdout)
    }

    @Test func userAddGeneratesASecretAndLineShowPrintsIt() throws {
        let dir = try Harness.dataDir()
        try Harness.castor("lab", "init", "--data-dir", dir)
        let added = try Harness.castor(
            "user", "add", "--data-dir", dir, "--name", "Eve", "--context", "comptabilite", "--exten", "1003")
        #expect(added.status == 0, "\(added.stderr)")
        let secretLine = try #require(added.stdout.split(separator: "\n").first { $0.hasPrefix("secret: ") })
        let secret = String(secretLine.dropFirst("secret: ".count))
        #expect(secret.count >= 16)

        let shown = try Harness.castor("line", "show", "1003", "--data-dir", dir, "--json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        #expect(json["secret"] as? String == secret)
        #expect(json["username"] as? String == "1003")
        #expect(json["context"] as? String == "comptabilite")

        let given = try Harness.castor(
            "user", "add", "--data-dir", dir, "--name", "Frank", "--context", "administratif", "--exten", "2003",
            "--secret", "s3cretPassw0rd")
        #expect(given.status == 0)
        #expect(!given.stdout.contains("secret:"))
    }

    @Test func badInputGetsAClearErrorAndWritesNothing() throws {
        let dir = try Harness.dataDir()
        try Harness.castor("lab", "init", "--data-dir", dir)
        let before = try Harness.castor("cli", "--data-dir", dir, "-x", "users show").stdout

        let outside = try Harness.castor(
            "user", "add", "--data-dir", dir, "--name", "Zed", "--context", "comptabilite", "--exten", "2050")
        #expect(outside.status == 1)
        #expect(outside.stderr.contains("exten"))
        #expect(outside.stderr.contains("1000-1099"))

        let taken = try Harness.castor(
            "user", "add", "--data-dir", dir, "--name", "Zed", "--context", "comptabilite", "--exten", "1001")
        #expect(taken.status == 1)
        #expect(taken.stderr.contains("1001"))

        let duplicateMAC = try Harness.castor(
            "device", "add", "--data-dir", dir, "--mac", "0004.13aa.bb01", "--model", "D715")
        #expect(duplicateMAC.status == 1)
        #expect(duplicateMAC.stderr.contains("mac"))

        let badMAC = try Harness.castor("device", "add", "--data-dir", dir, "--mac", "00:04:13:zz", "--model", "D715")
        #expect(badMAC.status == 1)
        #expect(badMAC.stderr.contains("not a MAC address"))

        #expect(try Harness.castor("cli", "--data-dir", dir, "-x", "users show").stdout == before)
    }

    @Test func contextIncludeAndDeviceAdd() throws {
        let dir = try Harness.dataDir()
        try Harness.castor("lab", "init", "--data-dir", dir)
        let include = try Harness.castor("context", "include", "--data-dir", dir, "comptabilite", "administratif")
        #expect(include.status == 0, "\(include.stderr)")
        #expect(include.stdout.contains("administratif"))
        let contexts = try Harness.castor("cli", "--data-dir", dir, "-x", "contexts show")
        #expect(
            contexts.stdout.split(separator: "\n").contains {
                $0.hasPrefix("comptabilite") && $0.contains("administratif")
            })

        try Harness.castor(
            "user", "add", "--data-dir", dir, "--name", "Gus", "--context", "administratif", "--exten", "2010")
        let device = try Harness.castor(
            "device", "add", "--data-dir", dir, "--mac", "00-04-13-aa-bb-10", "--model", "D715", "--line", "2010")
        #expect(device.status == 0, "\(device.stderr)")
        #expect(device.stdout.contains("00:04:13:aa:bb:10"))
        #expect(device.stdout.contains("configured"))
        let devices = try Harness.castor("cli", "--data-dir", dir, "-x", "devices show")
        #expect(devices.stdout.contains("00:04:13:aa:bb:10"))
        #expect(devices.stdout.contains("3 devices"))
    }

    @Test func aTypoInCastorYamlNamesFileLineAndKey() throws {
        let dir = try Harness.dataDir()
        try Harness.writeSettings("api:\n  listen: 127.0.0.1\n  prot: 8080\n", dataDir: dir)
        let output = try Harness.castor("status", "--data-dir", dir)
        #expect(output.status == 1)
        #expect(output.stderr.contains("castor.yaml:3:3"))
        #expect(output.stderr.contains("did you mean \"port\""))
    }

    @Test func dhcpCheckAcceptsTheLabConfigAndNamesTheLineOfAMistake() throws {
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "../../appliance/kea-dhcp4.conf.example"
        ).standardized.path
        let good = try Harness.castor("dhcp", "-t", example)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("configuration OK"))

        let dir = try Harness.dataDir()
        let bad = dir + "/kea-dhcp4.conf"
        try "{ \"Dhcp4\": {\n  \"valid-lifetime\": 4000,\n  \"vaild-lifetime\": 3\n} }\n".write(
            toFile: bad, atomically: true, encoding: .utf8)
        let refused = try Harness.castor("dhcp", "-t", bad)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains(bad + ":3:3: got unexpected keyword \"vaild-lifetime\" in Dhcp4 map."))
    }

    @Test func statusWithoutASupervisorSaysSo() throws {
        let dir = try Harness.dataDir()
        let output = try Harness.castor("status", "--data-dir", dir)
        #expect(output.status == 1)
        #expect(output.stderr.contains("not reachable"))
    }
}
