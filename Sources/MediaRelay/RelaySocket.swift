#if canImport(Glibc)
    import Glibc
#endif

/// The relay's UDP sockets: non-blocking, close-on-exec, bound to one port, with large buffers.
enum RelaySocket {
    /// What binding a port gave.
    enum Outcome {
        case bound(Int32)
        /// Taken by another socket (EADDRINUSE) or not ours to take (EACCES): try another port.
        case busy
        /// Anything else (an address that is not local, no descriptors left): no other port will do better.
        case failed(String)
    }

    /// A UDP socket bound to `address`:`port` (host byte order), with SO_RCVBUF and SO_SNDBUF set.
    static func open(address: UInt32, port: Int, receiveBuffer: Int, sendBuffer: Int) -> Outcome {
        let descriptor = socket(
            AF_INET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return .failed(lastError()) }
        setBuffer(descriptor, SO_RCVBUF, forced: SO_RCVBUFFORCE, bytes: receiveBuffer)
        setBuffer(descriptor, SO_SNDBUF, forced: SO_SNDBUFFORCE, bytes: sendBuffer)
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = UInt16(truncatingIfNeeded: port).bigEndian
        socketAddress.sin_addr.s_addr = address.bigEndian
        let bound = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let error = errno
            close(descriptor)
            return error == EADDRINUSE || error == EACCES ? .busy : .failed(String(cString: strerror(error)))
        }
        return .bound(descriptor)
    }

    static func close(_ descriptor: Int32) {
        _ = Glibc.close(descriptor)
    }

    static func lastError() -> String { String(cString: strerror(errno)) }

    /// Sets a buffer size: the FORCE variant first (CAP_NET_ADMIN may exceed net.core.rmem_max/wmem_max, as
    /// the relay of a lab appliance running as root should), then the plain one, capped by the sysctl.
    /// Failure is harmless: the system default stays.
    private static func setBuffer(_ descriptor: Int32, _ option: Int32, forced: Int32, bytes: Int) {
        guard bytes > 0 else { return }
        var value = Int32(clamping: bytes)
        let length = socklen_t(MemoryLayout<Int32>.size)
        if setsockopt(descriptor, SOL_SOCKET, forced, &value, length) != 0 {
            _ = setsockopt(descriptor, SOL_SOCKET, option, &value, length)
        }
    }
}
