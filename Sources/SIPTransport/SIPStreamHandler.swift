import NIOCore
import NIOTLS
import SIPCodec

/// One TCP or TLS connection (after the TLS handler, if any): frames the byte stream into messages with
/// ``SIPCodec/SIPStreamFramer`` (RFC 3261 §18.3), answers RFC 5626 §3.5.1 keepalives, writes what the
/// transport sends, and closes the connection when a bound is passed.
///
/// - Messages of one read cycle are handed to the delegate together, in order, when the cycle completes.
/// - A CRLFCRLF ping is answered with a CRLF pong; a pong is traffic and nothing else.
/// - A framing error (no Content-Length, a message over the maximum size, garbage) is counted and closes
///   the connection, after the messages framed before it are delivered.
/// - Writes go straight to the socket; if the bytes NIO still holds for it pass the maximum afterwards, the
///   peer is not reading: the connection is closed.
/// - One lazy timer per connection: it closes a connection silent (nothing received or sent) for the idle
///   timeout, or one that started a message (or, over TLS, the handshake) and did not finish it within
///   the incomplete-message timeout. The timer is armed at the earliest deadline and re-armed when it fires
///   early, so traffic costs a clock read per read cycle and per write, never a timer.
final class SIPStreamHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private static let pong = ByteBuffer(bytes: [0x0D, 0x0A])

    let transport: SIPTransportProtocol
    private let core: SIPTransportCore
    private var context: ChannelHandlerContext?
    private var id: SIPConnectionID?
    private let isOutbound: Bool
    /// Connected, and for TLS the handshake done: messages can be written.
    private var isReady = false
    private var isClosing = false
    private var framer: SIPStreamFramer
    private var pending: [SIPInboundMessage] = []
    private var peer = SIPPeer(transport: .tcp, address: "0.0.0.0", port: 0)
    private var local = SIPLocalEndpoint(transport: .tcp, address: "0.0.0.0", port: 0)
    private var lastActivity = NIODeadline.now()
    /// When the message (or TLS handshake) in progress started.
    private var unfinishedSince: NIODeadline?
    private var timer: (task: Scheduled<Void>, deadline: NIODeadline)?

    /// A handler for an accepted connection (`outbound` nil) or for one the transport opened under `outbound`.
    init(core: SIPTransportCore, transport: SIPTransportProtocol, outbound: SIPConnectionID? = nil) {
        self.core = core
        self.transport = transport
        self.id = outbound
        self.isOutbound = outbound != nil
        self.framer = SIPStreamFramer(maximumMessageSize: core.configuration.maximumMessageSize)
    }

    var channel: (any Channel)? { context?.channel }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if context.channel.isActive { activate(context: context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        activate(context: context)
        context.fireChannelActive()
    }

    private func activate(context: ChannelHandlerContext) {
        guard peer.port == 0, let remote = IPv4Endpoint(context.channel.remoteAddress) else { return }
        let localAddress = IPv4Endpoint(context.channel.localAddress)
        peer = SIPPeer(transport: transport, address: remote.addressText, port: Int(remote.port))
        local = SIPLocalEndpoint(
            transport: transport, address: localAddress?.addressText ?? "0.0.0.0",
            port: core.listeningPorts[transport] ?? Int(localAddress?.port ?? 0))
        if !isOutbound {
            let entry = SIPConnectionTable<SIPStreamHandler>.Remote(
                transport: transport, address: peer.address, port: peer.port)
            guard let id = core.accepted(self, from: entry) else {
                isClosing = true
                context.close(promise: nil)
                return
            }
            self.id = id
        }
        peer.connection = id
        lastActivity = .now()
        if transport == .tls {
            unfinishedSince = lastActivity
        } else {
            becomeReady()
        }
        armTimer(context: context)
    }

    private func becomeReady() {
        isReady = true
        if isOutbound, let id { core.outboundReady(id, handler: self) }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted = event as? TLSUserEvent, !isReady, id != nil {
            unfinishedSince = nil
            becomeReady()
        }
        context.fireUserInboundEventTriggered(event)
    }

    // MARK: Reading

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !isClosing else { return }
        let buffer = unwrapInboundIn(data)
        buffer.withUnsafeReadableBytes { framer.append($0) }
        // A pong that found the peer not reading closes the connection: what follows is not delivered.
        while !isClosing {
            let item: SIPFramedItem?
            do {
                item = try framer.next()
            } catch {
                SIPCounterCells.add(core.cells.framingErrors)
                flush()
                close(context: context)
                return
            }
            guard let item else { break }
            switch item {
            case .message(let bytes):
                pending.append(SIPInboundMessage(bytes: bytes, peer: peer, local: local))
            case .keepAlivePing:
                SIPCounterCells.add(core.cells.keepAlivesReceived)
                write(Self.pong, context: context)
            case .keepAlivePong:
                SIPCounterCells.add(core.cells.keepAlivesReceived)
            }
        }
        // A lone CRLF left over is a pong waiting for the next byte (it could start a ping), not a message.
        if framer.bufferedByteCount == 0 || framer.hasPendingKeepAlive {
            if isReady { unfinishedSince = nil }
        } else if unfinishedSince == nil {
            unfinishedSince = .now()
            armTimer(context: context)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        lastActivity = .now()
        flush()
        context.fireChannelReadComplete()
    }

    private func flush() {
        guard !pending.isEmpty else { return }
        core.deliver(pending, over: transport)
        pending.removeAll(keepingCapacity: true)
    }

    func channelInactive(context: ChannelHandlerContext) {
        flush()
        isClosing = true
        timer?.task.cancel()
        timer = nil
        if let id { core.connectionEnded(id, notifying: isOutbound && !isReady ? peer : nil) }
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A reset, a TLS failure: the connection is over.
        close(context: context)
    }

    // MARK: Writing

    /// Writes one message now; false when the connection cannot take it (not ready, closing).
    func write(_ bytes: [UInt8]) -> Bool {
        guard let context, isReady, !isClosing else { return false }
        var buffer = context.channel.allocator.buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        write(buffer, context: context)
        return true
    }

    private func write(_ buffer: ByteBuffer, context: ChannelHandlerContext) {
        context.writeAndFlush(wrapOutboundOut(buffer), promise: nil)
        lastActivity = .now()
        // What the kernel did not take stays in NIO's queue; past the bound the peer is not reading.
        if !context.channel.isWritable && !isClosing {
            SIPCounterCells.add(core.cells.connectionsClosedForOverload)
            close(context: context)
        }
    }

    private func close(context: ChannelHandlerContext) {
        guard !isClosing else { return }
        isClosing = true
        context.close(promise: nil)
    }

    // MARK: Timer

    private var nextDeadline: NIODeadline {
        let idle = lastActivity + TimeAmount(core.configuration.idleTimeout)
        guard let unfinishedSince else { return idle }
        return min(idle, unfinishedSince + TimeAmount(core.configuration.incompleteMessageTimeout))
    }

    private func armTimer(context: ChannelHandlerContext) {
        guard !isClosing else { return }
        let deadline = nextDeadline
        if let timer {
            guard deadline < timer.deadline else { return }
            timer.task.cancel()
        }
        let task = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { [self] in
            self.timerFired(context: context)
        }
        timer = (task, deadline)
    }

    private func timerFired(context: ChannelHandlerContext) {
        timer = nil
        guard !isClosing else { return }
        let now = NIODeadline.now()
        if let unfinishedSince, now >= unfinishedSince + TimeAmount(core.configuration.incompleteMessageTimeout) {
            SIPCounterCells.add(core.cells.connectionsClosedIncomplete)
            close(context: context)
        } else if now >= lastActivity + TimeAmount(core.configuration.idleTimeout) {
            SIPCounterCells.add(core.cells.connectionsClosedIdle)
            close(context: context)
        } else {
            armTimer(context: context)
        }
    }
}
