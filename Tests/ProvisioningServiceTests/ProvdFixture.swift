import CastorCore
import CastorModel
import CastorStore
import CastorTestSupport
import Foundation
import Hummingbird
import Logging
import NIOCore
import Provisioning
import TFTPTransport

@testable import ProvisioningService

/// A running provisioning server on loopback, as `castor provd` composes it: the lab's store, the built-in
/// templates, a firmware directory, TFTP and HTTP (and HTTPS, when asked, with a self-signed pair for
/// 127.0.0.1 in `<directory>/tls`) on ephemeral ports. Real clients (curl, atftp, tftp-hpa) talk to it.
final class ProvdFixture: @unchecked Sendable {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let firmwareName = "snomD715-10.1.215.13-SIP-r.bin"

    let directory: String
    let store: CastorStore
    let service: ProvisioningService
    let tftp: TFTPServer
    let httpPort: Int
    /// nil unless started with `https: true`.
    let httpsPort: Int?
    private let httpTask: Task<Void, any Error>
    private let httpsTask: Task<Void, any Error>?

    var tftpPort: Int { Int(tftp.localPort) }
    var firmwareDirectory: String { directory + "/firmware" }
    var downloads: String { directory + "/downloads" }
    /// The self-signed certificate HTTPS serves (with `https: true`): what `curl --cacert` trusts.
    var certificate: String { directory + "/tls/provd.crt" }

