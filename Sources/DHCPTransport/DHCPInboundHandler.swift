import DHCPCodec
import NIOCore

#if canImport(Glibc)
    import Glibc
#endif

/// Collects the datagrams of one read cycle (one recvmmsg: up to ``DHCPTransport/batchSize``) and hands them
/// on as one batch when the cycle completes, so the service can persist their leases with one write.
///
/// The batch goes to the ``DatagramReceiver`` synchronously, on the event loop that read it: no queue and no
/// hop between threads (the server's actor runs on that event loop). Until a receiver is installed, batches
/// wait in the receiver's backlog.
final class DHCPInboundHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private let socket: DHCPSocketID
    private let interface: String
    private let receiver: DatagramReceiver
    private let counters: LockedCounters
    private var pending: [DHCPReceivedDatagram] = []
    private var interfaceNames: [Int: String] = [:]

    init(socket: DHCPSocketID, interface: String, receiver: DatagramReceiver, counters: LockedCounters) {
        self.socket = socket
        self.interface = interface
        self.receiver = receiver
        self.counters = counters
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        guard case .v4(let source) = envelope.remoteAddress else { return }
        let address = IPv4Address(rawValue: UInt32(bigEndian: source.address.sin_addr.s_addr))
        let port = UInt16(bigEndian: source.address.sin_port)
        if pending.capacity == 0 { pending.reserveCapacity(DHCPTransport.batchSize) }
        pending.append(
            DHCPReceivedDatagram(
                bytes: Array(envelope.data.readableBytesView), sourceAddress: address, sourcePort: port,
                interface: name(ofInterface: envelope.metadata?.packetInfo?.interfaceIndex), socket: socket))
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        guard !pending.isEmpty else { return }
        receiver.deliver(pending, counters: counters)
        pending.removeAll(keepingCapacity: true)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // ICMP errors surfacing on a UDP socket (a client gone): nothing to do, the socket stays open.
        counters.update { $0.receiveErrors += 1 }
    }

    /// The receiving interface from IP_PKTINFO (cached by index), else the socket's own interface.
    private func name(ofInterface index: Int?) -> String {
        guard let index, index > 0 else { return interface }
        if let known = interfaceNames[index] { return known }
        var buffer = [CChar](repeating: 0, count: Int(IF_NAMESIZE) + 1)
        let found = buffer.withUnsafeMutableBufferPointer { if_indextoname(UInt32(index), $0.baseAddress) != nil }
        let name =
            found ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : interface
        interfaceNames[index] = name
        return name
    }
}

/// Where the transport's batches go: the service's function, called on the event loop. Batches read before
/// the service starts (between `bind` and `serve`) are kept, up to ``DHCPTransport/queueDepth`` of them, and
/// handed over first.
///
/// Confined to the transport's event loop: every member is used only there (hence `@unchecked Sendable`).
final class DatagramReceiver: @unchecked Sendable {
    private var body: (([DHCPReceivedDatagram]) -> Void)?
    private var backlog: [[DHCPReceivedDatagram]] = []
    private var stopped = false

    /// A batch just read: to the service now, or into the backlog until it starts.
    func deliver(_ batch: [DHCPReceivedDatagram], counters: LockedCounters) {
        if let body {
            body(batch)
        } else if stopped {
            return
        } else if backlog.count < DHCPTransport.queueDepth {
            backlog.append(batch)
        } else {
            counters.update { $0.overflowDrops += batch.count }
        }
    }

    /// Installs the service's function and hands it the backlog.
    func start(_ body: @escaping ([DHCPReceivedDatagram]) -> Void) {
        guard !stopped else { return }
        self.body = body
        let waiting = backlog
        backlog = []
        for batch in waiting { body(batch) }
    }

    /// No more deliveries (the transport is closing).
    func stop() {
        stopped = true
        body = nil
        backlog = []
    }
}
