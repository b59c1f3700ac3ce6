import ArgumentParser
import CastorSettings
import CastorSupervisor
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import ProvisioningService
import ServiceLifecycle
import TFTPProtocol
import TFTPTransport

/// `castor provd`: phone provisioning over TFTP and HTTP (DESIGN.md §4).
struct Provd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "provd", abstract: "The provisioning server (TFTP, HTTP and HTTPS), in the foreground.",
        discussion: """
            Phones fetch their files by name (snomD715.htm, snomD715-<MAC>.htm, <MAC>.xml, y0000000000XX.cfg, \
            <mac>.cfg) over TFTP (port 69) or HTTP (port 8667); each file is rendered from the store and the \
            templates (<data-dir>/templates first, then the built-in ones), the same bytes either way. Firmware is \
            served from <data-dir>/firmware/ as firmware/<name>. Only castor.yaml's provd.allowed_networks are \
            served (the lab network and loopback by default). With provd.https_port (or --https-port) the same \
            files are served over HTTPS too, with provd.tls_certificate and tls_key or a self-signed pair made in \
            <data-dir>/tls; phones use it once provd.provisioning_url says https://. Stops on SIGTERM/SIGINT.
            """)

    @OptionGroup var options: DataOptions
    @Option(help: "The TFTP port (default: provd.tftp_port, 69; 0 for any free port).") var tftpPort: Int?
    @Option(help: "The HTTP port (default: provd.http_port, 8667; 0 for any free port).") var httpPort: Int?
    @Option(help: "The HTTPS port (default: provd.https_port, 0; 0 turns HTTPS off).") var httpsPort: Int?
    @Option(help: "The built-in templates directory (default: found beside the castor executable).")
    var templates: String?

    func run() async throws {
        ChildEnvironment.followSupervisor()
        let (store, loaded) = try options.openStore()
        var settings = loaded
        if let tftpPort { settings.provd.tftpPort = tftpPort }
        if let httpPort { settings.provd.httpPort = httpPort }
        if let httpsPort {
            guard (0...65_535).contains(httpsPort) else {
                throw ValidationError("--https-port: expected a port from 0 (HTTPS off) to 65535, got \(httpsPort)")
            }
            settings.provd.httpsPort = httpsPort
        }
        Logging.bootstrap(level: settings.logLevel)
        let logger = Logger(label: "castor.provd")
        for directory in ["templates", "firmware"] { try DataOptions.makeDirectory(settings.dataDir + "/" + directory) }

        let builtIn = templates.map(DataOptions.absolute) ?? Self.builtInTemplates()
        if builtIn == nil {
            logger.warning("provd: built-in templates not found; only <data-dir>/templates is used (give --templates)")
        }
        let configuration = ProvisioningConfiguration(
            settings: settings.provd, dataDir: settings.dataDir, builtInTemplates: builtIn)
        let service = ProvisioningService(configuration: configuration, store: store, logger: logger)
        let firmware = FirmwareDirectory(path: configuration.firmwareDirectory)
        let host = settings.provd.listen
        let responder = ProvisioningHTTPResponder(service: service, firmware: firmware)
        // The certificate is checked (or made) before anything listens: HTTPS asked for but impossible stops
        // provd, naming the file, rather than leaving phones on plain HTTP unnoticed.
        let httpsServer = try settings.provd.httpsPort == 0 ? nil : Self.httpsServer(settings)
        let listening = ProvdListening(https: httpsServer != nil) { ports in
            logger.info(
                "provd listening",
                metadata: [
                    "net.address": "\(host)", "provd.tftp_port": "\(ports.tftp)", "provd.http_port": "\(ports.http)",
                    "provd.https_port": "\(ports.https.map(String.init) ?? "off")",
                    "provd.url": "\(configuration.site.provisioningURL)",
                ])
            ChildEnvironment.notifyReady()
        }

        let tftp: TFTPServer
        var tftpConfiguration = TFTPServerConfiguration(host: host, port: UInt16(settings.provd.tftpPort))
        tftpConfiguration.busyPoll = .microseconds(settings.provd.tftpBusyPollMicroseconds)
        do {
            tftp = try await TFTPServer.start(
                configuration: tftpConfiguration,
                handler: ProvisioningTFTPHandler(service: service, firmware: firmware, logger: logger))
        } catch {
            throw Failure("provd: TFTP: \(error)")
        }
        let reload = ChildEnvironment.onReload {
            logger.info("reload (SIGHUP): provd reads the store, templates and firmware per request; nothing to do")
        }
        defer { withExtendedLifetime(reload) {} }
        listening.bound(tftp: Int(tftp.localPort))
        var services: [any ServiceLifecycle.Service] = [TFTPServerService(server: tftp)]
        if let httpsServer {
            let https = Application(
                responder: responder, server: httpsServer,
                configuration: ApplicationConfiguration(
                    address: .hostname(host, port: settings.provd.httpsPort), serverName: "castor-provd"),
                onServerRunning: { channel in listening.bound(https: channel.localAddress?.port ?? 0) },
                logger: logger)
            services.append(HTTPSService(application: https, place: "\(host):\(settings.provd.httpsPort)"))
        }
        let app = Application(
            responder: responder,
            configuration: ApplicationConfiguration(
                address: .hostname(host, port: settings.provd.httpPort), serverName: "castor-provd"),
            services: services,
            onServerRunning: { channel in listening.bound(http: channel.localAddress?.port ?? 0) },
            logger: logger)
        do {
            try await app.runService()
        } catch let failure as Failure {
            await tftp.stop()
            throw failure
        } catch {
            await tftp.stop()
            throw Failure("provd: cannot serve HTTP on \(host):\(settings.provd.httpPort): \(error)")
        }
    }

    /// HTTP/1.1 over TLS with castor.yaml's certificate and key, or the self-signed pair (made if missing).
    static func httpsServer(_ settings: Settings) throws -> HTTPServerBuilder {
        do {
            return try ProvisioningTLS(settings: settings.provd, dataDir: settings.dataDir).server()
        } catch {
            throw Failure("provd: \(error)")
        }
    }

    /// The repository's or the package's `templates/`, found from the executable's place: installed
    /// (`/usr/bin/castor` → `/usr/share/castor/templates`) or built (`.build/debug/castor` → `templates`).
    static func builtInTemplates() -> String? {
        if let path = ProcessInfo.processInfo.environment["CASTOR_TEMPLATES"] { return path }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [
            "../share/castor/templates", "../../templates", "../../../templates", "/usr/share/castor/templates",
        ]
        for candidate in candidates {
            let url =
                candidate.hasPrefix("/")
                ? URL(fileURLWithPath: candidate) : executable.appendingPathComponent(candidate).standardizedFileURL
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("snom").path) { return url.path }
        }
        return nil
    }
}

/// The HTTPS application as a service of the HTTP application's group: it stops when the group shuts down,
/// and a failure to listen says it was HTTPS's.
struct HTTPSService: ServiceLifecycle.Service {
    let application: Application<ProvisioningHTTPResponder>
    let place: String

    func run() async throws {
        do {
            try await application.run()
        } catch {
            throw Failure("provd: cannot serve HTTPS on \(place): \(error)")
        }
    }
}

/// The TFTP server as a service of the HTTP application's group: it stops when the group shuts down.
struct TFTPServerService: ServiceLifecycle.Service {
    let server: TFTPServer

    func run() async throws {
        try? await gracefulShutdown()
        await server.stop()
    }
}
