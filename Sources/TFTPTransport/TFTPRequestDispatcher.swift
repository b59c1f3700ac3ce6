import NIOCore
import NIOPosix
import Synchronization
import TFTPProtocol

/// What happens to a datagram on the well-known port, and the bookkeeping shared by the listener and every
/// transfer: admission (``TFTPProtocol/TFTPRequestAdmission``), refusals, the duplicate and capacity checks,
/// the handler's resolution, and opening each transfer's socket on the next event loop of the group.
final class TFTPRequestDispatcher: Sendable {
    let configuration: TFTPServerConfiguration
    let handler: any TFTPRequestHandler
    let group: any EventLoopGroup
    let table: TFTPTransferTable
    let counters = TFTPCounterCells()
    /// The well-known port's socket (owned by the listener channel), and its event loop: refusals are sent
    /// from it, on that loop, where its closing cannot race a send.
    let listenerDescriptor: Int32
    let listenerLoop: any EventLoop
    /// The busy-poll budget of every transfer: the configuration's, or none on a single CPU, where the
    /// client cannot answer while the server's thread polls.
    let busyPoll: Duration
    /// The transfers running, in all and on each event loop, for ``mayBusyPoll(on:)``.
    private let running = Mutex(RunningTransfers())
    private let cores = System.coreCount

    private struct RunningTransfers {
        var total = 0
        var perLoop: [ObjectIdentifier: Int] = [:]
    }

    /// SO_RCVBUF of a transfer's socket: it only receives ACKs.
    static let transferReceiveBufferSize = 1 << 16

    init(
        configuration: TFTPServerConfiguration, handler: any TFTPRequestHandler, group: any EventLoopGroup,
        listenerDescriptor: Int32, listenerLoop: any EventLoop
    ) {
        self.configuration = configuration
        self.handler = handler
        self.group = group
        self.table = TFTPTransferTable(capacity: configuration.maximumConcurrentTransfers)
        self.listenerDescriptor = listenerDescriptor
        self.listenerLoop = listenerLoop
        self.busyPoll = cores > 1 ? configuration.busyPoll : .zero
    }

    // MARK: The well-known port (on the listener's event loop)

    /// One datagram that arrived on the well-known port.
    func admit(_ datagram: ByteBuffer, from peer: TFTPPeer) {
        switch TFTPRequestAdmission(datagram: datagram.readableBytesView, pathPolicy: configuration.pathPolicy) {
        case .ignore:
            return
        case .refuse(let packet):
            refuse(packet, to: peer)
        case .read(let request, let path):
            let key = TFTPTransferTable.Key(peer: peer, request: request)
            switch table.admit(key) {
            case .duplicate, .stopped:
                // A client retransmitting its RRQ: the transfer in progress answers it (or the server stops).
                return
            case .busy:
                refuse(.error(.undefined, message: "Server busy"), to: peer)
            case .admitted:
                let context = TFTPReadContext(
                    request: request, path: path, clientAddress: peer.addressText, clientPort: peer.port)
                // A handler that answers at once does so here, on the listener's event loop: the transfer
                // then starts without waiting for a thread of the concurrency pool, which blocking work
                // elsewhere in the process can keep busy for seconds.
                if let resolution = handler.resolveNow(context) {
                    launch(resolution, context: context, key: key)
                } else {
                    Task { self.launch(await self.handler.resolve(context), context: context, key: key) }
                }
            }
        }
    }

    /// Sends an ERROR once from the well-known port (RFC 1350 §7: never retransmitted).
    private func refuse(_ packet: TFTPPacket, to peer: TFTPPeer) {
        TFTPCounterCells.increment(counters.refusals)
        let sent = packet.serialized().withUnsafeBytes { UDPSocket.send($0, from: listenerDescriptor, to: peer) }
        if !sent { sendFailed(count: 1) }
    }

    /// ``refuse(_:to:)`` from any thread, unless the server stopped (its socket may be closed).
    private func refuseFromListener(_ packet: TFTPPacket, to peer: TFTPPeer) {
        listenerLoop.execute {
            guard !self.table.isStopped else { return }
            self.refuse(packet, to: peer)
        }
    }

    // MARK: Starting a transfer

