import ArgumentParser
import CastorAdminAPI
import CastorModel
import CastorStore
import CastorSupervisor
import Foundation
import Hummingbird
import Logging

struct API: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api", abstract: "Run the REST API (and web admin) in the foreground.",
        discussion:
            "Stops gracefully on SIGTERM/SIGINT; SIGHUP re-reads nothing it caches (it reads the store per request).")

    @OptionGroup var options: DataOptions
    @Option(help: "The TCP port (default: api.port from castor.yaml, 8080; 0 for any free port).") var port: Int?
    @Option(help: "The address to listen on (default: api.listen, 0.0.0.0).") var listen: String?

    func run() async throws {
        ChildEnvironment.followSupervisor()
        let (store, settings) = try options.openStore()
        Logging.bootstrap(level: settings.logLevel)
        let logger = Logger(label: "castor.api")
        let host = listen ?? settings.api.listen
        let port = port ?? settings.api.port
        let runDir = settings.resolvedRunDir
        let reload = ChildEnvironment.onReload {
            logger.info("reload (SIGHUP): the API reads the store per request; nothing to do")
        }
        defer { withExtendedLifetime(reload) {} }

        var apiOptions = AdminAPIOptions(tokenLifetime: .seconds(settings.api.tokenLifetime), logger: logger)
        let dataDir = settings.dataDir
        if FileManager.default.fileExists(atPath: dataDir + "/kea-dhcp4.conf") {
            apiOptions.dhcpLeases = { try DHCPLeasesCommand.views(dataDir: dataDir) }
        }
        let app = AdminAPI.makeApplication(
            store: store,
            options: apiOptions,
            metrics: APIMetrics(), host: host, port: port,
            onChange: {
                ChildEnvironment.notifyChanged(runDir: runDir, except: "api")
                // A device bound or asked to resync: the PBX sends its check-sync NOTIFY now, not at its next poll.
                PBXResyncPoke.send(runDir: runDir)
            },
            onServerRunning: { bound in
                logger.info("api listening", metadata: ["net.address": "\(host)", "net.port": "\(bound)"])
                ChildEnvironment.notifyReady()
            })
        do {
            try await app.runService()
        } catch {
            logger.critical("api stopped: \(error)")
            throw Failure("api: cannot serve on \(host):\(port): \(error)")
        }
    }
}
