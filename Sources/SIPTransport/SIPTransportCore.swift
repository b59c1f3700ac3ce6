import CCastorShims
import NIOCore
import NIOPosix
import NIOSSL

/// The part of a ``SIPTransport`` confined to its event loop: the delegate, the UDP socket's descriptor, the
/// connection table, and what every handler reports to. Touched on the loop only (it is reached through a
/// `NIOLoopBound`), so nothing here takes a lock.
final class SIPTransportCore {
    let eventLoop: any EventLoop
    let configuration: SIPTransportConfiguration
    let cells: SIPCounterCells
    weak var transport: SIPTransport?
    weak var delegate: (any SIPTransportDelegate)?
    /// The UDP listener's descriptor (owned by its channel) while it is open: datagrams are sent from it.
    var udpDescriptor: Int32?
    /// The listening ports, for ``SIPLocalEndpoint``.
    var listeningPorts: [SIPTransportProtocol: Int] = [:]
    var connections: SIPConnectionTable<SIPStreamHandler>
    /// For outbound TLS connections, made when the first one is opened.
    private var clientTLSContext: NIOSSLContext?
    private(set) var isClosed = false
    /// Reused for the datagrams of one `sendmmsg`.
    private var scratch: [UInt8] = []

    init(eventLoop: any EventLoop, configuration: SIPTransportConfiguration, cells: SIPCounterCells) {
        self.eventLoop = eventLoop
        self.configuration = configuration
        self.cells = cells
        self.connections = SIPConnectionTable(capacity: configuration.maximumConnections)
    }

    // MARK: Receiving

    /// Hands one read cycle's messages to the delegate.
    func deliver(_ batch: [SIPInboundMessage], over transport: SIPTransportProtocol) {
        guard !batch.isEmpty, !isClosed else { return }
        cells.received(batch.count, over: transport)
        guard let owner = self.transport, let delegate else { return }
        delegate.transport(owner, received: batch)
    }

    // MARK: Sending

    func send(_ bytes: [UInt8], to peer: SIPPeer) {
        guard !isClosed else { return sendFailed() }
        switch peer.transport {
        case .udp:
            guard let descriptor = udpDescriptor, let endpoint = IPv4Endpoint(address: peer.address, port: peer.port)
            else { return sendFailed() }
            let sent = bytes.withUnsafeBytes { SIPSocket.send($0, from: descriptor, to: endpoint) }
            if sent { cells.sent(over: .udp) } else { sendFailed() }
        case .tcp, .tls:
            switch connections.route(peer) {
            case .open(_, let handler):
                if handler.write(bytes) { cells.sent(over: peer.transport) } else { sendFailed() }
            case .connecting(let id):
                let limit = configuration.maximumPendingOutboundBytesPerConnection
                if !connections.enqueue(bytes, for: id, limit: limit) { sendFailed() }
            case .none:
                connect(to: peer, first: bytes)
            }
        }
    }

    /// Consecutive UDP datagrams go out together with `sendmmsg(2)` (copied into one buffer, since the
    /// call wants every datagram's address at once); streams and anything else one by one, in order.
    func send(_ messages: [(bytes: [UInt8], peer: SIPPeer)]) {
        var index = messages.startIndex
        while index < messages.endIndex {
            guard messages[index].peer.transport == .udp, let descriptor = udpDescriptor, !isClosed else {
                send(messages[index].bytes, to: messages[index].peer)
                index += 1
                continue
            }
            var end = index
            while end < messages.endIndex, messages[end].peer.transport == .udp,
                end - index < Int(CASTOR_DATAGRAM_BATCH_MAX)
            {
                end += 1
            }
            if end - index == 1 {
                send(messages[index].bytes, to: messages[index].peer)
            } else {
                sendDatagrams(messages[index..<end], from: descriptor)
            }
            index = end
        }
    }

    private func sendDatagrams(_ messages: ArraySlice<(bytes: [UInt8], peer: SIPPeer)>, from descriptor: Int32) {
        scratch.removeAll(keepingCapacity: true)
        var datagrams: [castor_datagram] = []
        datagrams.reserveCapacity(messages.count)
        var offsets: [Int] = []
        offsets.reserveCapacity(messages.count)
        for message in messages {
            guard let endpoint = IPv4Endpoint(address: message.peer.address, port: message.peer.port) else {
                sendFailed()
                continue
            }
            offsets.append(scratch.count)
            scratch.append(contentsOf: message.bytes)
            datagrams.append(
                castor_datagram(
                    bytes: nil, capacity: 0, length: UInt32(message.bytes.count), address: endpoint.address,
                    port: endpoint.port, truncated: 0))
        }
        guard !datagrams.isEmpty else { return }
        scratch.withUnsafeMutableBytes { buffer in
            for index in datagrams.indices {
                datagrams[index].bytes = buffer.baseAddress! + offsets[index]
            }
            var first = 0
            while first < datagrams.count {
                let sent = datagrams[first...].withUnsafeBufferPointer {
                    castor_send_datagrams(descriptor, $0.baseAddress, UInt32($0.count))
                }
                guard sent > 0 else {
                    // The socket's buffer is full (or the call failed): the rest is lost, as a sendto would lose it.
                    sendFailed(datagrams.count - first)
                    return
                }
                cells.sent(Int(sent), over: .udp)
                first += Int(sent)
            }
        }
    }

