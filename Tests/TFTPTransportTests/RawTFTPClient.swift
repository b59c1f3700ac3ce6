import CastorTestSupport
import Foundation
import TFTPProtocol

#if canImport(Glibc)
    import Glibc
#endif

/// A plain UDP socket on 127.0.0.1 for speaking TFTP by hand: send bytes to a port, receive datagrams with
/// their source port. Receiving polls a non-blocking socket with short sleeps, so a test waiting for a
/// reply never blocks a thread of the cooperative pool.
final class RawTFTPClient {
    let descriptor: Int32
    let port: UInt16

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket: \(String(cString: strerror(errno)))") }
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

    static func loopback(port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }

    func send(_ bytes: [UInt8], to port: UInt16) {
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

    func send(_ packet: TFTPPacket, to port: UInt16) { send(packet.serialized(), to: port) }

    /// The next datagram and its source port, or nil after `timeout`.
    func receive(timeout: Duration = .seconds(30)) async -> (bytes: [UInt8], port: UInt16)? {
        let deadline = ContinuousClock.now + timeout
        while true {
            if let datagram = receiveNow() { return datagram }
            guard ContinuousClock.now < deadline else { return nil }
            try? await Task.sleep(for: .milliseconds(2))
        }
    }

    /// A datagram already queued, if any.
    func receiveNow() -> (bytes: [UInt8], port: UInt16)? {
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

    /// The next datagram parsed as a TFTP packet, with its source port.
    func receivePacket(timeout: Duration = .seconds(30)) async throws -> (packet: TFTPPacket, port: UInt16) {
        guard let (bytes, port) = await receive(timeout: timeout) else {
            throw TestFailure("no datagram within \(timeout)")
        }
        return (try TFTPPacket(parsing: bytes), port)
    }

    /// The next packet that is not `previous` again: a client the machine's load delayed past the server's
    /// timeout finds retransmitted copies of what it already has queued before the answer it waits for.
    func receivePacket(skipping previous: TFTPPacket, timeout: Duration = .seconds(30)) async throws
        -> (packet: TFTPPacket, port: UInt16)
    {
        while true {
            let received = try await receivePacket(timeout: timeout)
            if received.packet != previous { return received }
        }
    }

    /// Datagrams arriving within `period`, with their source ports.
    func drain(for period: Duration) async -> [(packet: TFTPPacket?, port: UInt16)] {
        var received: [(packet: TFTPPacket?, port: UInt16)] = []
        let deadline = ContinuousClock.now + period
        while let (bytes, port) = await receive(timeout: deadline - ContinuousClock.now) {
            received.append((try? TFTPPacket(parsing: bytes), port))
        }
        return received
    }

    /// Nothing arrives within `period`.
    func isSilent(for period: Duration) async -> Bool { await receive(timeout: period) == nil }
}
