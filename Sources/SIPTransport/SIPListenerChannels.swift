import NIOCore
import NIOPosix
import NIOSSL

/// Hands the bound listening sockets to NIO: the UDP channel with batched reads, and a server channel per
/// stream transport whose accepted connections get a `SIPStreamHandler` (after a TLS handler for TLS). All on
/// the transport's event loop, with reading off until the transport is ready.
enum SIPListenerChannels {
    static func adopt(
        _ sockets: SIPListenerSockets, configuration: SIPTransportConfiguration, core: NIOLoopBound<SIPTransportCore>,
        eventLoop: any EventLoop, serverTLS: NIOSSLContext?
    ) async throws(SIPTransportError) -> [any Channel] {
        let host = configuration.host
        guard let datagramBootstrap = DatagramBootstrap(validatingGroup: eventLoop),
            ServerBootstrap(validatingGroup: eventLoop) != nil
        else {
            sockets.close()
            throw .invalidConfiguration("the event loop is not a NIO POSIX event loop")
        }
        var channels: [any Channel] = []
        var unadopted = [sockets.udp, sockets.tcp, sockets.tls].compactMap { $0?.descriptor }
        func fail(_ transport: SIPTransportProtocol, port: Int, _ error: any Error) async -> SIPTransportError {
            for channel in channels { try? await channel.close() }
            SIPListenerSockets.closeDescriptors(unadopted)
            return .cannotBind(transport, address: host, port: port, reason: "\(error)")
        }
        let boundAddress = host == "0.0.0.0" ? nil : host
        let udpPort = sockets.udp.port
        let slot = SIPDatagramHandler.slotSize(maximumMessageSize: configuration.maximumMessageSize)
        do {
            unadopted.removeFirst()
            let channel =
                try await datagramBootstrap
                .channelOption(.autoRead, value: false)
                .channelOption(.datagramVectorReadMessageCount, value: SIPDatagramHandler.readVectorLength)
                .channelOption(.maxMessagesPerRead, value: UInt(SIPDatagramHandler.readsPerCycle))
                .channelOption(.receivePacketInfo, value: boundAddress == nil)
                .channelOption(
                    .recvAllocator,
                    value: FixedSizeRecvByteBufferAllocator(capacity: SIPDatagramHandler.readVectorLength * slot)
                )
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(
                            SIPDatagramHandler(core: core.value, boundAddress: boundAddress, localPort: udpPort))
                    }
                }
                .withBoundSocket(sockets.udp.descriptor).get()
            channels.append(channel)
        } catch {
            throw await fail(.udp, port: udpPort, error)
        }
        for (transport, socket) in [(SIPTransportProtocol.tcp, sockets.tcp), (.tls, sockets.tls)] {
            guard let socket else { continue }
            do {
                unadopted.removeFirst()
                channels.append(
                    try await server(
                        transport, socket: socket.descriptor, configuration: configuration, core: core,
                        eventLoop: eventLoop, tls: serverTLS))
            } catch {
                throw await fail(transport, port: socket.port, error)
            }
        }
        return channels
    }

    private static func server(
        _ transport: SIPTransportProtocol, socket: Int32, configuration: SIPTransportConfiguration,
        core: NIOLoopBound<SIPTransportCore>, eventLoop: any EventLoop, tls: NIOSSLContext?
    ) async throws -> any Channel {
        try await ServerBootstrap(group: eventLoop)
            .serverChannelOption(.autoRead, value: false)
            .childChannelOption(.writeBufferWaterMark, value: SIPTransportCore.waterMark(configuration))
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    if transport == .tls, let tls { try sync.addHandler(NIOSSLServerHandler(context: tls)) }
                    try sync.addHandler(SIPStreamHandler(core: core.value, transport: transport))
                }
            }
            .withBoundSocket(socket).get()
    }
}
