#if canImport(Glibc)
    import Glibc
#endif

/// A plain UDP socket bound to 127.0.0.1 on a port the kernel picks, for speaking a protocol by hand (TFTP,
/// RTP): send bytes to a loopback port, receive datagrams with their source port. Receiving polls the
/// non-blocking socket with short sleeps, so a test waiting for a reply never blocks a thread of the
/// cooperative pool; every wait is bounded.
public final class LoopbackUDPSocket: @unchecked Sendable {
    public let descriptor: Int32
    public let port: UInt16

    /// `receiveBuffer`: SO_RCVBUF in bytes, for tests that let many datagrams queue up.
    public init(receiveBuffer: Int32? = nil) throws {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket: \(String(cString: strerror(errno)))") }
        if var size = receiveBuffer {
            _ = setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        var address = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            close(fd)
            throw TestFailure("bind 127.0.0.1: \(String(cString: strerror(errno)))")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        descriptor = fd
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit { close(descriptor) }

    public static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }

    public func send(_ bytes: [UInt8], to port: UInt16) {
        var address = Self.loopback(port: port)
        _ = bytes.withUnsafeBytes { payload in
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(
                        descriptor, payload.baseAddress, payload.count, 0, $0,
                        socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
    }

    /// A datagram already queued, if any.
    public func receiveNow() -> (bytes: [UInt8], port: UInt16)? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        var source = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let count = buffer.withUnsafeMutableBytes { bytes in
            withUnsafeMutablePointer(to: &source) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    recvfrom(descriptor, bytes.baseAddress, bytes.count, 0, $0, &length)
                }
            }
        }
        guard count >= 0 else { return nil }
        return (Array(buffer[0..<count]), UInt16(bigEndian: source.sin_port))
    }

    /// The next datagram and its source port, or nil after `timeout`.
    public func receive(timeout: Duration) async -> (bytes: [UInt8], port: UInt16)? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let datagram = receiveNow() { return datagram }
            guard ContinuousClock.now < deadline else { return nil }
            try? await Task.sleep(for: .milliseconds(2))
        }
    }

    /// Whether a datagram is waiting now.
    public func hasWaiting() -> Bool {
        var pending = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&pending, 1, 0) == 1
    }
}
