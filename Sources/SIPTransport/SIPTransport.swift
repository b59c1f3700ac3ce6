import NIOCore
import NIOPosix
import NIOSSL

/// SIP's transport layer (RFC 3261 §18) over SwiftNIO: UDP with responses from the listening port (RFC 3581
/// rport-friendly), TCP and TLS with Content-Length framing and RFC 5626 §3.5.1 keepalives, all on one event
/// loop, where the delegate receives and sends without a lock or a thread hop.
///
/// ```swift
/// let loop = MultiThreadedEventLoopGroup.singleton.next()
/// let transport = try await SIPTransport.start(
///     configuration: SIPTransportConfiguration(host: "10.0.0.1", udpPort: 5060, tcpPort: 5060),
///     eventLoop: loop, delegate: registrar)
/// // registrar.transport(_:received:) runs on `loop`, and answers from there:
/// transport.send(response, to: message.peer)
/// await transport.close()
/// ```
///
/// - UDP: datagrams are read up to 32 per recvmmsg(2) call and 256 per read cycle, and each cycle is one batch
///   for the delegate; sends are sendto(2) on the listening socket, so a send error never closes it (see
///   `SIPSocket`). Keepalive and oversize datagrams are dropped and counted.
/// - TCP and TLS: see `SIPStreamHandler`. A message to a TCP or TLS peer goes over the connection it came
///   on, or any open connection to its address and port, or a new connection (outbound TLS does not verify
///   the peer's certificate: lab phones present self-signed ones).
/// - Everything is bounded: the connections open (``SIPTransportConfiguration/maximumConnections``), the bytes
///   held for each (``SIPTransportConfiguration/maximumPendingOutboundBytesPerConnection``, messages waiting
///   for an outbound connection included), a message's size and how long it may take to arrive, a
///   connection's silence, and one read cycle's batch.
public final class SIPTransport: Sendable {
    /// The loop every socket of the transport runs on; the delegate is called on it, and ``send(_:to:)``
    /// must be called on it.
    public let eventLoop: any EventLoop
    public let configuration: SIPTransportConfiguration
    /// The ports bound (the kernel's choice where the configuration said 0).
    public let udpPort: Int
    public let tcpPort: Int?
    public let tlsPort: Int?
    private let core: NIOLoopBound<SIPTransportCore>
    private let cells: SIPCounterCells
    private let listeners: [any Channel]

    private init(
        eventLoop: any EventLoop, configuration: SIPTransportConfiguration, sockets: SIPListenerSockets,
        core: NIOLoopBound<SIPTransportCore>, cells: SIPCounterCells, listeners: [any Channel]
    ) {
        self.eventLoop = eventLoop
        self.configuration = configuration
        self.udpPort = sockets.udp.port
        self.tcpPort = sockets.tcp?.port
        self.tlsPort = sockets.tls?.port
        self.core = core
        self.cells = cells
        self.listeners = listeners
    }

    /// The process's SIP event loop: one thread of its own (a NIO POSIX loop), not shared with NIO's singleton
    /// group, where HTTP or DHCP work could delay SIP. Every call returns the same loop, so transports started
    /// on it (and the engines their delegates drive) share that one thread, without locks.
    public static func makeEventLoop() -> any EventLoop { sipGroup.next() }

