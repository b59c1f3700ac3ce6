import CastorCore
import NIOCore
import TFTPProtocol

/// One read transfer on its own socket (its TID, RFC 1350 §4): drives a ``TFTPProtocol/TFTPReadTransfer``
/// with the datagrams of its client and the expiries of its timer, on its channel's event loop only, so a
/// packet costs no lock and no thread hop.
///
/// - Datagrams from the client's exact address and port go to the transfer (an ACK is recognised without
///   parsing into an array); any other source gets ERROR 5 and the transfer is not disturbed (RFC 1350 §4).
/// - Packets are written into one reused buffer and sent with sendto(2) (see ``UDPSocket``); a window's DATA
///   packets go out back to back after the state machine has produced them all.
/// - After a window goes out, the handler may poll its socket for the answer for a few tens of microseconds
///   before returning to the event loop (``TFTPBusyPoll``): only while the CPUs are not all taken by
///   transfers and their clients, and backing off while answers take longer than that.
/// - The timer is lazy: the transfer asks for a new deadline with every window, but only the earliest
///   pending deadline is armed on the event loop; when it fires early (the transfer moved on) it is re-armed
///   at the latest deadline. So a lock-step transfer schedules about one task per timeout period, not one
///   per block.
final class TFTPTransferHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private enum Phase {
        case waiting
        case running
        case over
    }

    private var transfer: TFTPReadTransfer<TFTPSharedSource>
    private let readContext: TFTPReadContext
    private let key: TFTPTransferTable.Key
    private var peer: TFTPPeer { key.peer }
    private let descriptor: Int32
    private let dispatcher: TFTPRequestDispatcher
    private var phase = Phase.waiting
    private var outbound: TFTPOutboundBatch
    private var busyPoll: TFTPBusyPoll
    /// Datagrams the busy poll read, reported at the end.
    private var busyPolledDatagrams = 0
    /// The deadline of the transfer's latest `.scheduleTimeout`.
    private var latestDeadline: NIODeadline?
    /// The task armed on the event loop, and when it fires.
    private var armed: (task: Scheduled<Void>, deadline: NIODeadline)?

    init(
        transfer: TFTPReadTransfer<TFTPSharedSource>, context: TFTPReadContext, key: TFTPTransferTable.Key,
        descriptor: Int32, dispatcher: TFTPRequestDispatcher, busyPoll: TFTPBusyPoll
    ) {
        self.busyPoll = busyPoll
        self.transfer = transfer
        self.readContext = context
        self.key = key
        self.descriptor = descriptor
        self.dispatcher = dispatcher
        self.outbound = TFTPOutboundBatch(
            capacity: min((transfer.options.blockSize + 4) * transfer.options.windowSize, 1 << 16))
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        guard let event = event as? TFTPTransferEvent else {
            context.fireUserInboundEventTriggered(event)
            return
        }
        switch (event, phase) {
        case (.start, .waiting):
            phase = .running
            dispatcher.transferStarted(on: context.eventLoop)
            perform(transfer.start(now: .eventLoopNow), context: context)
        case (.abort, .running):
            outbound.append(.error(.undefined, message: "Server shutting down"))
            end(.failed(.sourceFailed("transfer aborted: the server stopped")), context: context)
        case (.abort, .waiting):
            // Stopped between the socket's opening and the start event: the transfer never began.
            phase = .over
            dispatcher.transferDropped(key)
            context.close(promise: nil)
        case (.start, _), (.abort, .over):
            break
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard phase != .over else { return }
        let envelope = unwrapInboundIn(data)
        let sender = TFTPPeer(envelope.remoteAddress)
        guard sender == peer else {
            envelope.data.withUnsafeReadableBytes { answerStranger(sender, datagram: $0) }
            return
        }
        guard phase == .running else { return }
        perform(envelope.data.withUnsafeReadableBytes { receive($0) }, context: context)
    }

    /// What the transfer does with a datagram from its client; an ACK is recognised without parsing.
    private func receive(_ datagram: UnsafeRawBufferPointer) -> [TFTPReadTransfer<TFTPSharedSource>.Action] {
        let now = MonotonicInstant.eventLoopNow
        if let block = datagram.tftpAcknowledgedBlock {
            return transfer.receive(.acknowledgement(block: block), now: now)
        }
        return transfer.receive(datagram: datagram, now: now)
    }

    func channelInactive(context: ChannelHandlerContext) {
        // Closed from outside (the event loop group shutting down): the socket is gone, nothing can be sent.
        if phase == .running {
            phase = .over
            end(.failed(.sourceFailed("transfer aborted: its socket closed")), context: context)
        } else if phase == .waiting {
            dispatcher.transferDropped(key)
        }
        phase = .over
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // An ICMP error surfacing as a read error (ECONNREFUSED): NIO keeps the socket; the timer decides.
    }

    // MARK: Actions

    /// Carries out the actions, then polls for the client's answer (see ``pollForAnswers(context:)``).
    private func perform(_ actions: [TFTPReadTransfer<TFTPSharedSource>.Action], context: ChannelHandlerContext) {
        guard apply(actions, context: context) else { return }
        pollForAnswers(context: context)
    }

    /// Sends the packets the actions produced and arms the timer; false when the transfer ended.
    private func apply(
        _ actions: [TFTPReadTransfer<TFTPSharedSource>.Action], context: ChannelHandlerContext
    ) -> Bool {
        for action in actions {
            switch action {
            case .send(let packet):
                outbound.append(packet)
            case .scheduleTimeout(let instant):
                schedule(instant.eventLoopDeadline, context: context)
            case .finished(let outcome):
                end(outcome, context: context)
                return false
            }
        }
        flush()
        return true
    }

    /// The busy poll (``TFTPBusyPoll``): after a window went out, reads the socket without sleeping, for up to
    /// the budget, and handles what arrives as `channelRead` would, then polls for the next window's answer.
    /// It stops when the budget passes with nothing (the answer will come through the event loop), when the
    /// dispatcher says polling would cost more than it saves (`mayBusyPoll(on:)`), and after 32 datagrams in a
    /// row, when it lets the event loop run its other work (timers, the listener) and continues as a task
    /// there; so neither a fast client nor a flood of strangers' datagrams holds the event loop.
    private func pollForAnswers(context: ChannelHandlerContext) {
        var datagrams = 0
        withUnsafeTemporaryAllocation(byteCount: Self.datagramCapacity, alignment: 8) { buffer in
            while phase == .running, busyPoll.shouldPoll(), dispatcher.mayBusyPoll(on: context.eventLoop) {
                guard datagrams < 32 else {
                    context.eventLoop.assumeIsolated().execute { [self] in pollForAnswers(context: context) }
                    return
                }
                guard let (count, sender) = pollSocket(into: buffer, for: busyPoll.budget) else {
                    busyPoll.expired()
                    return
                }
                busyPoll.answered()
                datagrams += 1
                busyPolledDatagrams += 1
                let datagram = UnsafeRawBufferPointer(rebasing: buffer[..<count])
                if sender == peer {
                    guard apply(receive(datagram), context: context) else { return }
                } else {
                    answerStranger(sender, datagram: datagram)
                }
            }
        }
    }

    /// The longest datagram the busy poll reads whole, as NIO's reads on the transfer's channel (its default
    /// fixed-size receive buffer): a client sends 4-byte ACKs and short ERRORs.
    private static let datagramCapacity = 2048

    /// The first datagram to reach the socket within `budget` nanoseconds, polling without sleeping.
    private func pollSocket(
        into buffer: UnsafeMutableRawBufferPointer, for budget: Int64
    ) -> (count: Int, source: TFTPPeer?)? {
        let start = NIODeadline.now()
        while true {
            if let received = UDPSocket.receive(into: buffer, on: descriptor) { return received }
            if (NIODeadline.now() - start).nanoseconds >= budget { return nil }
        }
    }

    private func flush() {
        let failures = outbound.send(from: descriptor, to: peer)
        if failures > 0 { dispatcher.sendFailed(count: failures) }
    }

    /// Sends what is pending (while the socket is open), reports the outcome and closes the socket.
    private func end(_ outcome: TFTPTransferOutcome, context: ChannelHandlerContext) {
        if phase == .running { flush() }
        phase = .over
        armed?.task.cancel()
        armed = nil
        dispatcher.transferEnded(
            readContext, key: key, outcome: outcome, on: context.eventLoop, busyPolledDatagrams: busyPolledDatagrams)
        context.close(promise: nil)
    }

    /// RFC 1350 §4: "an error packet should be sent to the source of the incorrect packet, while not
    /// disturbing the transfer". Not to an ERROR, which could start an endless exchange.
    private func answerStranger(_ sender: TFTPPeer?, datagram: UnsafeRawBufferPointer) {
        guard let stranger = sender else { return }
        dispatcher.unknownTransferIDPacket()
        guard datagram.count < 2 || UInt16(datagram[0]) << 8 | UInt16(datagram[1]) != TFTPOpcode.error.rawValue
        else { return }
        var reply = TFTPOutboundBatch(capacity: 64)
        reply.append(TFTPPacket.unknownTransferID)
        if reply.send(from: descriptor, to: stranger) > 0 { dispatcher.sendFailed(count: 1) }
    }

    // MARK: Timer

    private func schedule(_ deadline: NIODeadline, context: ChannelHandlerContext) {
        latestDeadline = deadline
        if let armed {
            guard deadline < armed.deadline else { return }
            armed.task.cancel()
        }
        arm(deadline, context: context)
    }

    private func arm(_ deadline: NIODeadline, context: ChannelHandlerContext) {
        let task = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { [self] in
            self.timerExpired(context: context)
        }
        armed = (task, deadline)
    }

    private func timerExpired(context: ChannelHandlerContext) {
        armed = nil
        guard phase == .running, let latestDeadline else { return }
        let now = NIODeadline.now()
        guard now >= latestDeadline else {
            arm(latestDeadline, context: context)
            return
        }
        let before = transfer.retransmittedPackets
        let actions = transfer.timerFired(now: MonotonicInstant(now))
        dispatcher.retransmitted(count: transfer.retransmittedPackets - before)
        perform(actions, context: context)
    }
}
