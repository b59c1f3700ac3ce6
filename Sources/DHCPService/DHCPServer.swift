import CastorControl
import CastorJSON
import DHCPCodec
import DHCPLeaseEngine
import DHCPLeaseFile
import DHCPLeases
import DHCPTransport
import Foundation
import KeaConfig
import Logging

/// `castor dhcp`: the DHCPv4 server — a Kea 2.2 `kea-dhcp4.conf`, the pure ``LeaseEngine``, the memfile lease
/// journal and the UDP sockets, wired together (DESIGN.md §1 and §3).
///
/// ```swift
/// let server = try await DHCPServer.start(DHCPServerOptions(configPath: "/etc/castor/kea-dhcp4.conf"))
/// ChildEnvironment.notifyReady()          // the sockets are bound
/// Task { await server.run() }             // until stop()
/// _ = await server.reload()               // SIGHUP
/// await server.stop()                     // SIGTERM
/// ```
///
/// Per batch of datagrams read together: each is parsed (a malformed one is counted and dropped), handed to
/// the engine, and its actions are applied in order, except that every `.persist` of the batch is written
/// with one `append` before any reply of the batch leaves (group commit): an ACK is never sent for a lease
/// that is not in the file. Timers: lease reclamation every 10 s; lease file cleanup every `lfc-interval`.
public actor DHCPServer {
    public let options: DHCPServerOptions
    /// The configuration being served (the last one that loaded).
    public internal(set) var configuration: KeaDHCP4Config
    /// The configuration as its file has it (`config-get`, `config-write`).
    public internal(set) var configurationJSON: JSONValue
    public internal(set) var statistics = DHCPStatistics()
    /// The address the engine answers as (option 54 unless configured).
    public nonisolated let serverAddress: IPv4Address
    /// Where the sockets are bound.
    public nonisolated let sockets: [DHCPSocketBinding]
    /// The actor runs on the sockets' event loop: a batch is parsed, answered, persisted and its replies sent
    /// on the thread that read it (one thread, as Kea's, instead of a hop to the cooperative pool per batch).
    private nonisolated let executor: any SerialExecutor
    public nonisolated var unownedExecutor: UnownedSerialExecutor { executor.asUnownedSerialExecutor() }
    var engine: LeaseEngine
    /// nil when `lease-database.persist` is false.
    let leaseFile: MemfileLeaseFile?
    let transport: DHCPTransport
    let logger: Logger
    /// Kea's control channel, when `control-socket` is configured.
    var controlServer: KeaControlServer?
    /// Seconds since the epoch when the server started and when its configuration was last loaded.
    let startedAt: Int64
    var reloadedAt: Int64
    private var stopping = false

    /// Loads the configuration and the leases, binds the sockets; throws what `castor dhcp` prints on failure.
    public static func start(_ options: DHCPServerOptions) async throws(DHCPServiceError) -> DHCPServer {
        let (configuration, configurationJSON) = try loadConfiguration(path: options.configPath)
        for warning in configuration.warnings {
            options.logger.warning("DHCP4_CONFIG_SYNTAX_WARNING \(warning)")
        }
        let transport: DHCPTransport
        do {
            transport = try await DHCPTransport.bind(
                interfaces: configuration.interfaces.interfaces, port: options.serverPort,
                direct: configuration.interfaces.socketType == .raw)
        } catch {
            throw DHCPServiceError(.bind, error.message)
        }
        do {
            let server = try DHCPServer(
                options: options, configuration: configuration, json: configurationJSON, transport: transport)
            try await server.bindControlSocket()
            return server
        } catch {
            await transport.close()
            throw error
        }
    }

    /// Reads and checks the configuration file: the model the engine serves and the JSON `config-get` returns.
    static func loadConfiguration(path: String) throws(DHCPServiceError) -> (KeaDHCP4Config, JSONValue) {
        // One read for both, so the model and the JSON are of the same file.
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DHCPServiceError(.configuration, "\(path):0:0: cannot read the file")
        }
        let bytes = Array(data)
        let configuration: KeaDHCP4Config
        let json: JSONValue
        do {
            configuration = try KeaDHCP4Config.parse(bytes: bytes, file: path)
            json = try JSONValue(parsing: bytes, options: .kea)
        } catch let error as KeaConfigError {
            throw DHCPServiceError(.configuration, error.description)
        } catch {
            throw DHCPServiceError(.configuration, "\(path): \(error)")
        }
        return (configuration, json)
    }

    private init(
        options: DHCPServerOptions, configuration: KeaDHCP4Config, json: JSONValue, transport: DHCPTransport
    ) throws(DHCPServiceError) {
        self.options = options
        self.configuration = configuration
        self.configurationJSON = json
        self.startedAt = Int64(time(nil))
        self.reloadedAt = startedAt
        self.transport = transport
        self.sockets = transport.sockets
        self.executor = transport.executor
        self.logger = options.logger
        self.serverAddress = transport.serverAddress ?? .any
        var leases: [IPv4Address: Lease] = [:]
        if configuration.leaseDatabase.persist {
            let path = configuration.leaseDatabase.name ?? options.defaultLeaseFile
            let file = MemfileLeaseFile(path: path, maxRowErrors: Int(configuration.leaseDatabase.maxRowErrors))
            do {
                let loaded = try file.load()
                for error in loaded.errors {
                    options.logger.warning("DHCPSRV_MEMFILE_LEASE_LOAD_ROW_ERROR \(error)")
                }
                try file.open()
                leases = loaded.leases
                options.logger.info(
                    "DHCPSRV_MEMFILE_LEASES_LOADED leases loaded",
                    metadata: ["dhcp.lease_file": "\(path)", "dhcp.leases": "\(leases.count)"])
            } catch {
                throw DHCPServiceError(.leaseFile, error.description)
            }
            leaseFile = file
        } else {
            leaseFile = nil
        }
        engine = LeaseEngine(configuration: configuration, leases: leases, serverAddress: serverAddress)
        for problem in transport.directSendProblems {
            options.logger.warning(
                "DHCP4_OPEN_SOCKET_FAIL direct replies unavailable; replies to clients without an address are broadcast",
                metadata: ["dhcp.error": "\(problem)"])
        }
        if transport.sockets.isEmpty {
            options.logger.warning(
                "DHCPSRV_NO_SOCKETS_OPEN interfaces-config names no interface: no DHCP traffic will be served")
        }
        for socket in transport.sockets {
            options.logger.info(
                "DHCP4_OPEN_SOCKET listening",
                metadata: [
                    "net.address": "\(socket.bindAddress)", "net.port": "\(socket.port)",
                    "net.interface": "\(socket.device ?? socket.interface)",
                ])
        }
    }

    /// Serves until ``stop()``: reads batches, runs the reclamation and LFC timers.
    public func run() async {
        let reclaimInterval = options.reclaimInterval
        let lfcInterval = configuration.leaseDatabase.lfcInterval
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await Self.every(reclaimInterval) { await self.reclaimExpiredLeases() } }
            if let controlServer {
                group.addTask {
                    do {
                        try await controlServer.run()
                    } catch is CancellationError {
                    } catch {
                        self.logger.error(
                            "COMMAND_SOCKET_ERROR control socket failed", metadata: ["dhcp.error": "\(error)"])
                    }
                }
            }
            if lfcInterval > 0, leaseFile != nil {
                group.addTask { await Self.every(.seconds(Int64(lfcInterval))) { await self.compactLeaseFile() } }
            }
            // Each batch is handled synchronously on the event loop that read it, which is this actor's
            // executor: no queue, no task switch per batch.
            await transport.serve { batch in self.assumeIsolated { $0.handle(batch) } }
            group.cancelAll()
        }
        leaseFile?.close()
        logger.info("DHCP4_SHUTDOWN server stopped")
    }

    /// Closes the sockets; ``run()`` returns once the datagrams already read are handled.
    public func stop() async {
        guard !stopping else { return }
        stopping = true
        logger.info("DHCP4_SHUTDOWN_REQUEST shutting down")
        await transport.close()
    }

    /// What the sockets lost below the service (queue overflow, send failures), for the statistics.
    public nonisolated var transportCounters: DHCPTransport.Counters { transport.counters }

    private static func every(_ interval: Duration, _ body: @Sendable () async -> Void) async {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: interval)
            } catch {
                return
            }
            await body()
        }
    }
}