    private func sendFailed(_ count: Int = 1) { SIPCounterCells.add(cells.sendErrors, count) }

    /// Opens a connection to `peer` (no name resolution: the address is a literal) and sends `bytes` once it
    /// is open (once the TLS handshake is done). TLS certificates are not verified: lab phones present
    /// self-signed ones.
    private func connect(to peer: SIPPeer, first bytes: [UInt8]) {
        let remote = SIPConnectionTable<SIPStreamHandler>.Remote(
            transport: peer.transport, address: peer.address, port: peer.port)
        guard let endpoint = IPv4Endpoint(address: peer.address, port: peer.port), endpoint.port != 0,
            let id = connections.reserve(remote)
        else { return sendFailed() }
        guard connections.enqueue(bytes, for: id, limit: configuration.maximumPendingOutboundBytesPerConnection)
        else {
            connections.remove(id)
            return sendFailed()
        }
        let tls = peer.transport == .tls ? makeClientTLSContext() : nil
        if peer.transport == .tls && tls == nil {
            connections.remove(id)
            return sendFailed()
        }
        SIPCounterCells.add(cells.connectionsOpen)
        SIPCounterCells.add(cells.connectionsInitiated)
        let bound = NIOLoopBound(self, eventLoop: eventLoop)
        let transport = peer.transport
        let address = endpoint.socketAddress
        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(TimeAmount(configuration.connectTimeout))
            .channelOption(.writeBufferWaterMark, value: Self.waterMark(configuration))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    if let tls { try sync.addHandler(NIOSSLClientHandler(context: tls, serverHostname: nil)) }
                    try sync.addHandler(SIPStreamHandler(core: bound.value, transport: transport, outbound: id))
                }
            }
        bootstrap.connect(to: address).assumeIsolated().whenFailure { _ in
            self.connectionEnded(id, notifying: peer)
        }
    }

    private func makeClientTLSContext() -> NIOSSLContext? {
        if let clientTLSContext { return clientTLSContext }
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.certificateVerification = .none
        clientTLSContext = try? NIOSSLContext(configuration: configuration)
        return clientTLSContext
    }

    static func waterMark(_ configuration: SIPTransportConfiguration) -> ChannelOptions.Types.WriteBufferWaterMark {
        let limit = max(configuration.maximumPendingOutboundBytesPerConnection, 1)
        return .init(low: limit, high: limit)
    }

    // MARK: Connections

    /// An inbound connection is open; its identifier, or `nil` when the table is full (the caller closes it).
    func accepted(_ handler: SIPStreamHandler, from remote: SIPConnectionTable<SIPStreamHandler>.Remote)
        -> SIPConnectionID?
    {
        guard !isClosed, let id = connections.open(to: remote, connection: handler) else {
            SIPCounterCells.add(cells.connectionsRefused)
            return nil
        }
        SIPCounterCells.add(cells.connectionsOpen)
        SIPCounterCells.add(cells.connectionsAccepted)
        return id
    }

    /// An outbound connection is ready (connected, TLS handshake done): sends what waited for it.
    func outboundReady(_ id: SIPConnectionID, handler: SIPStreamHandler) {
        let waiting = connections.attach(id, connection: handler)
        for (index, bytes) in waiting.enumerated() {
            guard handler.write(bytes) else { return sendFailed(waiting.count - index) }
            cells.sent(over: handler.transport)
        }
    }

    /// A connection closed, or an outbound one failed to open. The delegate hears of it after the current
    /// event (never from within `send`); of a failure to connect when messages were waiting for it.
    func connectionEnded(_ id: SIPConnectionID, notifying failedPeer: SIPPeer? = nil) {
        guard let (_, waiting) = connections.remove(id) else { return }
        SIPCounterCells.add(cells.connectionsOpen, -1)
        sendFailed(waiting)
        guard !isClosed else { return }
        eventLoop.assumeIsolated().execute { [self] in
            guard !isClosed, let owner = transport, let delegate else { return }
            if let failedPeer, waiting > 0 {
                delegate.transport(owner, failedToConnectTo: failedPeer)
            } else {
                delegate.transport(owner, connectionClosed: id)
            }
        }
    }

    // MARK: Closing

    /// Stops sending and delivering; the connections' channels, to close.
    func shutDown() -> [any Channel] {
        isClosed = true
        udpDescriptor = nil
        delegate = nil
        return connections.identifiers.compactMap { connections.connection($0)?.channel }
    }
}
