import CastorTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Phones that provision themselves, with `castor pbx` and `castor provd` as processes on one data dir and
/// SIPp as the phones, on loopback: the check-sync NOTIFY after `castor device assign`, and a phone in
/// autoprov that dials a line's provisioning code with the account its own file gave it.
@Suite(.serialized) struct AutoprovisioningTests {
    static let scenarios = PBXProcessTests.scenarios

    /// `castor pbx` and `castor provd` running on a fresh lab data dir.
    struct Appliance {
        let dir: String
        let sipPort: Int
        let httpPort: Int
        let pbx: ChildProcess
        let provd: ChildProcess

        static func start() async throws -> Appliance {
            let dir = try Harness.dataDir()
            let sipPort = Harness.freePort()
            let httpPort = Harness.freePort()
            try Harness.writeSettings(
                """
                pbx:
                  listen: 127.0.0.1
                  sip_port: \(sipPort)
                  tls_port: 0
                  qualify_frequency: 0
                provd:
                  listen: 127.0.0.1
                  tftp_port: \(Harness.freePort())
                  http_port: \(httpPort)
                  server_address: 127.0.0.1
                """, dataDir: dir)
            try Harness.castor("lab", "init", "--data-dir", dir)
            let pbx = try Harness.start(["pbx", "--data-dir", dir], log: dir + "/pbx.log")
            let provd = try Harness.start(["provd", "--data-dir", dir], log: dir + "/provd.log")
            _ = try await Harness.eventually("pbx control socket") {
                FileManager.default.fileExists(atPath: dir + "/run/pbx.sock") ? true : nil
            }
            _ = try await Harness.eventually("provd http") { () -> Bool? in
                let probe = try Harness.run(
                    "/usr/bin/curl", ["-s", "-o", "/dev/null", "http://127.0.0.1:\(httpPort)/snomD715.htm"])
                return probe.status == 0 ? true : nil
            }
            return Appliance(dir: dir, sipPort: sipPort, httpPort: httpPort, pbx: pbx, provd: provd)
        }

        func stop() async {
            for process in [pbx, provd] where process.isRunning { process.terminate() }
            await Harness.waitForExit(pbx)
            await Harness.waitForExit(provd)
        }

        /// A phone's own file over HTTP, fetched from `address` (the phone's address as provd sees it).
        func fetch(_ file: String, from address: String) throws -> String {
            let output = try Harness.run(
                "/usr/bin/curl",
                [
                    "-sS", "-f", "--interface", address, "-A", "Mozilla/4.0 (compatible; snomD715-SIP 10.1.215.13)",
                    "http://127.0.0.1:\(httpPort)/\(file)",
                ])
            guard output.status == 0 else { throw Failure(description: "curl \(file): \(output.stderr)") }
            return output.stdout
        }

        /// A line as `castor line show --json` prints it.
        func line(_ exten: String) throws -> [String: Any] {
            let shown = try Harness.castor("line", "show", exten, "--data-dir", dir, "--json")
            return (try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]) ?? [:]
        }

        /// A SIPp UAS on `address` that waits for one check-sync NOTIFY and answers 200.
        func notifyReceiver(on address: String, port: Int, name: String) throws -> ChildProcess {
            try Subprocess.start(
                "/usr/bin/sipp",
                [
                    "-sf", AutoprovisioningTests.scenarios + "/uas_notify.xml", "-i", address, "-p", String(port),
                    "-m", "1", "-nostdin", "-trace_err", "-error_file", dir + "/\(name)-errors.log",
                    "-timeout", "60",
                ], stdout: dir + "/\(name).out", stderr: dir + "/\(name).out")
        }

