import ArgumentParser
import CastorSettings
import CastorSupervisor
import DHCPService
import Dispatch
import Foundation
import KeaConfig

#if canImport(Glibc)
    import Glibc
#endif

/// `castor dhcp`: the DHCPv4 server, reading a Kea 2.2 `kea-dhcp4.conf` unchanged (DESIGN.md §4).
struct DHCP: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dhcp", abstract: "The DHCPv4 server (Kea 2.2 compatible), in the foreground.",
        discussion: """
            `castor dhcp -c FILE [-p PORT] [-P PORT]` serves FILE as `kea-dhcp4 -c FILE` does, until SIGTERM or \
            SIGINT (exit 0); SIGHUP re-reads FILE, and a file that does not load changes nothing. It exits 1 when \
            the configuration is invalid (FILE:LINE:COL: message) or a socket cannot be bound. Without -c, it serves \
            <data-dir>/kea-dhcp4.conf when --data-dir is given (as the supervisor runs it), else \
            /etc/castor/kea-dhcp4.conf. Leases go to lease-database.name, else <data-dir>/kea-leases4.csv.

            `castor dhcp -t FILE` checks FILE as `kea-dhcp4 -t FILE` does and exits 0 when it is valid, 1 when \
            it is not, printing each error as FILE:LINE:COL: message (Kea omits the position of semantic errors; \
            Castor always gives it).
            """)

    @Option(name: .customShort("t"), help: "Check this configuration file and exit (0: valid, 1: invalid).")
    var test: String?

    @Option(name: .customShort("c"), help: "Serve this configuration file (kea-dhcp4.conf).")
    var configFile: String?

    @Option(name: .customShort("p"), help: "The UDP port to listen on (default 67).")
    var serverPort: UInt16?

    @Option(name: .customShort("P"), help: "Send every reply to this UDP port (default: 67 to relays, 68 to clients).")
    var clientPort: UInt16?

    @OptionGroup var options: DataOptions

    func validate() throws {
        if test != nil && configFile != nil { throw ValidationError("give one of -c FILE (run) and -t FILE (check)") }
    }

    func run() async throws {
        if let test { return try check(test) }
        ChildEnvironment.followSupervisor()
        let settings = (try? options.settings().settings) ?? Settings()
        Logging.bootstrap(level: settings.logLevel)
        let dataDir = options.dataDir.map(DataOptions.absolute)
        var serverOptions = DHCPServerOptions(
            configPath: configFile ?? dataDir.map { $0 + "/kea-dhcp4.conf" } ?? "/etc/castor/kea-dhcp4.conf")
        serverOptions.serverPort = serverPort ?? 67
        serverOptions.clientPort = clientPort
        serverOptions.defaultLeaseFile = (dataDir ?? settings.dataDir) + "/kea-leases4.csv"

        let server: DHCPServer
        do {
            server = try await DHCPServer.start(serverOptions)
        } catch {
            printError("castor dhcp: \(error)")
            throw ExitCode(1)
        }
        ChildEnvironment.notifyReady()
        let reload = ChildEnvironment.onReload { Task { await server.reload() } }
        let stop = SignalWatch(signals: [SIGTERM, SIGINT]) { Task { await server.stop() } }
        defer { withExtendedLifetime((reload, stop)) {} }
        await server.run()
    }

    private func check(_ path: String) throws {
        let config: KeaDHCP4Config
        do {
            config = try KeaDHCP4Config.load(path: path)
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        for warning in config.warnings { printError("warning: \(warning)") }
        let reservations = config.reservations.count + config.subnets.reduce(0) { $0 + $1.reservations.count }
        print(
            "\(path): configuration OK: \(config.subnets.count) subnet\(config.subnets.count == 1 ? "" : "s"), "
                + "\(reservations) reservation\(reservations == 1 ? "" : "s"), "
                + "\(config.clientClasses.count) client class\(config.clientClasses.count == 1 ? "" : "es")")
    }
}

/// Runs `handler` on each of `signals` instead of their default action (SIGTERM, SIGINT: a graceful stop).
/// `@unchecked`: the sources are set once in `init` and never mutated.
final class SignalWatch: @unchecked Sendable {
    private let sources: [any DispatchSourceSignal]

    init(signals: [Int32], handler: @escaping @Sendable () -> Void) {
        let queue = DispatchQueue(label: "castor.dhcp.signals")
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler(handler: handler)
            source.resume()
            return source
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
