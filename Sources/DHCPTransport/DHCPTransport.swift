import DHCPCodec
import NIOCore
import NIOPosix

/// The DHCPv4 server's UDP sockets (SwiftNIO), one per `interfaces-config` binding, on one event loop.
///
/// ```swift
/// let transport = try await DHCPTransport.bind(interfaces: ["lo/127.0.0.1"], port: 67)
/// await transport.serve { batch in                 // on the event loop, until close()
///     let replies = batch.map { handle($0) }       // parse, engine, persist…
///     transport.send(replies)                      // out the socket each request came in on
/// }
/// ```
///
/// Sockets are Kea's `dhcp-socket-type: udp` sockets, with SO_BROADCAST on. Reads are batched (recvmmsg,
/// ``DHCPTransport/batchSize`` datagrams per system call) and delivered per read cycle, so the caller can
/// group the lease writes of a burst into one `write(2)`. Delivery is a plain call on the event loop that
/// read the batch: a service whose actor runs on ``executor`` handles it with no thread hop or queue.
///
/// Not here (yet): raw (AF_PACKET) sockets. A reply to a client that has no address yet and did not set the
/// BROADCAST flag should be unicast to `yiaddr` at the client's MAC without ARP; over UDP it is broadcast
/// instead, which is what Kea does with UDP sockets. Direct (non-relayed) phones that ignore broadcast
/// replies need that raw socket.
public final class DHCPTransport: Sendable {
    /// What happened below the service: datagrams lost or refused at this layer.
    public struct Counters: Sendable, Equatable {
        /// Datagrams read before the service started and dropped because more than ``DHCPTransport/queueDepth``
        /// batches were waiting for it.
        public var overflowDrops = 0
        /// Errors reported by a socket (ICMP errors, mostly).
        public var receiveErrors = 0
        /// Sends that failed (no route, a broadcast the interface cannot send…).
        public var sendFailures = 0
    }

    /// recvmmsg vector length: datagrams per read system call, and per batch. One recvmmsg per readiness
    /// event (`maxMessagesPerRead` 1; epoll is level-triggered, so what is left is read on the next turn):
    /// a second call would mostly return EAGAIN, and NIO prepares the whole vector for every call.
    public static let batchSize = 32
    /// Bytes of receive buffer per datagram of the vector: NIO splits one buffer among the vector's messages,
    /// and a datagram longer than its share is truncated (then fails to parse). An Ethernet frame holds 1500.
    public static let maximumDatagramSize = 2048
    /// Batches kept for the service until it starts serving; later ones are dropped.
    public static let queueDepth = 1024

    /// The sockets, in ``DHCPSocketID`` order.
    public let sockets: [DHCPSocketBinding]
    /// Where the read cycles' batches go (see ``serve(_:)``).
    private let receiver: DatagramReceiver
    /// Completed by ``close()``: ``serve(_:)`` returns then.
    private let closed: EventLoopPromise<Void>
    private let channels: [any Channel]
    /// The one event loop every socket of the transport reads on.
    private let eventLoop: any EventLoop
    /// The sockets' descriptors (owned by the channels): replies are sent with sendto(2) on them directly.
    private let descriptors: [Int32]
    private let counterBox: LockedCounters
    /// Per socket, the packet socket that reaches clients by MAC (raw mode, broadcast-capable interfaces).
    private let directSenders: [DirectSender?]
    /// Why direct sending is unavailable where it was asked for (e.g. no CAP_NET_RAW); replies broadcast there.
    public let directSendProblems: [String]

    private init(
        sockets: [DHCPSocketBinding], eventLoop: any EventLoop, channels: [any Channel], descriptors: [Int32],
        receiver: DatagramReceiver, counters: LockedCounters, directSenders: [DirectSender?],
        directSendProblems: [String]
    ) {
        self.directSenders = directSenders
        self.directSendProblems = directSendProblems
        self.sockets = sockets
        self.eventLoop = eventLoop
        self.channels = channels
        self.descriptors = descriptors
        self.receiver = receiver
        self.closed = eventLoop.makePromise()
        self.counterBox = counters
    }

