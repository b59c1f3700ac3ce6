import CastorTestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Plain sockets on 127.0.0.1 for speaking to the transport by hand. Non-blocking; waits poll with short
/// sleeps and are bounded, so a test waiting for bytes never blocks a thread of the cooperative pool.
enum RawSocket {
    static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }

    static func make(_ type: __socket_type, receiveBufferSize: Int32? = nil) throws -> Int32 {
        let fd = socket(AF_INET, Int32(type.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket: \(String(cString: strerror(errno)))") }
        if var size = receiveBufferSize {
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        }
        return fd
    }

    static func bind(_ fd: Int32, port: UInt16 = 0) throws -> UInt16 {
        var address = loopback(port: port)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw TestFailure("bind 127.0.0.1:\(port): \(String(cString: strerror(errno)))") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return UInt16(bigEndian: address.sin_port)
    }
}

/// A UDP socket: sends datagrams to a port, receives them with their source port.
final class UDPClient {
    let descriptor: Int32
    let port: UInt16

    init() throws {
        descriptor = try RawSocket.make(SOCK_DGRAM)
        port = try RawSocket.bind(descriptor)
    }

    deinit { close(descriptor) }

    func send(_ bytes: [UInt8], to port: UInt16) {
        var address = RawSocket.loopback(port: port)
        _ = bytes.withUnsafeBytes { payload in
            withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(
                        descriptor, payload.baseAddress, payload.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size)
                    )
                }
            }
        }
    }

    /// The next datagram and its source port.
    func receive(within limit: Duration = .seconds(20)) async throws -> (bytes: [UInt8], port: UInt16) {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let deadline = ContinuousClock.now + limit
        while true {
            var source = sockaddr_in()
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let count = buffer.withUnsafeMutableBytes { bytes in
                withUnsafeMutablePointer(to: &source) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        recvfrom(descriptor, bytes.baseAddress, bytes.count, 0, $0, &length)
                    }
                }
            }
            if count >= 0 { return (Array(buffer[0..<count]), UInt16(bigEndian: source.sin_port)) }
            guard ContinuousClock.now < deadline else { throw TestFailure("no datagram within \(limit)") }
            try await Task.sleep(for: .milliseconds(2))
        }
    }
}

/// A TCP connection: writes bytes, reads what arrives, notices when the other side closes.
final class TCPClient {
    let descriptor: Int32
    let port: UInt16

    /// Connects to 127.0.0.1:`port`; a small `receiveBufferSize` makes a peer that reads slowly.
    init(port: UInt16, receiveBufferSize: Int32? = nil) async throws {
        descriptor = try RawSocket.make(SOCK_STREAM, receiveBufferSize: receiveBufferSize)
        self.port = try RawSocket.bind(descriptor)
        var address = RawSocket.loopback(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 || errno == EINPROGRESS else {
            close(descriptor)
            throw TestFailure("connect 127.0.0.1:\(port): \(String(cString: strerror(errno)))")
        }
        try await waitUntil("connected to \(port)") { isConnected }
    }

    /// Adopts an accepted connection.
    init(accepted descriptor: Int32) {
        self.descriptor = descriptor
        self.port = 0
    }

    deinit { close(descriptor) }

    private var isConnected: Bool {
        var pending = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        return poll(&pending, 1, 0) == 1
    }

    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes {
                // MSG_NOSIGNAL: writing to a connection the transport closed is an error, not SIGPIPE.
                Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if written < 0 && errno == EAGAIN {
                var writable = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                guard poll(&writable, 1, 10_000) == 1 else { throw TestFailure("write: no room for 10 s") }
                continue
            }
            guard written > 0 else { throw TestFailure("write: \(String(cString: strerror(errno)))") }
            offset += written
        }
    }

    func write(_ text: String) throws { try write(Array(text.utf8)) }

    /// Reads until `count` bytes arrived (fewer if the connection closes first).
    func read(count: Int, within limit: Duration = .seconds(20)) async throws -> [UInt8] {
        var received: [UInt8] = []
        let deadline = ContinuousClock.now + limit
        while received.count < count {
            switch readNow(upTo: count - received.count) {
            case .bytes(let bytes): received += bytes
            case .closed: return received
            case .nothing:
                guard ContinuousClock.now < deadline else { throw TestFailure("read \(received.count)/\(count) bytes") }
                try await Task.sleep(for: .milliseconds(2))
            }
        }
        return received
    }

    /// Waits until the other side closes (reset or end of stream), discarding what arrives meanwhile.
    func waitForClose(within limit: Duration = .seconds(20)) async throws {
        let deadline = ContinuousClock.now + limit
        while true {
            switch readNow(upTo: 65_536) {
            case .closed: return
            case .bytes: continue
            case .nothing:
                guard ContinuousClock.now < deadline else { throw TestFailure("connection still open after \(limit)") }
                try await Task.sleep(for: .milliseconds(2))
            }
        }
    }

    private enum ReadResult {
        case bytes([UInt8])
        case closed
        case nothing
    }

    private func readNow(upTo count: Int) -> ReadResult {
        var buffer = [UInt8](repeating: 0, count: count)
        let result = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        if result > 0 { return .bytes(Array(buffer[0..<result])) }
        if result == 0 { return .closed }
        return errno == EAGAIN || errno == EWOULDBLOCK ? .nothing : .closed
    }
}

/// A listening TCP socket, standing for a phone that accepts connections.
final class TCPListener {
    let descriptor: Int32
    let port: UInt16

    init() throws {
        descriptor = try RawSocket.make(SOCK_STREAM)
        port = try RawSocket.bind(descriptor)
        guard listen(descriptor, 16) == 0 else { throw TestFailure("listen: \(String(cString: strerror(errno)))") }
    }

    deinit { close(descriptor) }

    func accept(within limit: Duration = .seconds(20)) async throws -> TCPClient {
        let deadline = ContinuousClock.now + limit
        while true {
            let fd = Glibc.accept(descriptor, nil, nil)
            if fd >= 0 {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                return TCPClient(accepted: fd)
            }
            guard ContinuousClock.now < deadline else { throw TestFailure("no connection within \(limit)") }
            try await Task.sleep(for: .milliseconds(2))
        }
    }
}
