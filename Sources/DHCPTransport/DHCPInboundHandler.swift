import DHCPCodec
import NIOCore

#if canImport(Glibc)
    import Glibc
#endif

/// Collects the datagrams of one read cycle (up to `maxMessagesPerRead` × the recvmmsg vector) and hands them
/// on as one batch when the cycle completes, so the service can persist their leases with one write.
final class DHCPInboundHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private let socket: DHCPSocketID
    private let interface: String
    private let continuation: AsyncStream<[DHCPReceivedDatagram]>.Continuation
    private let counters: LockedCounters
    private var pending: [DHCPReceivedDatagram] = []
    private var interfaceNames: [Int: String] = [:]

    init(
        socket: DHCPSocketID, interface: String, continuation: AsyncStream<[DHCPReceivedDatagram]>.Continuation,
        counters: LockedCounters
    ) {
        self.socket = socket
        self.interface = interface
        self.continuation = continuation
        self.counters = counters
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        guard case .v4(let source) = envelope.remoteAddress else { return }
        let address = IPv4Address(rawValue: UInt32(bigEndian: source.address.sin_addr.s_addr))
        let port = UInt16(bigEndian: source.address.sin_port)
        pending.append(
            DHCPReceivedDatagram(
                bytes: Array(envelope.data.readableBytesView), sourceAddress: address, sourcePort: port,
                interface: name(ofInterface: envelope.metadata?.packetInfo?.interfaceIndex), socket: socket))
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending.removeAll(keepingCapacity: true)
        if case .dropped = continuation.yield(batch) {
            counters.update { $0.overflowDrops += batch.count }
        }
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
