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
/// templates, a firmware directory, TFTP and HTTP on ephemeral ports. Real clients (curl, atftp, tftp-hpa)
/// talk to it.
final class ProvdFixture: @unchecked Sendable {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let firmwareName = "snomD715-10.1.215.13-SIP-r.bin"

    let directory: String
    let store: CastorStore
    let service: ProvisioningService
    let tftp: TFTPServer
    let httpPort: Int
    private let httpTask: Task<Void, any Error>

    var tftpPort: Int { Int(tftp.localPort) }
    var firmwareDirectory: String { directory + "/firmware" }
    var downloads: String { directory + "/downloads" }

    /// `firmwareBytes` of random firmware (none when 0); `adjust` changes the configuration (allow list, key…).
    static func start(
        firmwareBytes: Int = 0, adjust: (inout ProvisioningConfiguration) -> Void = { _ in }
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
        let app = Application(
            responder: ProvisioningHTTPResponder(service: service, firmware: firmware),
            configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: httpPort)),
            logger: logger)
        let task = Task { try await app.run() }
        let fixture = ProvdFixture(
            directory: directory, store: store, service: service, tftp: tftp, httpPort: httpPort, httpTask: task)
        try await fixture.waitForHTTP()
        return fixture
    }

    private init(
        directory: String, store: CastorStore, service: ProvisioningService, tftp: TFTPServer, httpPort: Int,
        httpTask: Task<Void, any Error>
    ) {
        self.directory = directory
        self.store = store
        self.service = service
        self.tftp = tftp
        self.httpPort = httpPort
        self.httpTask = httpTask
    }

    func stop() async {
        httpTask.cancel()
        _ = try? await httpTask.value
        await tftp.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    // MARK: Clients

    struct Fetch {
        var status: Int32
        var bytes: Data?
        var output: String
    }

    /// `curl` GET; returns the HTTP status code and the body.
    func curl(_ path: String, _ extra: [String] = []) async throws -> (code: Int, body: Data, headers: String) {
        let name = UUID().uuidString
        let body = downloads + "/" + name
        let headers = downloads + "/" + name + ".headers"
        let result = try await Subprocess.run(
            "/usr/bin/curl",
            ["-sS", "-o", body, "-D", headers, "-w", "%{http_code}"] + extra + ["http://127.0.0.1:\(httpPort)\(path)"],
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
        for _ in 0..<200 {
            if let (code, _, _) = try? await curl("/"), code > 0 { return }
            try await Task.sleep(for: .milliseconds(25))
        }
        throw TestFailure("the provisioning HTTP server did not come up on \(httpPort)")
    }
}
