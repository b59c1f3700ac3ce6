import CastorControl
import CastorCore
import CastorModel
import CastorSettings
import CastorStore
import Foundation
import Logging
import MediaRelay
import NIOCore
import PBXCore
import SIPAuth
import SIPTransport

/// `castor pbx`: the SIP registrar over UDP, TCP and TLS, its bindings in the store, its console on a
/// control socket.
///
/// ```swift
/// let service = try await PBXService.start(configuration: configuration, store: store, eventLoop: loop,
///                                          logger: logger)
/// try await service.run()     // until cancelled
/// ```
public final class PBXService: Sendable {
    let driver: PBXDriver
    let transport: SIPTransport
    let control: ControlServer
    public let configuration: PBXConfiguration
    let logger: Logger
    public var udpPort: Int { transport.udpPort }
    public var tcpPort: Int? { transport.tcpPort }
    public var tlsPort: Int? { transport.tlsPort }

    private init(
        driver: PBXDriver, transport: SIPTransport, control: ControlServer, configuration: PBXConfiguration,
        logger: Logger
    ) {
        self.driver = driver
        self.transport = transport
        self.control = control
        self.configuration = configuration
        self.logger = logger
    }

    /// Starts on an event loop of its own (one thread: the whole SIP core runs on it).
    public static func start(configuration: PBXConfiguration, store: CastorStore, logger: Logger) async throws
        -> PBXService
    {
        try await start(
            configuration: configuration, store: store, eventLoop: SIPTransport.makeEventLoop(), logger: logger)
    }

    /// Loads the lines and the stored bindings, binds the SIP sockets and the control socket.
    public static func start(
        configuration: PBXConfiguration, store: CastorStore, eventLoop: any EventLoop, logger: Logger
    ) async throws -> PBXService {
        let settings = configuration.settings
        let lines = try registrarLines(store: store, configuration: configuration)
        let journal = try replayJournal(store: store, logger: logger)
        let wallClock = Date().timeIntervalSince1970
        let stored = try store.bindings(unexpiredAt: wallClock)
        var secret = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in secret.indices { secret[index] = generator.next() }
        let registrar = Registrar(
            configuration: configuration.registrar, lines: lines, bindings: stored, nonceSecret: secret)

        var tls: (String, String)?
        if settings.tlsPort != 0 {
            let files = configuration.tlsFiles
            if settings.tlsCertificate.isEmpty {
                try SelfSignedCertificate.ensure(
                    certificate: files.certificate, key: files.key, commonName: configuration.advertisedHost)
            }
            tls = files
        }
        let transportConfiguration = SIPTransportConfiguration(
            host: settings.listen, udpPort: settings.sipPort, tcpPort: settings.tcp ? settings.sipPort : nil,
            tlsPort: settings.tlsPort == 0 ? nil : settings.tlsPort, tlsCertificateChainPath: tls?.0,
            tlsPrivateKeyPath: tls?.1)
        var tuned = transportConfiguration
        // Room for bursts (and floods) while the loop works through a batch: 4 MiB of datagrams.
        tuned.udpReceiveBufferSize = 4 << 20
        var endpointConfiguration = SIPEndpointConfiguration(
            advertised: [:], qualifyFrequency: settings.qualifyFrequency)
        endpointConfiguration.ringTimeout = .seconds(settings.ringTimeout)
        endpointConfiguration.rtpTimeout = .seconds(settings.rtpTimeout)
        endpointConfiguration.callLimit = settings.callLimit
        var endpoint = SIPEndpoint(
            registrar: registrar, configuration: endpointConfiguration, seed: generator.next())
        endpoint.dialPlan = try dialPlan(store: store, configuration: configuration)
        let clock = SystemMonotonicClock()
        let relay = try MediaRelay.start(
            configuration: MediaRelayConfiguration(
                bindAddress: configuration.mediaBindAddress, ports: settings.rtpPorts),
            clock: clock)
        let media = RelayMediaControl(relay: relay, address: configuration.mediaAnnouncedAddress ?? "")
        endpoint.mediaControl = media
        let driver = PBXDriver(endpoint: endpoint, store: store, eventLoop: eventLoop, logger: logger, clock: clock)
        driver.relay = relay
        driver.journal = journal
        let transport = try await SIPTransport.start(
            configuration: tuned, eventLoop: eventLoop, delegate: driver)
        var advertised = ["udp": "\(configuration.advertisedHost):\(transport.udpPort)"]
        if let port = transport.tcpPort { advertised["tcp"] = "\(configuration.advertisedHost):\(port)" }
        if let port = transport.tlsPort { advertised["tls"] = "\(configuration.advertisedHost):\(port)" }
        let writer = BindingWriter(store: store) { [eventLoop] through, error, recordError in
            eventLoop.execute { driver.stored(through: through, error: error, recordError: recordError) }
        }
        try await eventLoop.submit {
            driver.writer = writer
            driver.transport = transport
            driver.endpoint.configuration.advertised = advertised
            driver.endpoint.start(now: clock.now, wallClock: Date().timeIntervalSince1970)
        }.get()
        _ = eventLoop.scheduleRepeatedTask(initialDelay: .milliseconds(10), delay: .milliseconds(10)) { _ in
            driver.tick()
        }
        driver.startResyncPolling()
        let control = try await ControlServer.bind(path: configuration.controlSocketPath) { data in
            await Self.answer(data, driver: driver)
        }
        logger.info(
            "pbx listening",
            metadata: [
                "net.address": "\(settings.listen)", "sip.udp_port": "\(transport.udpPort)",
                "sip.tcp_port": "\(transport.tcpPort.map(String.init) ?? "off")",
                "sip.tls_port": "\(transport.tlsPort.map(String.init) ?? "off")", "sip.lines": "\(lines.count)",
                "sip.bindings": "\(stored.count)",
            ])
        return PBXService(
            driver: driver, transport: transport, control: control, configuration: configuration, logger: logger)
    }

