#if canImport(Glibc)
    import Glibc
#endif

/// The few socket calls the transport makes itself rather than through NIO: creating and binding sockets
/// (for clear bind errors and buffer sizes set before NIO adopts them), sending, and the non-blocking
/// reads of a transfer's busy poll (``TFTPBusyPoll``).
///
/// Sends are sendto(2) on the descriptor NIO reads from, never channel writes: NIO closes a datagram channel
/// on most send errors (all but EMSGSIZE and EHOSTUNREACH), so a single datagram to an address the kernel
/// refuses (a forged source such as 255.255.255.255, answered with ERROR 5) would end a transfer or silence
/// the listener. A datagram that cannot leave is simply lost, as UDP allows; retransmission covers it.
enum UDPSocket {
    /// A non-blocking UDP socket bound to `host:port` (port 0: the kernel picks one). No SO_REUSEADDR: a second
    /// server on the same port must fail to bind rather than share its traffic.
    static func open(
        host: String, port: UInt16, receiveBufferSize: Int, sendBufferSize: Int
    ) throws(TFTPBindError) -> Int32 {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            throw TFTPBindError("cannot bind \(host):\(port): \"\(host)\" is not an IPv4 address")
        }
        let descriptor = socket(
            AF_INET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else {
            throw TFTPBindError("cannot create a UDP socket for \(host):\(port): \(lastError())")
        }
        // Larger buffers absorb a burst of RRQs or a whole window (capped by net.core.rmem_max/wmem_max;
        // failure is harmless).
        setBufferSize(descriptor, SO_RCVBUF, receiveBufferSize)
        setBufferSize(descriptor, SO_SNDBUF, sendBufferSize)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let reason = lastError()
            close(descriptor)
            throw TFTPBindError("cannot bind \(host):\(port): \(reason)")
        }
        return descriptor
    }

    /// The port the socket is bound to (getsockname(2)), or `nil`.
    static func localPort(of descriptor: Int32) -> UInt16? {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard result == 0 else { return nil }
        return UInt16(bigEndian: address.sin_port)
    }

    /// Sends one datagram now (non-blocking); false when the kernel did not take it whole.
    static func send(_ bytes: UnsafeRawBufferPointer, from descriptor: Int32, to peer: TFTPPeer) -> Bool {
        peer.withSocketAddress { address, length in
            while true {
                let sent = sendto(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_DONTWAIT), address, length)
                if sent < 0 && errno == EINTR { continue }
                return sent == bytes.count
            }
        }
    }

    /// Reads one waiting datagram into `buffer` without blocking: its length (a longer datagram is cut to the
    /// buffer, as NIO's fixed-size reads cut it) and its IPv4 source. `nil` when nothing is waiting, and when
    /// the socket reports an error instead (an ICMP refusal of an earlier send: the transfer's timer decides).
    static func receive(
        into buffer: UnsafeMutableRawBufferPointer, on descriptor: Int32
    ) -> (count: Int, source: TFTPPeer?)? {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let count = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                recvfrom(descriptor, buffer.baseAddress, buffer.count, Int32(MSG_DONTWAIT), $0, &length)
            }
        }
        guard count >= 0 else { return nil }
        let port = UInt16(bigEndian: address.sin_port)
        guard address.sin_family == sa_family_t(AF_INET), port != 0 else { return (count, nil) }
        return (count, TFTPPeer(address: UInt32(bigEndian: address.sin_addr.s_addr), port: port))
    }

    static func lastError() -> String { String(cString: strerror(errno)) }

    private static func setBufferSize(_ descriptor: Int32, _ option: Int32, _ size: Int) {
        guard size > 0 else { return }
        var value = Int32(clamping: size)
        _ = setsockopt(descriptor, SOL_SOCKET, option, &value, socklen_t(MemoryLayout<Int32>.size))
    }
}
