import ArgumentParser
import CastorSettings
import CastorSupervisor
import Foundation
import Logging
import PBXService

/// `castor pbx`: the SIP registrar (UDP and TCP on 5060, TLS on 5061) in the foreground (DESIGN.md §4).
struct PBX: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pbx", abstract: "The SIP PBX (registrar), in the foreground.",
        discussion: """
            Lines come from the store (castor user add, castor lab init); phones register with their line's \
            username and secret (digest, MD5 or SHA-256). Bindings are stored before each 200 OK, so they \
            survive a restart. SIGHUP re-reads the lines without dropping bindings. `castor cli -x "sip show \
            peers"` asks the running PBX over <run_dir>/pbx.sock. Stops on SIGTERM/SIGINT.
            """)

    @OptionGroup var options: DataOptions
    @Option(help: "The SIP port for UDP and TCP (default: pbx.sip_port, 5060; 0 for any free port).")
    var sipPort: Int?
    @Option(help: "The TLS port (default: pbx.tls_port, 5061; 0 turns TLS off).") var tlsPort: Int?
    @Option(help: "The RTP port range A-B (default: pbx.rtp_ports, 10000-20000).") var rtpPorts: String?

    func run() async throws {
        ChildEnvironment.followSupervisor()
        // Bindings are committed before each 200 OK; kill -9 must not lose one, a power cut may lose the last
        // second (phones re-register): no fsync per commit.
        let (store, loaded) = try options.openStore(durability: .processCrash)
        var settings = loaded
        if let sipPort { settings.pbx.sipPort = sipPort }
        if let tlsPort { settings.pbx.tlsPort = tlsPort }
        if let rtpPorts {
            guard let range = Settings.PBX.rtpPortRange(parsing: rtpPorts) else {
                throw ValidationError("--rtp-ports: expected \(Settings.PBX.rtpPortRangeRule), got \(rtpPorts)")
            }
            settings.pbx.rtpPorts = range
        }
        Logging.bootstrap(level: settings.logLevel)
        let logger = Logger(label: "castor.pbx")
        try DataOptions.makeDirectory(settings.resolvedRunDir)
        // The address phones reach us at: the one we listen on, or the lab's server address.
        let advertised = settings.pbx.listen == "0.0.0.0" ? settings.provd.serverAddress : settings.pbx.listen
        let configuration = PBXConfiguration(
            settings: settings.pbx, dataDir: settings.dataDir, runDir: settings.resolvedRunDir,
            advertisedHost: advertised)
        let service: PBXService
        do {
            service = try await PBXService.start(configuration: configuration, store: store, logger: logger)
        } catch {
            printError("castor pbx: \(error)")
            throw ExitCode(1)
        }
        ChildEnvironment.notifyReady()
        let serving = Task { try await service.run() }
        let reload = ChildEnvironment.onReload { Task { await service.reload() } }
        let stop = SignalWatch(signals: [SIGTERM, SIGINT]) { serving.cancel() }
        defer { withExtendedLifetime((reload, stop)) {} }
        _ = await serving.result
        logger.info("pbx stopped")
    }
}
