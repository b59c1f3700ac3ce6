import CastorTestSupport
import MediaCore

#if canImport(Glibc)
    import Glibc
#endif

/// A UDP socket on 127.0.0.1 standing for a phone's RTP or RTCP port: sends datagrams to a relay port,
/// receives what the relay sends, with the source port. Non-blocking; waits poll with short sleeps and are
/// bounded, and no test asserts how long anything took.
final class Phone: @unchecked Sendable {
    let descriptor: Int32
    let port: UInt16

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket: \(String(cString: strerror(errno)))") }
        var size: Int32 = 4 << 20
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        var address = Self.loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            close(fd)
            throw TestFailure("bind: \(String(cString: strerror(errno)))")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        descriptor = fd
        port = UInt16(bigEndian: address.sin_port)
    }

    deinit { close(descriptor) }

    /// This phone's address, as SDP would name it.
    var endpoint: MediaEndpoint { MediaEndpoint(address: 0x7F00_0001, port: port) }

    static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }

    func send(_ bytes: [UInt8], to port: Int) {
        var address = Self.loopback(port: UInt16(port))
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

    /// The next datagram waiting, if any.
    func receiveNow() -> (bytes: [UInt8], port: Int)? {
        var buffer = [UInt8](repeating: 0, count: 4096)
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
        return (Array(buffer[0..<count]), Int(UInt16(bigEndian: source.sin_port)))
    }

    /// The next datagram, waiting for it at most `limit`.
    func receive(within limit: Duration = .seconds(20)) async throws -> (bytes: [UInt8], port: Int) {
        let deadline = ContinuousClock.now + limit
        while true {
            if let datagram = receiveNow() { return datagram }
            guard ContinuousClock.now < deadline else { throw TestFailure("port \(port): no datagram within \(limit)") }
            try await Task.sleep(for: .milliseconds(2))
        }
    }

    /// Whether a datagram is waiting now (for "nothing arrived" checks, made after a later datagram proved
    /// the path works, so the answer does not depend on timing).
    func hasWaiting() -> Bool {
        var pending = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&pending, 1, 0) == 1
    }
}

/// RTP and RTCP packets as a phone sends them.
enum Packet {
    /// An RTP packet: 12-byte header (RFC 3550 §5.1) and `payload` (160 bytes of a µ-law ramp by default).
    static func rtp(
        payloadType: UInt8 = 0, sequence: UInt16, ssrc: UInt32 = 0x1234_5678, marker: Bool = false,
        payload: [UInt8]? = nil
    ) -> [UInt8] {
        let timestamp = UInt32(sequence) &* 160
        let header: [UInt8] = [
            0x80, (marker ? 0x80 : 0) | payloadType, UInt8(sequence >> 8), UInt8(sequence & 0xFF),
            UInt8(timestamp >> 24), UInt8(timestamp >> 16 & 0xFF), UInt8(timestamp >> 8 & 0xFF),
            UInt8(timestamp & 0xFF), UInt8(ssrc >> 24), UInt8(ssrc >> 16 & 0xFF), UInt8(ssrc >> 8 & 0xFF),
            UInt8(ssrc & 0xFF),
        ]
        return header + (payload ?? (0..<160).map { UInt8(truncatingIfNeeded: $0 &+ Int(sequence)) })
    }

    /// An RTCP receiver report without report blocks (RFC 3550 §6.4.2): 8 bytes.
    static func receiverReport(ssrc: UInt32 = 0x1234_5678) -> [UInt8] {
        [
            0x80, 201, 0x00, 0x01, UInt8(ssrc >> 24), UInt8(ssrc >> 16 & 0xFF), UInt8(ssrc >> 8 & 0xFF),
            UInt8(ssrc & 0xFF),
        ]
    }
}

/// Polls `condition` until it holds, for at most `limit`.
func eventually(
    _ what: String, within limit: Duration = .seconds(20), _ condition: () -> Bool
) async throws {
    let deadline = ContinuousClock.now + limit
    while !condition() {
        guard ContinuousClock.now < deadline else { throw TestFailure("\(what): not within \(limit)") }
        try await Task.sleep(for: .milliseconds(2))
    }
}