        /// Runs a SIPp client scenario from `address` as `user` (CSV: user;127.0.0.1;auth;extra); returns its
        /// exit status and the messages it traced.
        func sipp(_ scenario: String, user: String, secret: String, extra: String, from address: String, name: String)
            async throws -> (status: Int32, messages: String)
        {
            let csv = "SEQUENTIAL\n\(user);127.0.0.1;[authentication username=\(user) password=\(secret)];\(extra)\n"
            try csv.write(toFile: dir + "/\(name).csv", atomically: true, encoding: .utf8)
            let output = try await Subprocess.run(
                "/usr/bin/sipp",
                [
                    "127.0.0.1:\(sipPort)", "-sf", AutoprovisioningTests.scenarios + "/" + scenario, "-inf",
                    dir + "/\(name).csv", "-i", address, "-p", String(Harness.freePort()), "-m", "1", "-nostdin",
                    "-recv_timeout", "5000", "-timeout", "30", "-trace_msg", "-message_file",
                    dir + "/\(name).messages", "-trace_err", "-error_file", dir + "/\(name)-errors.log",
                ], limit: .seconds(60))
            let messages = (try? String(contentsOfFile: dir + "/\(name).messages", encoding: .utf8)) ?? ""
            return (output.status, messages + output.stderr)
        }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The first capture group of `pattern` in `text`.
    static func capture(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
            let range = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[range])
    }

    @Test("`castor device assign` → the phone, still registered as 1001 from its address, gets check-sync")
    func checkSyncAfterAssign() async throws {
        let appliance = try await Appliance.start()
        let address = "127.0.0.23"
        // The phone fetched its file from 127.0.0.23: provd records the device there, unassigned.
        _ = try appliance.fetch("000413AABBE1.xml", from: address)
        let uasPort = Harness.freePort()
        let receiver = try appliance.notifyReceiver(on: address, port: uasPort, name: "uas-a")
        let secret = try #require(try appliance.line("1001")["secret"] as? String)
        let registered = try await appliance.sipp(
            "register_contact.xml", user: "1001", secret: secret, extra: String(uasPort), from: address,
            name: "register-a")
        #expect(registered.status == 0, "\(registered.messages.suffix(800))")

        let assign = try Harness.castor(
            "device", "assign", "00:04:13:AA:BB:E1", "--line", "2001", "--data-dir", appliance.dir)
        #expect(assign.status == 0, "\(assign.stderr)")
        await Subprocess.waitForExit(receiver, limit: .seconds(20))
        let log = (try? String(contentsOfFile: appliance.dir + "/uas-a.out", encoding: .utf8)) ?? ""
        #expect(receiver.terminationStatus == 0, "the UAS got no (valid) check-sync: \(log.suffix(800))")
        let stats = try Harness.castor("cli", "--data-dir", appliance.dir, "-x", "sip show stats").stdout
        #expect(stats.contains("check_sync_sent"), "\(stats)")
        await appliance.stop()
    }

    @Test("autoprov: the phone's file gives it an ap… account; dialling 1002's code binds it; check-sync; new file")
    func provisioningCode() async throws {
        let appliance = try await Appliance.start()
        let address = "127.0.0.24"
        let file = "000413AABBE2.xml"
        let first = try appliance.fetch(file, from: address)
        let account = try #require(
            Self.capture(#"<user_name idx="1" perm="R">(ap[a-z0-9]{10})</user_name>"#, in: first))
        let password = try #require(Self.capture(#"<user_pass idx="1" perm="R">([^<]+)</user_pass>"#, in: first))
        #expect(first.contains(#"<user_realname idx="1" perm="R">Autoprov</user_realname>"#))

        // The PBX learns the new account at its next read of the store (a few seconds at most).
        _ = try await Harness.eventually("the pbx accepts \(account)") { () -> Bool? in
            let peers = try Harness.castor("cli", "--data-dir", appliance.dir, "-x", "sip show peers").stdout
            return peers.contains(account) ? true : nil
        }
        let uasPort = Harness.freePort()
        let receiver = try appliance.notifyReceiver(on: address, port: uasPort, name: "uas-b")
        let registered = try await appliance.sipp(
            "register_contact.xml", user: account, secret: password, extra: String(uasPort), from: address,
            name: "register-b")
        #expect(registered.status == 0, "\(registered.messages.suffix(800))")

        let bob = try appliance.line("1002")
        let code = try #require(bob["provisioning_code"] as? String)
        let codes = try ["1001", "1002", "2001", "2002"].compactMap {
            try appliance.line($0)["provisioning_code"] as? String
        }
        let wrongCode = try #require(
            (0..<1_000).map { String(format: "%06d", 314_159 + $0) }.first { !codes.contains($0) })
        let wrong = try await appliance.sipp(
            "uac_code.xml", user: account, secret: password, extra: wrongCode, from: address, name: "wrong")
        #expect(wrong.status == 0, "\(wrong.messages.suffix(800))")
        #expect(wrong.messages.contains("SIP/2.0 404"), "\(wrong.messages.suffix(800))")
        let extension1001 = try await appliance.sipp(
            "uac_code.xml", user: account, secret: password, extra: "1001", from: address, name: "restricted")
        #expect(extension1001.messages.contains("SIP/2.0 403"), "\(extension1001.messages.suffix(800))")

        let right = try await appliance.sipp(
            "uac_code.xml", user: account, secret: password, extra: code, from: address, name: "right")
        #expect(right.status == 0, "\(right.messages.suffix(800))")
        #expect(right.messages.contains("SIP/2.0 480 Provisioned, Resyncing"), "\(right.messages.suffix(800))")
        let devices = try await Harness.eventually("the device bound to 1002") { () -> String? in
            let shown = try Harness.castor("cli", "--data-dir", appliance.dir, "-x", "devices show").stdout
            let row = shown.split(separator: "\n").first { $0.contains("00:04:13:aa:bb:e2") }
            return row?.contains("1:1002") == true ? shown : nil
        }
        // 1002 left the lab phone that had it.
        let labRow = devices.split(separator: "\n").first { $0.contains("00:04:13:aa:bb:02") }
        #expect(labRow?.contains("unassigned") == true, "\(devices)")

        await Subprocess.waitForExit(receiver, limit: .seconds(20))
        let log = (try? String(contentsOfFile: appliance.dir + "/uas-b.out", encoding: .utf8)) ?? ""
        #expect(receiver.terminationStatus == 0, "the UAS got no (valid) check-sync: \(log.suffix(800))")

        let fresh = try appliance.fetch(file, from: address)
        let bobSecret = try #require(bob["secret"] as? String)
        let escaped = bobSecret.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
        #expect(fresh.contains(#"<user_name idx="1" perm="R">1002</user_name>"#), "\(fresh)")
        #expect(fresh.contains(escaped))
        #expect(!fresh.contains(account) && !fresh.contains(password))
        await appliance.stop()
    }
}
