import CastorCore
import CastorSettings
import CastorTestSupport
import Foundation
import Testing

@testable import ProvisioningService

/// HTTPS provisioning (`provd.https_port`): the same responder over TLS, checked with curl against the
/// self-signed certificate (`--cacert`) and without checking it (`-k`).
@Suite("castor provd over HTTPS", .serialized)
struct ProvdHTTPSTests {
    @Test("a lab phone's per-MAC files over HTTPS (--cacert and -k) are byte-identical to HTTP")
    func sameBytesAsHTTP() async throws {
        let provd = try await ProvdFixture.start(https: true)
        defer { Task { await provd.stop() } }
        for file in ["000413AABB01.xml", "snomD715-000413AABB01.htm"] {
            let plain = try await provd.curl("/" + file)
            #expect(plain.code == 200, "\(file) over HTTP: \(plain.code)")
            let verified = try await provd.curl("/" + file, ["--cacert", provd.certificate], https: true)
            #expect(verified.code == 200, "\(file) over HTTPS with --cacert: \(verified.code)")
            #expect(verified.body == plain.body, "\(file)")
            let unverified = try await provd.curl("/" + file, ["-k"], https: true)
            #expect(unverified.code == 200 && unverified.body == plain.body, "\(file) over HTTPS with -k")
            #expect(Self.header("content-type", in: verified.headers) == Self.header("content-type", in: plain.headers))
            #expect(Self.header("etag", in: verified.headers) == Self.header("etag", in: plain.headers))
        }
        // Without the certificate, curl refuses the self-signed server (exit 60, no status).
        #expect(try await provd.curl("/000413AABB01.xml", https: true).code == 0)
    }

    @Test("firmware over HTTPS: HEAD, a range, If-None-Match; POST is 405")
    func headAndRange() async throws {
        let provd = try await ProvdFixture.start(firmwareBytes: 64 * 1024, https: true)
        defer { Task { await provd.stop() } }
        let original = try Data(
            contentsOf: URL(fileURLWithPath: provd.firmwareDirectory + "/" + ProvdFixture.firmwareName))
        let path = "/firmware/" + ProvdFixture.firmwareName
        let trust = ["--cacert", provd.certificate]

        let head = try await provd.curl(path, trust + ["-I"], https: true)
        #expect(head.code == 200)
        #expect(head.headers.lowercased().contains("content-length: \(original.count)"))
        #expect(head.headers.lowercased().contains("accept-ranges: bytes"))

        let part = try await provd.curl(path, trust + ["-r", "1000-1999"], https: true)
        #expect(part.code == 206 && part.body == original[1000..<2000])
        #expect(part.headers.contains("bytes 1000-1999/\(original.count)"))

        let tag = try #require(Self.header("etag", in: head.headers))
        #expect(try await provd.curl(path, trust + ["-H", "If-None-Match: \(tag)"], https: true).code == 304)
        #expect(try await provd.curl("/snomD715.htm", trust + ["-X", "POST"], https: true).code == 405)
    }

    @Test("the URL key and the allow list hold over HTTPS as over HTTP")
    func accessPolicy() async throws {
        let keyed = try await ProvdFixture.start(https: true) { $0.urlKey = "k3y" }
        #expect(try await keyed.curl("/snomD715.htm", ["-k"], https: true).code == 404)
        #expect(try await keyed.curl("/k3y/snomD715.htm", ["-k"], https: true).code == 200)
        await keyed.stop()

        let closed = try await ProvdFixture.start(https: true) {
            $0.allowedNetworks = [try! IPv4Network(parsing: "10.20.0.0/24")]
        }
        #expect(try await closed.curl("/snomD715.htm", ["-k"], https: true).code == 403)
        await closed.stop()
    }

