import NIOCore

/// The well-known port's handler: hands every IPv4 datagram to the ``TFTPRequestDispatcher``, and keeps the
/// socket open whatever arrives (read errors such as ICMP port unreachable are ignored).
final class TFTPListenerHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private let dispatcher: TFTPRequestDispatcher

    init(dispatcher: TFTPRequestDispatcher) { self.dispatcher = dispatcher }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        guard let peer = TFTPPeer(envelope.remoteAddress) else { return }
        dispatcher.admit(envelope.data, from: peer)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {}
}
