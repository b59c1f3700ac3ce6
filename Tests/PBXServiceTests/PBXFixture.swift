import CastorModel
import CastorSettings
import CastorStore
import CastorTestSupport
import Foundation
import Logging
import SIPTransport

@testable import PBXService

/// A running PBX on loopback, as `castor pbx` composes it: the lab's store, SIP on ephemeral UDP/TCP ports
/// (TLS when asked), the control socket in a temporary run dir. Real peers (SIPp, baresip) talk to it.
final class PBXFixture: @unchecked Sendable {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let scenarios = repositoryRoot.appendingPathComponent("scripts/sipp").path

    let directory: String
    let store: CastorStore
    let service: PBXService
    private let serving: Task<Void, any Error>

    var port: Int { service.udpPort }

    static func start(tls: Bool = false, adjust: (inout Settings.PBX) -> Void = { _ in }) async throws -> PBXFixture {
        let directory = NSTemporaryDirectory() + "castor-pbx-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: directory + "/run", withIntermediateDirectories: true)
        let store = try CastorStore.open(path: directory + "/castor.db")
        _ = try store.apply(.standard)
        var settings = Settings.PBX(listen: "127.0.0.1", sipPort: 0, tlsPort: tls ? LoopbackPort.freeTCP() : 0)
        settings.qualifyFrequency = 0
        adjust(&settings)
        let configuration = PBXConfiguration(
            settings: settings, dataDir: directory, runDir: directory + "/run", advertisedHost: "127.0.0.1")
        var logger = Logger(label: "pbx-test")
        logger.logLevel = .critical
        let service = try await PBXService.start(configuration: configuration, store: store, logger: logger)
        return PBXFixture(directory: directory, store: store, service: service)
    }

    private init(directory: String, store: CastorStore, service: PBXService) {
        self.directory = directory
        self.store = store
        self.service = service
        serving = Task { try await service.run() }
    }

    func stop() async {
        serving.cancel()
        _ = await serving.result
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// The secret of a lab line (made at random by `castor lab init`).
    func secret(_ exten: String) throws -> String { try store.line(exten: exten, context: nil).secret }

    /// Runs SIPp with `scenario` (scripts/sipp/) for the given users (`exten;password` pairs), `calls`
    /// calls in all; returns SIPp's exit status (0: every call succeeded) and its error log.
    func sipp(
        _ scenario: String, users: [(String, String)], calls: Int, transport: String = "u1", rate: Int = 10,
        localPort: Int? = nil, localAddress: String = "127.0.0.1", extraFields: [String] = [],
        extraArguments: [String] = [], in workingDirectory: String? = nil
    ) async throws -> (status: Int32, errors: String) {
        let work = directory + "/sipp-" + UUID().uuidString.prefix(6)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let csv =
            "SEQUENTIAL\n"
            + users.map {
                ([$0.0, "127.0.0.1", "[authentication username=\($0.0) password=\($0.1)]"] + extraFields)
                    .joined(separator: ";")
            }.joined(separator: "\n") + "\n"
        try csv.write(toFile: work + "/users.csv", atomically: true, encoding: .utf8)
        let output = try await Subprocess.run(
            "/usr/bin/sipp",
            [
                "127.0.0.1:\(port)", "-sf", Self.scenarios + "/" + scenario, "-inf", work + "/users.csv",
                "-i", localAddress, "-p", String(localPort ?? LoopbackPort.freeTCP()), "-t", transport,
                "-m", String(calls), "-r", String(rate), "-nostdin", "-trace_err", "-error_file",
                work + "/errors.log", "-recv_timeout", "5000", "-timeout", "60", "-max_recv_loops", "1000",
            ] + extraArguments, limit: .seconds(90), in: workingDirectory)
        let errors = (try? String(contentsOfFile: work + "/errors.log", encoding: .utf8)) ?? ""
        return (output.status, errors + output.stderr)
    }

    /// Asks the control socket, as `castor cli` does.
    func control(_ command: String) async throws -> PBXControlReply {
        let data = try JSONEncoder().encode(PBXControlRequest(command: command))
        let reply = await PBXService.answer(data, driver: service.driver)
        return try JSONDecoder().decode(PBXControlReply.self, from: reply)
    }
}