    /// Opens and binds one socket per binding `interfaces` calls for, on `port` (none for an empty list: as
    /// Kea, the server then answers only on its control socket). Any failure closes what was
    /// opened and throws the first error: `cannot bind 127.0.0.1:67: Address already in use`.
    ///
    /// With `direct` (Kea's `dhcp-socket-type: raw`), each socket serving a whole broadcast-capable interface
    /// also gets a packet socket, so replies can be unicast to a client's MAC (RFC 2131 §4.1).
    public static func bind(interfaces: [String], port: UInt16, direct: Bool = false) async throws(DHCPBindError)
        -> DHCPTransport
    {
        let bindings = try DHCPSocketBinding.bindings(for: interfaces, port: port, interfaces: .current())
        let receiver = DatagramReceiver()
        let counters = LockedCounters()
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        var channels: [any Channel] = []
        var descriptors: [Int32] = []
        for (index, binding) in bindings.enumerated() {
            let descriptor: Int32
            do {
                descriptor = try binding.open()
            } catch {
                for channel in channels { try? await channel.close() }
                throw error
            }
            let id = DHCPSocketID(index)
            let interface = binding.interface
            do {
                let channel = try await DatagramBootstrap(group: loop)
                    .channelOption(.datagramVectorReadMessageCount, value: batchSize)
                    .channelOption(.maxMessagesPerRead, value: 1)
                    .channelOption(.receivePacketInfo, value: true)
                    .channelOption(
                        .recvAllocator,
                        value: FixedSizeRecvByteBufferAllocator(capacity: batchSize * maximumDatagramSize)
                    )
                    .channelInitializer { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(
                                DHCPInboundHandler(
                                    socket: id, interface: interface, receiver: receiver, counters: counters))
                        }
                    }
                    .withBoundSocket(descriptor).get()
                channels.append(channel)
                descriptors.append(descriptor)
            } catch {
                for channel in channels { try? await channel.close() }
                throw DHCPBindError("cannot listen on \(binding): \(error)")
            }
        }
        var senders: [DirectSender?] = []
        var problems: [String] = []
        for binding in bindings {
            guard direct, let device = binding.device else {
                senders.append(nil)
                continue
            }
            switch DirectSender.open(interface: device) {
            case .success(let sender): senders.append(sender)
            case .failure(let error):
                senders.append(nil)
                problems.append(error.message)
            }
        }
        return DHCPTransport(
            sockets: bindings, eventLoop: loop, channels: channels, descriptors: descriptors, receiver: receiver,
            counters: counters, directSenders: senders, directSendProblems: problems)
    }

    /// The server's own address: the first binding's interface address (option 54 when none is configured).
    public var serverAddress: IPv4Address? { sockets.lazy.compactMap(\.serverAddress).first }

    public var counters: Counters { counterBox.value }

    /// The sockets' event loop as an executor: a service that runs on it handles each batch on the thread
    /// that read it, with no hand-off between threads (on a 2-core machine, thread switches, not work,
    /// were what limited the rate).
    public var executor: any SerialExecutor { eventLoop.executor }

    /// Whether a reply can go straight to a client's MAC through `socket` (else it must be broadcast).
    public func canSendDirectly(via socket: DHCPSocketID) -> Bool {
        directSenders.indices.contains(socket.index) && directSenders[socket.index] != nil
    }

    /// Sends the datagrams now, from the calling thread, with sendto(2) on the sockets' descriptors (they are
    /// non-blocking). Failures are counted, never thrown: a reply that cannot leave is a lost UDP datagram,
    /// which the client retransmits for. (Not through NIO's channel writes: NIO closes a datagram channel on
    /// any send error but EMSGSIZE and EHOSTUNREACH, so one reply to an unroutable address, which a forged
    /// packet can ask for, would silence the server.)
    public func send(_ datagrams: [DHCPOutgoingDatagram]) {
        guard !datagrams.isEmpty else { return }
        var failures = 0
        for datagram in datagrams {
            let index = datagram.socket.index
            guard descriptors.indices.contains(index) else {
                failures += 1
                continue
            }
            if let mac = datagram.hardwareAddress, let direct = directSenders[index] {
                let binding = sockets[index]
                let packet = IPv4UDPFrame.build(
                    source: binding.serverAddress ?? .any, sourcePort: binding.port, destination: datagram.address,
                    destinationPort: datagram.port, payload: datagram.bytes)
                if !direct.send(packet, to: mac) { failures += 1 }
                continue
            }
            var destination = sockaddr_in()
            destination.sin_family = sa_family_t(AF_INET)
            destination.sin_port = datagram.port.bigEndian
            destination.sin_addr.s_addr = datagram.address.rawValue.bigEndian
            let sent = datagram.bytes.withUnsafeBytes { payload in
                withUnsafePointer(to: &destination) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        sendto(
                            descriptors[index], payload.baseAddress, payload.count, Int32(MSG_DONTWAIT), $0,
                            socklen_t(MemoryLayout<sockaddr_in>.size))
                    }
                }
            }
            if sent != datagram.bytes.count { failures += 1 }
        }
        if failures > 0 { counterBox.update { $0.sendFailures += failures } }
    }

    /// Hands every read cycle's datagrams to `body`, on the sockets' event loop (``executor``), in the order
    /// read, starting with those read since ``bind(interfaces:port:direct:)``; returns once ``close()`` has
    /// closed the sockets. `body` must not block: the sockets are not read while it runs.
    public func serve(_ body: @escaping @Sendable ([DHCPReceivedDatagram]) -> Void) async {
        let receiver = self.receiver
        eventLoop.execute { receiver.start(body) }
        try? await closed.futureResult.get()
    }

    /// Closes every socket; ``serve(_:)`` returns.
    public func close() async {
        for channel in channels { try? await channel.close() }
        let receiver = self.receiver
        try? await eventLoop.submit { receiver.stop() }.get()
        closed.succeed()
    }
}