    /// Opens the transfer's socket for the handler's answer and starts it; or refuses, releasing the slot.
    private func launch(_ resolution: TFTPResolution, context: TFTPReadContext, key: TFTPTransferTable.Key) {
        let peer = key.peer
        let source: any TFTPFileSource & Sendable
        switch resolution {
        case .refuse(let code, let message):
            table.remove(key)
            refuseFromListener(.error(code, message: message), to: peer)
            return
        case .file(let file):
            source = file
        }
        guard !table.isStopped else {
            table.remove(key)
            return
        }
        let descriptor: Int32
        do {
            descriptor = try UDPSocket.open(
                host: configuration.host, port: 0, receiveBufferSize: Self.transferReceiveBufferSize,
                sendBufferSize: configuration.transferSendBufferSize)
        } catch {
            table.remove(key)
            refuseFromListener(.error(.undefined, message: "Server busy: no port for the transfer"), to: peer)
            return
        }
        let transfer = TFTPReadTransfer(
            request: context.request, source: TFTPSharedSource(base: source), limits: configuration.limits,
            retransmission: configuration.retransmission)
        DatagramBootstrap(group: group.next())
            // A transfer's socket receives one ACK per DATA (per window): one read per readiness event, not
            // NIO's default of four that each end in a second, empty recvmsg (EAGAIN) — a system call per
            // block on the lock-step path, where the server's latency is the whole throughput.
            .channelOption(.maxMessagesPerRead, value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(
                        TFTPTransferHandler(
                            transfer: transfer, context: context, key: key, descriptor: descriptor,
                            dispatcher: self, busyPoll: TFTPBusyPoll(budget: self.busyPoll)))
                }
            }
            .withBoundSocket(descriptor)
            .whenComplete { result in
                switch result {
                case .failure:
                    // NIO owns the descriptor once it made a channel of it; closing it here could close another's.
                    self.table.remove(key)
                    self.refuseFromListener(
                        .error(.undefined, message: "Server busy: no port for the transfer"), to: peer)
                case .success(let channel):
                    guard self.table.attach(key, channel: channel) else {
                        // Stopped meanwhile: the transfer never starts.
                        self.table.remove(key)
                        channel.close(promise: nil)
                        return
                    }
                    channel.pipeline.fireUserInboundEventTriggered(TFTPTransferEvent.start)
                }
            }
    }

    // MARK: Reports from transfers (on their event loops)

    func transferStarted(on loop: any EventLoop) {
        TFTPCounterCells.increment(counters.transfersStarted)
        running.withLock { running in
            running.total += 1
            running.perLoop[ObjectIdentifier(loop), default: 0] += 1
        }
    }

    func transferEnded(
        _ context: TFTPReadContext, key: TFTPTransferTable.Key, outcome: TFTPTransferOutcome, on loop: any EventLoop,
        busyPolledDatagrams: Int
    ) {
        TFTPCounterCells.increment(counters.busyPolledDatagrams, by: busyPolledDatagrams)
        running.withLock { running in
            running.total -= 1
            let left = running.perLoop[ObjectIdentifier(loop), default: 1] - 1
            running.perLoop[ObjectIdentifier(loop)] = left > 0 ? left : nil
        }
        table.remove(key)
        switch outcome {
        case .completed: TFTPCounterCells.increment(counters.transfersCompleted)
        case .failed: TFTPCounterCells.increment(counters.transfersFailed)
        }
        handler.transferEnded(context, outcome: outcome)
    }

    /// A transfer whose socket closed before it started.
    func transferDropped(_ key: TFTPTransferTable.Key) {
        table.remove(key)
    }

    /// Whether a transfer running on `loop` may busy-poll now: when it is the only transfer on its loop (two
    /// would wait behind each other's poll), and while every running transfer and its client could each have
    /// a CPU (a polling thread holds one; a client on this host needs another to answer). Beyond that the
    /// polls would take the CPUs the clients answer on: with two lock-step transfers on two CPUs, polling
    /// made both slower than sleeping.
    func mayBusyPoll(on loop: any EventLoop) -> Bool {
        running.withLock { running in
            running.total * 2 <= cores && running.perLoop[ObjectIdentifier(loop)] == 1
        }
    }

    func unknownTransferIDPacket() {
        TFTPCounterCells.increment(counters.unknownTransferIDPackets)
    }

    func retransmitted(count: Int) {
        TFTPCounterCells.increment(counters.retransmittedPackets, by: count)
    }

    func sendFailed(count: Int) {
        TFTPCounterCells.increment(counters.sendFailures, by: count)
    }
}