    /// Serves the control socket until cancelled, then closes the transports.
    public func run() async throws {
        do {
            try await control.run()
        } catch is CancellationError {
        }
        await transport.close()
        driver.writer?.stop()
        driver.relay?.shutdown()
    }

    /// Re-reads the lines and the dial plan from the store (SIGHUP, or the supervisor's reload after a
    /// change): new lines, secrets and includes apply at once; bindings of lines that still exist are kept.
    public func reload() async {
        do {
            let lines = try Self.registrarLines(store: driver.store, configuration: configuration)
            let plan = try Self.dialPlan(store: driver.store, configuration: configuration)
            try await driver.eventLoop.submit { [driver] in
                var output = SIPEndpointOutput()
                driver.endpoint.replaceLines(lines, into: &output)
                driver.endpoint.dialPlan = plan
                driver.finish(output)
            }.get()
            await driver.pollResync()
            logger.info("pbx reloaded", metadata: ["sip.lines": "\(lines.count)"])
        } catch {
            logger.error("pbx: reload failed; the previous lines stay", metadata: ["error": "\(error)"])
        }
    }

    static func registrarLines(store: CastorStore, configuration: PBXConfiguration) throws -> [RegistrarLine] {
        let registrar = configuration.registrar
        let names = Dictionary(try store.users().compactMap { user in user.id.map { ($0, user.name) } }) { a, _ in a }
        let lines: [RegistrarLine] = try store.lines().compactMap { line in
            guard let id = line.id else { return nil }
            var entry = RegistrarLine(
                lineID: id, username: line.username, secret: line.secret, context: line.context,
                maxContacts: line.maxContacts, configuration: registrar)
            entry.exten = line.exten
            entry.displayName = line.userID.flatMap { names[$0] }
            entry.codecs = line.codecs
            return entry
        }
        return try lines + autoprovAccounts(store: store, configuration: registrar)
    }

    /// Applies what the bindings journal holds (left by a PBX that stopped or was killed before the store
    /// caught up) to the store, then starts the journal afresh. Changes the store refuses one by one (a
    /// binding of a line deleted since) are logged and skipped; lines of the file that cannot be read (a
    /// torn last line) too.
    static func replayJournal(store: CastorStore, logger: Logger) throws -> BindingJournal {
        let path = BindingJournal.path(forStore: store.path)
        var replayed = 0
        for file in [path + ".1", path] {
            let (changes, problems) = try BindingJournal.replay(path: file)
            for problem in problems { logger.warning("pbx: bindings journal: \(problem)") }
            guard !changes.isEmpty else { continue }
            do {
                try store.applyBindingChanges(changes)
            } catch {
                for change in changes {
                    do {
                        try store.applyBindingChanges([change])
                    } catch {
                        logger.warning("pbx: bindings journal: change not applied", metadata: ["error": "\(error)"])
                    }
                }
            }
            replayed += changes.count
        }
        if replayed > 0 {
            logger.info("pbx: bindings journal replayed", metadata: ["sip.changes": "\(replayed)"])
        }
        unlink(path + ".1")
        return try BindingJournal(path: path)
    }

    /// The unexpired bindings as a PBX would start with them: the store's, with what the journal holds that
    /// the store may not have yet (the console's view when the PBX is not running: read only, nothing applied).
    public static func bindings(store: CastorStore, unexpiredAt now: Double) throws -> [SIPBinding] {
        var bindings = try store.bindings(unexpiredAt: now)
        let path = BindingJournal.path(forStore: store.path)
        for file in [path + ".1", path] {
            for change in (try? BindingJournal.replay(path: file).changes) ?? [] {
                switch change {
                case .save(let binding):
                    bindings.removeAll { $0.lineID == binding.lineID && $0.contact == binding.contact }
                    if binding.expiresAt > now { bindings.append(binding) }
                case .remove(let lineID, let contact):
                    bindings.removeAll { $0.lineID == lineID && $0.contact == contact }
                }
            }
        }
        return bindings
    }

    /// The dial plan from the store's contexts and extensions.
    static func dialPlan(store: CastorStore, configuration: PBXConfiguration) throws -> DialPlan {
        DialPlan(
            contexts: try store.contexts(), extensions: try store.extensions(),
            emergencyNumbers: configuration.settings.emergencyNumbers,
            provisioningCodes: try store.provisioningCodes())
    }

    static func answer(_ data: Data, driver: PBXDriver) async -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let reply: PBXControlReply
        do {
            let request = try JSONDecoder().decode(PBXControlRequest.self, from: data)
            switch request.command {
            case "peers", "registrations":
                reply = PBXControlReply(peers: try await driver.eventLoop.submit { driver.peers() }.get())
            case "calls":
                reply = PBXControlReply(calls: try await driver.eventLoop.submit { driver.calls() }.get())
            case "stats":
                reply = PBXControlReply(stats: try await driver.eventLoop.submit { driver.stats() }.get())
            case "resync":
                await driver.pollResync()
                reply = PBXControlReply(message: "resync requests read")
            default:
                reply = PBXControlReply(
                    error: "unknown command \"\(request.command)\" (peers, registrations, calls, stats, resync)")
            }
        } catch {
            reply = PBXControlReply(error: "bad request: \(error)")
        }
        return (try? encoder.encode(reply)) ?? Data("{\"error\":\"encoding\"}".utf8)
    }
}
