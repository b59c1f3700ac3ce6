import NIOCore

/// The UDP listener's handler: turns each datagram of a read cycle (up to ``readVectorLength`` per recvmmsg,
/// ``readsPerCycle`` recvmmsg calls) into a ``SIPInboundMessage`` and hands them to the delegate as one batch
/// when the cycle completes. Keeps the socket open whatever arrives; read errors (ICMP port unreachable)
/// are ignored.
///
/// - An empty or CRLF-only datagram is a keepalive (RFC 5626 §3.5.1; STUN answers keepalives over UDP, not
///   SIP): counted and dropped.
/// - A datagram over the maximum message size is counted and dropped. NIO splits one receive buffer into
///   equal slots, one per datagram of the vector, and truncates a datagram longer than its slot without
///   saying so; so a slot is one byte larger than the largest message accepted, and a datagram that fills
///   it was cut.
/// - The local address of each message is the address the datagram was sent to (IP_PKTINFO) when the
///   socket is bound to `0.0.0.0`.
final class SIPDatagramHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    /// Datagrams per recvmmsg(2) call.
    static let readVectorLength = 32
    /// recvmmsg(2) calls per read cycle: one, so a batch is at most 32 datagrams. The answers to a batch
    /// leave together; with 256 they came in bursts that overflowed a busy client's receive buffer (SIPp's
    /// 208 KB at 10,000 REGISTER/s: hundreds of drops, then retransmissions), where 32 never did. Measured
    /// with scripts/bench/sip-register.sh.
    static let readsPerCycle = 1

    /// The receive slot of one datagram: room for the largest message, plus the byte that tells a datagram
    /// cut to fit (no UDP payload exceeds 65,507 bytes).
    static func slotSize(maximumMessageSize: Int) -> Int { min(max(maximumMessageSize, 1) + 1, 65_536) }

    private let core: SIPTransportCore
    private let localPort: Int
    /// The address the socket is bound to; `nil` for `0.0.0.0`, where each datagram's destination is used.
    private let boundAddress: String?
    private let maximumMessageSize: Int
    private let slotSize: Int
    private var pending: [SIPInboundMessage] = []
    /// The text of the last destination address seen, to format it once per address rather than per datagram.
    private var lastDestination: (address: UInt32, text: String) = (0, "0.0.0.0")
    /// The text of the last source address: a phone sends from the same address again and again, and
    /// formatting one (inet_ntop) costs more than the rest of the datagram's trip to the endpoint.
    private var lastSource: (address: UInt32, text: String) = (0, "0.0.0.0")

    init(core: SIPTransportCore, boundAddress: String?, localPort: Int) {
        self.core = core
        self.boundAddress = boundAddress
        self.localPort = localPort
        self.maximumMessageSize = core.configuration.maximumMessageSize
        self.slotSize = Self.slotSize(maximumMessageSize: core.configuration.maximumMessageSize)
        pending.reserveCapacity(Self.readVectorLength * Self.readsPerCycle)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        guard let source = IPv4Endpoint(envelope.remoteAddress), source.port != 0 else { return }
        let datagram = envelope.data
        let size = datagram.readableBytes
        if Self.isKeepAlive(datagram) {
            SIPCounterCells.add(core.cells.keepAlivesReceived)
            return
        }
        guard size <= maximumMessageSize, size < slotSize else {
            SIPCounterCells.add(core.cells.oversizeDropped)
            return
        }
        if source.address != lastSource.address { lastSource = (source.address, source.addressText) }
        let peer = SIPPeer(transport: .udp, address: lastSource.text, port: Int(source.port))
        let local = SIPLocalEndpoint(
            transport: .udp, address: boundAddress ?? destination(of: envelope.metadata), port: localPort)
        pending.append(SIPInboundMessage(bytes: Array(datagram.readableBytesView), peer: peer, local: local))
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if !pending.isEmpty {
            core.deliver(pending, over: .udp)
            pending.removeAll(keepingCapacity: true)
        }
        context.fireChannelReadComplete()
    }

    func channelInactive(context: ChannelHandlerContext) {
        core.udpDescriptor = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // ICMP errors surfacing as read errors (a phone gone): NIO keeps the socket; nothing to do.
    }

    /// Empty, or nothing but CR and LF (a real message starts with a letter, so this reads one byte).
    static func isKeepAlive(_ datagram: ByteBuffer) -> Bool {
        datagram.readableBytesView.allSatisfy { $0 == 0x0D || $0 == 0x0A }
    }

    private func destination(of metadata: AddressedEnvelope<ByteBuffer>.Metadata?) -> String {
        guard let info = metadata?.packetInfo, let endpoint = IPv4Endpoint(info.destinationAddress) else {
            return "0.0.0.0"
        }
        if endpoint.address != lastDestination.address {
            lastDestination = (endpoint.address, endpoint.addressText)
        }
        return lastDestination.text
    }
}
