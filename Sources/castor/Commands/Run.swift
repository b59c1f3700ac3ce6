import ArgumentParser
import CastorModel
import CastorSettings
import CastorStore
import CastorSupervisor
import Foundation
import Logging
import Supervision

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the appliance: start every enabled daemon, restart what dies, stop them all on SIGTERM.",
        discussion: """
            Daemons started (in order): \(DaemonCatalog.all.map(\.name).joined(separator: ", ")), as castor.yaml's \
            supervisor.daemons selects. SIGHUP is forwarded to the daemons (reload). `castor status` and \
            `castor service restart NAME` talk to it over <run dir>/supervisor.sock.
            """)

    @OptionGroup var options: DataOptions
    @Flag(help: "Seed the guide's lab scenario on first start (when the database holds no context and no user).")
    var lab = false

    func run() async throws {
        let (settings, configPath) = try options.settings()
        Logging.bootstrap(level: settings.logLevel)
        let logger = Logger(label: "castor.run")

        let (store, _) = try options.openStore()
        if lab {
            let empty = try Failure.store { () throws(CastorError) -> Bool in
                let contexts = try store.contexts()
                let users = try store.users()
                return contexts.isEmpty && users.isEmpty
            }
            if empty {
                for line in try LabSetup.apply(store: store, settings: settings) { logger.info("lab: created \(line)") }
            } else if let written = try LabDHCP.writeConfiguration(settings: settings) {
                logger.info("lab: created \(written)")
            }
        }
        if let file = try AdminSetup.ensureAdmin(
            store: store, username: settings.api.adminUser, dataDir: settings.dataDir)
        {
            logger.notice(
                "admin account created",
                metadata: ["admin.user": "\(settings.api.adminUser)", "admin.password_file": "\(file)"])
        }

        let launch = DaemonLaunchContext(dataDir: settings.dataDir, configPath: configPath)
        let daemons = settings.supervisor.daemons.compactMap(DaemonCatalog.definition(named:))
            .filter { $0.name != "api" || settings.api.enabled }
            .filter { definition in
                guard definition.name == "dhcp" else { return true }
                let path = settings.dataDir + "/kea-dhcp4.conf"
                if FileManager.default.fileExists(atPath: path) { return true }
                logger.notice(
                    "dhcp not started: no DHCP configuration (castor lab init writes one)",
                    metadata: ["dhcp.config": "\(path)"])
                return false
            }
            .map { (name: $0.name, arguments: $0.arguments(launch)) }
        let s = settings.supervisor
        let policy = RestartPolicy(
            initialDelay: .seconds(s.restartDelayInitial), maxDelay: .seconds(s.restartDelayMax),
            stableAfter: .seconds(max(10, s.restartDelayMax)), crashLoopRestarts: s.crashLoopRestarts,
            crashLoopWindow: .seconds(s.crashLoopWindow), stopGracePeriod: .seconds(s.stopGracePeriod))
        let supervisor = Supervisor(
            configuration: .init(
                executable: try Self.executablePath(), runDir: settings.resolvedRunDir, daemons: daemons, policy: policy
            ),
            logger: logger)
        do {
            try await supervisor.run()
        } catch {
            throw Failure("\(error)")
        }
    }

    /// This very executable, so the daemons run the same build as the supervisor.
    static func executablePath() throws -> String {
        do {
            return try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        } catch {
            return DataOptions.absolute(CommandLine.arguments[0])
        }
    }
}

enum Logging {
    /// One line per event on standard error (journald adds the time), at the configured level.
    static func bootstrap(level: Settings.LogLevel) {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = Logger.Level(rawValue: level.rawValue) ?? .info
            return handler
        }
    }
}