    private static let sipGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    /// Binds every listener the configuration asks for and starts receiving. `eventLoop` must be a NIO POSIX
    /// loop (of a `MultiThreadedEventLoopGroup`). The transport holds `delegate` weakly.
    ///
    /// Throws ``SIPTransportError``: `cannot bind SIP over TCP to 127.0.0.1:5060: Address already in use`,
    /// or a TLS file that cannot be read.
    public static func start(
        configuration: SIPTransportConfiguration, eventLoop: any EventLoop, delegate: any SIPTransportDelegate
    ) async throws(SIPTransportError) -> SIPTransport {
        let host = try validate(configuration)
        var serverTLS: NIOSSLContext?
        if configuration.tlsPort != nil, let chain = configuration.tlsCertificateChainPath,
            let key = configuration.tlsPrivateKeyPath
        {
            serverTLS = try SIPServerTLS.context(certificateChainPath: chain, privateKeyPath: key)
        }
        let sockets = try SIPListenerSockets.bind(configuration, host: host)
        let cells = SIPCounterCells()
        // The delegate is only ever used on the event loop from here on (SIPTransportDelegate's contract).
        nonisolated(unsafe) let delegate = delegate
        let core: NIOLoopBound<SIPTransportCore>
        do {
            core = try await eventLoop.submit {
                let core = SIPTransportCore(eventLoop: eventLoop, configuration: configuration, cells: cells)
                core.delegate = delegate
                core.udpDescriptor = sockets.udp.descriptor
                core.listeningPorts[.udp] = sockets.udp.port
                core.listeningPorts[.tcp] = sockets.tcp?.port
                core.listeningPorts[.tls] = sockets.tls?.port
                return NIOLoopBound(core, eventLoop: eventLoop)
            }.get()
        } catch {
            sockets.close()
            throw .invalidConfiguration("the event loop does not run: \(error)")
        }
        let listeners = try await SIPListenerChannels.adopt(
            sockets, configuration: configuration, core: core, eventLoop: eventLoop, serverTLS: serverTLS)
        let transport = SIPTransport(
            eventLoop: eventLoop, configuration: configuration, sockets: sockets, core: core, cells: cells,
            listeners: listeners)
        // Reading starts only now that the delegate can be given its transport.
        try? await eventLoop.submit {
            core.value.transport = transport
            for listener in listeners { _ = listener.setOption(.autoRead, value: true) }
        }.get()
        return transport
    }

    private static func validate(_ configuration: SIPTransportConfiguration) throws(SIPTransportError)
        -> IPv4Endpoint
    {
        guard let host = IPv4Endpoint(address: configuration.host, port: 0) else {
            throw .invalidConfiguration("host \"\(configuration.host)\" is not an IPv4 address")
        }
        let ports: [(String, Int?)] = [
            ("udpPort", configuration.udpPort), ("tcpPort", configuration.tcpPort), ("tlsPort", configuration.tlsPort),
        ]
        for case (let name, let port?) in ports where !(0...65_535).contains(port) {
            throw .invalidConfiguration("\(name) \(port) is not a port number (0…65535)")
        }
        if configuration.tlsPort != nil
            && (configuration.tlsCertificateChainPath == nil || configuration.tlsPrivateKeyPath == nil)
        {
            throw .invalidConfiguration("TLS needs tlsCertificateChainPath and tlsPrivateKeyPath")
        }
        guard configuration.maximumMessageSize > 0, configuration.maximumPendingOutboundBytesPerConnection > 0 else {
            throw .invalidConfiguration("maximumMessageSize and maximumPendingOutboundBytesPerConnection must be > 0")
        }
        return host
    }

    /// Sends one message to `peer`; call it on ``eventLoop``. Never blocks and never throws: a message that
    /// cannot leave is counted in ``SIPTransportCounters/sendErrors`` (and, for a connection that could not
    /// be opened, reported to the delegate).
    ///
    /// - UDP: one datagram from the listening socket.
    /// - TCP and TLS: over `peer.connection` if it is still open, else the newest open connection to the
    ///   peer's address and port, else a new connection (the message waits for it to open).
    public func send(_ bytes: [UInt8], to peer: SIPPeer) {
        core.value.send(bytes, to: peer)
    }

    /// Sends several messages, in order, as ``send(_:to:)`` does one by one, except that consecutive UDP
    /// datagrams leave with one `sendmmsg(2)` per 64 (one system call for a batch's answers).
    public func send(_ messages: [(bytes: [UInt8], peer: SIPPeer)]) {
        core.value.send(messages)
    }

    /// Closes the listeners and every connection. The delegate hears nothing more. Calling it again does
    /// nothing.
    public func close() async {
        let core = self.core
        let listeners = self.listeners
        let closed = try? await eventLoop.submit {
            let channels = listeners + core.value.shutDown()
            let futures = channels.map { $0.close() }
            return EventLoopFuture.andAllComplete(futures, on: core.value.eventLoop)
        }.get()
        try? await closed?.get()
    }

    /// The counters since the transport started.
    public var counters: SIPTransportCounters { cells.snapshot }
}
