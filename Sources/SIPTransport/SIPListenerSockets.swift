#if canImport(Glibc)
    import Glibc
#endif

/// The listening sockets of a transport, bound (TCP and TLS listening) but not yet adopted by NIO: opened
/// with plain system calls so that a failure names the transport, address, port and the system's reason.
struct SIPListenerSockets {
    struct Socket {
        var descriptor: Int32
        var port: Int
    }

    var udp: Socket
    var tcp: Socket?
    var tls: Socket?

    /// How many UDP ports are tried when the kernel picks one and TCP must take the same number.
    static let sharedPortAttempts = 16

    /// Binds every socket the configuration asks for, or none (what was bound is closed on failure).
    static func bind(_ configuration: SIPTransportConfiguration, host: IPv4Endpoint) throws(SIPTransportError)
        -> SIPListenerSockets
    {
        let searching = configuration.udpPort == 0 && configuration.tcpPort == 0
        var attempt = 0
        while true {
            attempt += 1
            var endpoint = host
            endpoint.port = UInt16(configuration.udpPort)
            let udp = try SIPSocket.open(
                .udp, at: endpoint, receiveBufferSize: configuration.udpReceiveBufferSize, sendBufferSize: 1 << 20)
            let udpPort = SIPSocket.localPort(of: udp) ?? configuration.udpPort
            var sockets = SIPListenerSockets(udp: Socket(descriptor: udp, port: udpPort))
            do {
                if let tcpPort = configuration.tcpPort {
                    endpoint.port = UInt16(tcpPort == 0 ? udpPort : tcpPort)
                    sockets.tcp = try stream(.tcp, at: endpoint)
                }
            } catch {
                sockets.close()
                // The port the kernel gave UDP is taken for TCP: try another.
                if searching && attempt < sharedPortAttempts && SIPSocket.isAddressInUse(error) { continue }
                throw error
            }
            do {
                if let tlsPort = configuration.tlsPort {
                    endpoint.port = UInt16(tlsPort)
                    sockets.tls = try stream(.tls, at: endpoint)
                }
            } catch {
                sockets.close()
                throw error
            }
            return sockets
        }
    }

    private static func stream(_ transport: SIPTransportProtocol, at endpoint: IPv4Endpoint) throws(SIPTransportError)
        -> Socket
    {
        let descriptor = try SIPSocket.open(transport, at: endpoint)
        return Socket(descriptor: descriptor, port: SIPSocket.localPort(of: descriptor) ?? Int(endpoint.port))
    }

    /// Closes every descriptor (before NIO has adopted them).
    func close() {
        Self.closeDescriptors([udp, tcp, tls].compactMap { $0?.descriptor })
    }

    static func closeDescriptors(_ descriptors: [Int32]) {
        for descriptor in descriptors { _ = Glibc.close(descriptor) }
    }
}
