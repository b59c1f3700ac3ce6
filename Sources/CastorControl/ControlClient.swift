import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A blocking client for a `ControlServer`: one request line out, one reply line back. Blocking on purpose —
/// its callers are CLI commands and a daemon's start-up notice, which have nothing else to do meanwhile.
///
/// ```swift
/// let reply: StatusReply = try ControlClient(path: "/run/castor/supervisor.sock").send(StatusRequest())
/// ```
public struct ControlClient: Sendable {
    public let path: String
    /// How long to wait for the reply.
    public var timeout: Duration

    public init(path: String, timeout: Duration = .seconds(10)) {
        self.path = path
        self.timeout = timeout
    }

    /// Sends `request` as JSON and decodes the reply.
    public func send<Request: Encodable, Reply: Decodable>(_ request: Request, as: Reply.Type = Reply.self) throws
        -> Reply
    {
        let data = try exchange(JSONEncoder().encode(request))
        do {
            return try JSONDecoder().decode(Reply.self, from: data)
        } catch {
            throw ControlError(path: path, reason: "unreadable reply: \(String(decoding: data, as: UTF8.self))")
        }
    }

    /// Sends one line (a newline is added) and returns the reply line without its newline.
    public func exchange(_ request: Data) throws -> Data {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ControlError(path: path, reason: "socket: \(String(cString: strerror(errno)))") }
        defer { close(fd) }

        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8)
        guard pathBytes.count < MemoryLayout.size(ofValue: address.sun_path) else {
            throw ControlError(path: path, reason: "the socket path is too long")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: pathBytes)
            raw[pathBytes.count] = 0
        }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        guard connected == 0 else {
            let reason =
                errno == ENOENT || errno == ECONNREFUSED
                ? "nothing is listening (is it running?)" : String(cString: strerror(errno))
            throw ControlError(path: path, reason: reason)
        }

        var timeval = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeval, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeval, socklen_t(MemoryLayout<timeval>.size))

        var outgoing = request
        outgoing.append(UInt8(ascii: "\n"))
        var sent = 0
        while sent < outgoing.count {
            let n = outgoing.withUnsafeBytes {
                Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL))
            }
            guard n > 0 else { throw ControlError(path: path, reason: "send: \(String(cString: strerror(errno)))") }
            sent += n
        }

        var reply = Data()
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 {
                let reason = errno == EAGAIN ? "no reply within \(timeout)" : String(cString: strerror(errno))
                throw ControlError(path: path, reason: reason)
            }
            if n == 0 { break }
            if let newline = chunk[0..<n].firstIndex(of: UInt8(ascii: "\n")) {
                reply.append(contentsOf: chunk[0..<newline])
                return reply
            }
            reply.append(contentsOf: chunk[0..<n])
            if reply.count > ControlServer.maximumLineLength * 64 {
                throw ControlError(path: path, reason: "reply too long")
            }
        }
        guard !reply.isEmpty else {
            throw ControlError(path: path, reason: "the server closed the connection without a reply")
        }
        return reply
    }
}
