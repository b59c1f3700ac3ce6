import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A client of Kea's control channel as `socat` or Stork is one: connect, write the request (in pieces,
/// possibly without ever half-closing), read the reply until the server closes. Works against `kea-dhcp4`
/// and `castor dhcp` alike.
public struct KeaControlClient: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Sends `pieces` one after the other, pausing between them; returns the reply. Waits by sleeping, never
    /// by blocking a thread (an in-process server may need the cooperative pool to answer).
    public func send(_ pieces: [String], halfClose: Bool = false, pause: Duration = .milliseconds(20)) async throws
        -> String
    {
        let fd = try connected()
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        for (index, piece) in pieces.enumerated() {
            if index > 0 { try await Task.sleep(for: pause) }
            let bytes = Array(piece.utf8)
            guard write(fd, bytes, bytes.count) == bytes.count else { throw Failure(description: "write failed") }
        }
        if halfClose { shutdown(fd, Int32(SHUT_WR)) }
        var reply: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        let deadline = ContinuousClock.now + .seconds(20)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count == 0 { break }
            if count > 0 {
                reply += buffer[0..<count]
                continue
            }
            guard errno == EAGAIN || errno == EWOULDBLOCK, ContinuousClock.now < deadline else {
                throw Failure(description: "read: errno \(errno) after \(reply.count) bytes")
            }
            try await Task.sleep(for: .milliseconds(5))
        }
        return String(decoding: reply, as: UTF8.self)
    }

    /// One command; the reply as a JSON map.
    public func command(_ request: String) async throws -> [String: Any] {
        try Self.map(try await send([request]))
    }

    /// One command, blocking the calling thread (for stopping a subprocess in a `defer`).
    public func commandBlocking(_ request: String) throws -> [String: Any] {
        let fd = try connected()
        defer { close(fd) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let bytes = Array(request.utf8)
        guard write(fd, bytes, bytes.count) == bytes.count else { throw Failure(description: "write failed") }
        var reply: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count < 0 { throw Failure(description: "read: errno \(errno)") }
            if count == 0 { break }
            reply += buffer[0..<count]
        }
        return try Self.map(String(decoding: reply, as: UTF8.self))
    }

    private func connected() throws -> Int32 {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: errno \(errno)") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard result == 0 else {
            close(fd)
            throw Failure(description: "connect \(path): errno \(errno)")
        }
        return fd
    }

    private static func map(_ reply: String) throws -> [String: Any] {
        guard let map = try? JSONSerialization.jsonObject(with: Data(reply.utf8)) as? [String: Any] else {
            throw Failure(description: "not a JSON map: \(reply)")
        }
        return map
    }
}
