#if canImport(Glibc)
    import Glibc
#endif

/// The socket calls the transport makes itself rather than through NIO: creating and binding the listening
/// sockets (for bind errors that name the transport, address and port, and buffer sizes set before NIO
/// adopts them), and sending datagrams.
///
/// Datagrams are sent with sendto(2) on the descriptor NIO reads from, never with channel writes: NIO closes
/// a datagram channel on most send errors (all but EMSGSIZE and EHOSTUNREACH), so a single response to an
/// address the kernel refuses (a forged Via, a broadcast address) would silence the SIP port. A datagram
/// that cannot leave is lost, as UDP allows; the transaction layer retransmits.
enum SIPSocket {
    /// A non-blocking socket bound to `endpoint`: UDP with the given buffer sizes, or TCP listening (with
    /// SO_REUSEADDR, so a restart does not wait for TIME_WAIT; two listeners still cannot share a port).
    static func open(
        _ transport: SIPTransportProtocol, at endpoint: IPv4Endpoint, receiveBufferSize: Int? = nil,
        sendBufferSize: Int? = nil
    ) throws(SIPTransportError) -> Int32 {
        let type = transport == .udp ? SOCK_DGRAM : SOCK_STREAM
        let descriptor = socket(
            AF_INET, Int32(type.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        func failure(_ step: String) -> SIPTransportError {
            .cannotBind(
                transport, address: endpoint.addressText, port: Int(endpoint.port), reason: step + lastError())
        }
        guard descriptor >= 0 else { throw failure("socket: ") }
        if transport.isStream {
            setOption(descriptor, SO_REUSEADDR, 1)
        }
        if let receiveBufferSize { setOption(descriptor, SO_RCVBUF, receiveBufferSize) }
        if let sendBufferSize { setOption(descriptor, SO_SNDBUF, sendBufferSize) }
        let bound = endpoint.withSocketAddress { bind(descriptor, $0, $1) }
        guard bound == 0 else {
            let error = failure("")
            close(descriptor)
            throw error
        }
        if transport.isStream && listen(descriptor, 511) != 0 {
            let error = failure("listen: ")
            close(descriptor)
            throw error
        }
        return descriptor
    }

    /// The port the socket is bound to (getsockname(2)), or `nil`.
    static func localPort(of descriptor: Int32) -> Int? {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard result == 0 else { return nil }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Sends one datagram now (non-blocking); false when the kernel did not take it whole.
    static func send(_ bytes: UnsafeRawBufferPointer, from descriptor: Int32, to peer: IPv4Endpoint) -> Bool {
        peer.withSocketAddress { address, length in
            while true {
                let sent = sendto(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_DONTWAIT), address, length)
                if sent < 0 && errno == EINTR { continue }
                return sent == bytes.count
            }
        }
    }

    /// Whether the last failure was EADDRINUSE (the port is taken).
    static func isAddressInUse(_ error: SIPTransportError) -> Bool {
        guard case .cannotBind(_, _, _, let reason) = error else { return false }
        return reason == String(cString: strerror(EADDRINUSE))
    }

    static func lastError() -> String { String(cString: strerror(errno)) }

    private static func setOption(_ descriptor: Int32, _ option: Int32, _ value: Int) {
        // Buffer sizes are capped by net.core.rmem_max/wmem_max; failure is harmless.
        var value = Int32(clamping: value)
        _ = setsockopt(descriptor, SOL_SOCKET, option, &value, socklen_t(MemoryLayout<Int32>.size))
    }
}
