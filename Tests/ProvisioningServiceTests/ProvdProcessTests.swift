import CastorStore
import CastorTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The built `castor provd` with HTTPS on (`--https-port`): the self-signed pair it makes at the first start,
/// the port it logs, the files curl fetches; and the start error when a configured certificate is missing.
@Suite("castor provd --https-port (the built executable)", .serialized)
struct ProvdProcessTests {
    /// A data dir holding the lab's store and a castor.yaml that keeps provd on loopback.
    static func dataDir(yaml: String) throws -> String {
        let directory = NSTemporaryDirectory() + "castor-provd-run-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let store = try CastorStore.open(path: directory + "/castor.db")
        _ = try store.apply(.standard)
        let settings = """
            provd:
              listen: 127.0.0.1
              server_address: 127.0.0.1
            \(yaml)
            """
        try Data(settings.utf8).write(to: URL(fileURLWithPath: directory + "/castor.yaml"))
        return directory
    }

    static var templates: String { ProvdFixture.repositoryRoot.appendingPathComponent("templates").path }

    @Test("makes <data-dir>/tls/provd.crt for server_address, logs the HTTPS port, serves the HTTP bytes")
    func selfSigned() async throws {
        let directory = try Self.dataDir(yaml: "")
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let (http, https) = (LoopbackPort.freeTCP(), LoopbackPort.freeTCP())
        let log = directory + "/provd.log"
        let process = try Subprocess.start(
            Subprocess.castor,
            [
                "provd", "--data-dir", directory, "--templates", Self.templates, "--tftp-port", "0", "--http-port",
                String(http), "--https-port", String(https),
            ], stdout: log, stderr: log)
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        var listening: String?
        for _ in 0..<1_200 where listening == nil && process.isRunning {
            let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            listening = text.split(separator: "\n").first { $0.contains("provd listening") }.map(String.init)
            if listening == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        let output = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
        let line = try #require(listening, "castor provd did not log \"provd listening\": \(output)")
        #expect(line.contains("provd.https_port=\(https)"), "\(line)")
        #expect(line.contains("provd.http_port=\(http)"), "\(line)")
        // Phones are still told the http URL: provisioning_url is not set.
        #expect(line.contains("provd.url=http://127.0.0.1:\(http)/"), "\(line)")

        let certificate = directory + "/tls/provd.crt"
        let key = try FileManager.default.attributesOfItem(atPath: directory + "/tls/provd.key")
        #expect(key[.posixPermissions] as? Int == 0o600)
        let names = try await Subprocess.run(
            "/usr/bin/openssl", ["x509", "-in", certificate, "-noout", "-subject", "-ext", "subjectAltName"])
        #expect(names.stdout.contains("CN = 127.0.0.1") && names.stdout.contains("IP Address:127.0.0.1"), "\(names)")

        let downloads = directory + "/downloads"
        try FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: true)
        func fetch(_ url: String, _ extra: [String] = []) async throws -> (status: Int32, body: Data) {
            let file = downloads + "/" + UUID().uuidString
            let result = try await Subprocess.run("/usr/bin/curl", ["-sSf", "-o", file] + extra + [url])
            return (result.status, (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data())
        }
        let plain = try await fetch("http://127.0.0.1:\(http)/000413AABB01.xml")
        #expect(plain.status == 0 && !plain.body.isEmpty)
        let secure = try await fetch("https://127.0.0.1:\(https)/000413AABB01.xml", ["--cacert", certificate])
        #expect(secure.status == 0 && secure.body == plain.body)
        let insecure = try await fetch("https://127.0.0.1:\(https)/000413AABB01.xml", ["-k"])
        #expect(insecure.status == 0 && insecure.body == plain.body)

        kill(process.processIdentifier, SIGTERM)
        await Subprocess.waitForExit(process)
        #expect(process.terminationStatus == 0)
    }

    @Test("a configured certificate that is missing stops castor provd with an error naming it")
    func missingCertificate() async throws {
        let absent = NSTemporaryDirectory() + "castor-absent-" + UUID().uuidString.prefix(8)
        let directory = try Self.dataDir(
            yaml: """
                  https_port: \(LoopbackPort.freeTCP())
                  tls_certificate: \(absent)/provd.crt
                  tls_key: \(absent)/provd.key
                """)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let result = try await Subprocess.run(
            Subprocess.castor,
            [
                "provd", "--data-dir", directory, "--templates", Self.templates, "--tftp-port", "0", "--http-port",
                String(LoopbackPort.freeTCP()),
            ])
        #expect(result.status != 0)
        #expect(
            result.stderr.contains("HTTPS certificate \(absent)/provd.crt: cannot read it: No such file or directory"),
            "\(result.stderr)")
        #expect(!result.stderr.contains("provd listening"))
        #expect(!FileManager.default.fileExists(atPath: absent), "a configured pair is never made")
    }
}