    /// `firmwareBytes` of random firmware (none when 0); HTTPS beside HTTP when `https`; `adjust` changes the
    /// configuration (allow list, key…).
    static func start(
        firmwareBytes: Int = 0, https: Bool = false, adjust: (inout ProvisioningConfiguration) -> Void = { _ in }
    ) async throws -> ProvdFixture {
        let directory = NSTemporaryDirectory() + "castor-provd-" + UUID().uuidString.prefix(8)
        for sub in ["firmware", "templates", "downloads"] {
            try FileManager.default.createDirectory(atPath: directory + "/" + sub, withIntermediateDirectories: true)
        }
        if firmwareBytes > 0 {
            var generator = SystemRandomNumberGenerator()
            let bytes = (0..<firmwareBytes / 8).flatMap { _ in withUnsafeBytes(of: generator.next()) { Array($0) } }
            try Data(bytes).write(to: URL(fileURLWithPath: directory + "/firmware/" + firmwareName))
        }
        let store = try CastorStore.open(path: directory + "/castor.db")
        _ = try store.apply(.standard)
        let httpPort = LoopbackPort.freeTCP()
        var configuration = ProvisioningConfiguration(
            site: ProvisioningSite(
                provisioningURL: "http://127.0.0.1:\(httpPort)/", sipHost: "127.0.0.1", ntpServer: "127.0.0.1"),
            templateDirectories: [directory + "/templates", repositoryRoot.appendingPathComponent("templates").path],
            firmwareDirectory: directory + "/firmware",
            allowedNetworks: [try IPv4Network(parsing: "127.0.0.0/8")])
        adjust(&configuration)
        var logger = Logger(label: "provd-test")
        logger.logLevel = .critical
        let service = ProvisioningService(configuration: configuration, store: store, logger: logger)
        let firmware = FirmwareDirectory(path: configuration.firmwareDirectory)
        let tftp = try await TFTPServer.start(
            configuration: TFTPServerConfiguration(host: "127.0.0.1", port: 0),
            handler: ProvisioningTFTPHandler(service: service, firmware: firmware, logger: logger))
        let responder = ProvisioningHTTPResponder(service: service, firmware: firmware)
        let app = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: httpPort)),
            logger: logger)
        let task = Task { try await app.run() }
        var httpsPort: Int?
        var httpsTask: Task<Void, any Error>?
        if https {
            // As `castor provd` does with empty tls_certificate and tls_key: a pair made for the server address.
            let tls = ProvisioningTLS(
                certificatePath: directory + "/tls/provd.crt", keyPath: directory + "/tls/provd.key",
                selfSignedName: "127.0.0.1")
            let port = LoopbackPort.freeTCP()
            let secure = Application(
                responder: responder, server: try tls.server(),
                configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port)), logger: logger)
            httpsPort = port
            httpsTask = Task { try await secure.run() }
        }
        let fixture = ProvdFixture(
            directory: directory, store: store, service: service, tftp: tftp, httpPort: httpPort, httpsPort: httpsPort,
            httpTask: task, httpsTask: httpsTask)
        try await fixture.waitForHTTP()
        return fixture
    }

    private init(
        directory: String, store: CastorStore, service: ProvisioningService, tftp: TFTPServer, httpPort: Int,
        httpsPort: Int?, httpTask: Task<Void, any Error>, httpsTask: Task<Void, any Error>?
    ) {
        self.directory = directory
        self.store = store
        self.service = service
        self.tftp = tftp
        self.httpPort = httpPort
        self.httpsPort = httpsPort
        self.httpTask = httpTask
        self.httpsTask = httpsTask
    }

    func stop() async {
        httpTask.cancel()
        httpsTask?.cancel()
        _ = try? await httpTask.value
        _ = try? await httpsTask?.value
        await tftp.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    // MARK: Clients

    struct Fetch {
        var status: Int32
        var bytes: Data?
        var output: String
    }

    /// `curl` GET (over HTTPS when `https`, trusting what `extra` says: `--cacert` or `-k`); returns the HTTP
    /// status code and the body.
    func curl(_ path: String, _ extra: [String] = [], https: Bool = false) async throws -> (
        code: Int, body: Data, headers: String
    ) {
        let name = UUID().uuidString
        let body = downloads + "/" + name
        let headers = downloads + "/" + name + ".headers"
        let base = https ? "https://127.0.0.1:\(httpsPort ?? 0)" : "http://127.0.0.1:\(httpPort)"
        let result = try await Subprocess.run(
            "/usr/bin/curl", ["-sS", "-o", body, "-D", headers, "-w", "%{http_code}"] + extra + [base + path],
            limit: .seconds(60))
        let data = (try? Data(contentsOf: URL(fileURLWithPath: body))) ?? Data()
        let headerText = (try? String(contentsOfFile: headers, encoding: .utf8)) ?? ""
        return (Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0, data, headerText)
    }

    /// `atftp` get with options (`"blksize 1468"`…); the file's bytes when it succeeded.
    func atftp(_ remote: String, options: [String] = []) async throws -> Fetch {
        let local = downloads + "/" + UUID().uuidString
        let result = try await Subprocess.run(
            "/usr/bin/atftp",
            options.flatMap { ["--option", $0] } + ["-g", "-r", remote, "-l", local, "127.0.0.1", String(tftpPort)],
            limit: .seconds(120))
        let data = result.status == 0 ? try? Data(contentsOf: URL(fileURLWithPath: local)) : nil
        return Fetch(status: result.status, bytes: data, output: result.stdout + result.stderr)
    }

    /// tftp-hpa `get` in binary mode.
    func tftpHPA(_ remote: String) async throws -> Fetch {
        let local = downloads + "/" + UUID().uuidString
        let result = try await Subprocess.run(
            "/usr/bin/tftp", ["-m", "binary", "127.0.0.1", String(tftpPort), "-c", "get", remote, local],
            limit: .seconds(60))
        // tftp-hpa exits 0 even on an ERROR packet; it then prints "Error code N" and leaves no (or an empty) file.
        let failed = result.stdout.contains("Error code") || result.stderr.contains("Error code")
        let data = failed ? nil : try? Data(contentsOf: URL(fileURLWithPath: local))
        return Fetch(status: failed ? 1 : result.status, bytes: data, output: result.stdout + result.stderr)
    }

    private func waitForHTTP() async throws {
        for https in httpsPort == nil ? [false] : [false, true] {
            var up = false
            for _ in 0..<200 where !up {
                if let (code, _, _) = try? await curl("/", ["-k"], https: https), code > 0 {
                    up = true
                } else {
                    try await Task.sleep(for: .milliseconds(25))
                }
            }
            guard up else {
                throw TestFailure("the provisioning HTTP\(https ? "S" : "") server did not come up")
            }
        }
    }
}
