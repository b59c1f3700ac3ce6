import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `castor pbx` as a process: SIPp registers a lab line, the daemon is killed with SIGKILL, and the
/// restarted daemon still has the binding (it is stored before the 200 OK leaves); `castor cli` shows it.
@Suite(.serialized) struct PBXProcessTests {
    static let scenarios = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/sipp").path

    @Test func aBindingSurvivesKill9() async throws {
        let dir = try Harness.dataDir()
        let sipPort = Harness.freePort()
        try Harness.writeSettings(
            """
            pbx:
              listen: 127.0.0.1
              sip_port: \(sipPort)
              tls_port: 0
              qualify_frequency: 0
            """, dataDir: dir)
        try Harness.castor("lab", "init", "--data-dir", dir)
        let line = try Harness.castor("line", "show", "1001", "--data-dir", dir, "--json")
        let secret = try #require(
            (try JSONSerialization.jsonObject(with: Data(line.stdout.utf8)) as? [String: Any])?["secret"] as? String)

        var pbx = try Harness.start(["pbx", "--data-dir", dir], log: dir + "/pbx.log")
        _ = try await Harness.eventually("pbx control socket") {
            FileManager.default.fileExists(atPath: dir + "/run/pbx.sock") ? true : nil
        }
        try "SEQUENTIAL\n1001;127.0.0.1;[authentication username=1001 password=\(secret)]\n".write(
            toFile: dir + "/users.csv", atomically: true, encoding: .utf8)
        let sipp = try Harness.run(
            "/usr/bin/timeout",
            [
                "60", "/usr/bin/sipp", "127.0.0.1:\(sipPort)", "-sf", Self.scenarios + "/register_auth.xml", "-inf",
                dir + "/users.csv", "-i", "127.0.0.1", "-p", String(Harness.freePort()), "-m", "1", "-nostdin",
                "-recv_timeout", "5000", "-timeout", "30",
            ])
        #expect(sipp.status == 0, "\(sipp.stdout.suffix(600))")

        kill(pbx.processIdentifier, SIGKILL)
        await Harness.waitForExit(pbx)
        // Even with the daemon gone, the console reads what it stored.
        let offline = try Harness.castor("cli", "--data-dir", dir, "-x", "sip show registrations")
        #expect(offline.stdout.contains("sip:1001@127.0.0.1"), "\(offline.stdout)\(offline.stderr)")

        try? FileManager.default.removeItem(atPath: dir + "/run/pbx.sock")
        pbx = try Harness.start(["pbx", "--data-dir", dir], log: dir + "/pbx2.log")
        defer { pbx.terminate() }
        let peers = try await Harness.eventually("the restarted pbx lists 1001") { () -> String? in
            let output = try Harness.castor("cli", "--data-dir", dir, "-x", "sip show peers")
            return output.status == 0 && output.stdout.contains("sip:1001@127.0.0.1") ? output.stdout : nil
        }
        #expect(peers.contains("SIPp"))
        #expect(peers.contains("UNREGISTERED"))  // 1002, 2001, 2002
    }
}