    /// The value of a response header in curl's `-D` dump (the first of that name).
    static func header(_ name: String, in headers: String) -> String? {
        headers.split(separator: "\r\n").first { $0.lowercased().hasPrefix(name + ":") }?
            .dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces)
    }

    @Test("castor.yaml: empty tls_certificate and tls_key mean a pair in <data_dir>/tls for server_address")
    func settingsResolve() throws {
        let selfSigned = try Settings.parse(
            yaml: "provd:\n  https_port: 8668\n  server_address: 10.20.0.1\n", file: "castor.yaml")
        #expect(selfSigned.provd.httpsPort == 8668)
        #expect(
            ProvisioningTLS(settings: selfSigned.provd, dataDir: "/var/lib/castor/")
                == ProvisioningTLS(
                    certificatePath: "/var/lib/castor/tls/provd.crt", keyPath: "/var/lib/castor/tls/provd.key",
                    selfSignedName: "10.20.0.1"))
        // Phones are told the http URL until the admin says otherwise.
        #expect(
            ProvisioningConfiguration(settings: selfSigned.provd, dataDir: "/var/lib/castor", builtInTemplates: nil)
                .site.provisioningURL == "http://10.20.0.1:8667/")

        let own = try Settings.parse(
            yaml: """
                provd:
                  https_port: 443
                  tls_certificate: /etc/castor/provd.pem
                  tls_key: /etc/castor/provd-key.pem
                  provisioning_url: https://prov.lab.example/
                """,
            file: "castor.yaml")
        #expect(
            ProvisioningTLS(settings: own.provd, dataDir: "/var/lib/castor")
                == ProvisioningTLS(certificatePath: "/etc/castor/provd.pem", keyPath: "/etc/castor/provd-key.pem"))
        #expect(
            ProvisioningConfiguration(settings: own.provd, dataDir: "/var/lib/castor", builtInTemplates: nil)
                .site.provisioningURL == "https://prov.lab.example/")
    }

    @Test("a missing, non-PEM or mismatched certificate or key is refused, naming the file")
    func badFiles() throws {
        let directory = NSTemporaryDirectory() + "castor-provd-tls-" + UUID().uuidString.prefix(8)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let first = ProvisioningTLS(
            certificatePath: directory + "/a.crt", keyPath: directory + "/a.key", selfSignedName: "127.0.0.1")
        let second = ProvisioningTLS(
            certificatePath: directory + "/b.crt", keyPath: directory + "/b.key", selfSignedName: "127.0.0.1")
        _ = try first.configuration()
        _ = try second.configuration()
        #expect(FileManager.default.fileExists(atPath: directory + "/a.crt"))
        let mode = try FileManager.default.attributesOfItem(atPath: directory + "/a.key")[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let missing = ProvisioningTLS(certificatePath: directory + "/none.crt", keyPath: directory + "/a.key")
        #expect(
            throws: ProvisioningTLSError.file(
                file: "certificate", path: directory + "/none.crt", reason: "cannot read it: No such file or directory")
        ) { try missing.configuration() }

        try Data("not a certificate\n".utf8).write(to: URL(fileURLWithPath: directory + "/garbage.crt"))
        let garbage = ProvisioningTLS(certificatePath: directory + "/garbage.crt", keyPath: directory + "/a.key")
        let garbageError = #expect(throws: ProvisioningTLSError.self) { try garbage.configuration() }
        #expect(garbageError?.description.hasPrefix("HTTPS certificate \(directory)/garbage.crt: ") == true)

        let notAKey = ProvisioningTLS(certificatePath: directory + "/a.crt", keyPath: directory + "/b.crt")
        let keyError = #expect(throws: ProvisioningTLSError.self) { try notAKey.configuration() }
        #expect(keyError?.description.hasPrefix("HTTPS private key \(directory)/b.crt: not a PEM private key") == true)

        let crossed = ProvisioningTLS(certificatePath: directory + "/a.crt", keyPath: directory + "/b.key")
        let crossedError = #expect(throws: ProvisioningTLSError.self) { try crossed.configuration() }
        #expect(
            crossedError?.description.hasPrefix(
                "HTTPS private key \(directory)/b.key does not go with the certificate \(directory)/a.crt") == true)
    }
}
