import CastorTestSupport
import DHCPCodec
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A relay agent on 127.0.0.2, speaking to the server on 127.0.0.1 over real UDP (notes/kea-dhcp.md §5): it
/// sends BOOTREQUESTs with `giaddr` 127.0.0.2, and receives the replies on its own port (the server's `-P`).
final class LoopbackRelay {
    static let address = IPv4Address(127, 0, 0, 2)
    let descriptor: Int32
    let port: UInt16
    let serverPort: UInt16

    /// Binds 127.0.0.2 (any 127/8 address is local on Linux, on `lo` or not).
    init(serverPort: UInt16) throws {
        let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        var address = LoopbackRelay.socketAddress(Self.address, port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            close(fd)
            throw TestFailure("cannot bind 127.0.0.2: \(String(cString: strerror(errno)))")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        descriptor = fd
        port = UInt16(bigEndian: address.sin_port)
        self.serverPort = serverPort
    }

    deinit { close(descriptor) }

    /// 127.0.0.2 must be on `lo` for perfdhcp (`-l 127.0.0.2`); binding works without it on Linux, but add it
    /// when missing (loopback only, idempotent).
    static func ensureAddress() async throws {
        let show = try await Subprocess.run("/usr/sbin/ip", ["addr", "show", "lo"])
        if show.stdout.contains("127.0.0.2/") { return }
        _ = try await Subprocess.run("/usr/sbin/ip", ["addr", "add", "127.0.0.2/8", "dev", "lo"])
    }

    static func socketAddress(_ ip: IPv4Address, port: UInt16) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = ip.rawValue.bigEndian
        return address
    }

    func send(_ bytes: [UInt8]) {
        var destination = Self.socketAddress(IPv4Address(127, 0, 0, 1), port: serverPort)
        _ = bytes.withUnsafeBytes { payload in
            withUnsafePointer(to: &destination) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(
                        descriptor, payload.baseAddress, payload.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size)
                    )
                }
            }
        }
    }

    func send(_ message: DHCPMessage) throws { send(try message.serialized()) }

    /// The next reply with this `xid`, or nil after `timeout`. Polls without blocking (MSG_DONTWAIT) and sleeps
    /// between polls, so the cooperative thread pool stays free for the server under test.
    func receive(xid: UInt32, timeout: Duration = .seconds(2)) async -> DHCPMessage? {
        let deadline = ContinuousClock.now + timeout
        var buffer = [UInt8](repeating: 0, count: 4096)
        while ContinuousClock.now < deadline {
            let count = buffer.withUnsafeMutableBytes {
                recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT))
            }
            guard count > 0 else {
                try? await Task.sleep(for: .milliseconds(2))
                continue
            }
            if let message = try? DHCPMessage(parsing: buffer[0..<count]), message.xid == xid { return message }
        }
        return nil
    }

    /// Sends `request` and waits for the reply, retransmitting as a client would (UDP may lose a datagram).
    func exchange(_ request: DHCPMessage, attempts: Int = 5, timeout: Duration = .milliseconds(600)) async throws
        -> DHCPMessage?
    {
        for _ in 0..<attempts {
            try send(request)
            if let reply = await receive(xid: request.xid, timeout: timeout) { return reply }
        }
        return nil
    }

    /// A relayed BOOTREQUEST from the client `mac`.
    static func request(
        _ type: DHCPMessageType, xid: UInt32, mac: [UInt8], requested: IPv4Address? = nil, server: IPv4Address? = nil
    ) -> DHCPMessage {
        var message = DHCPMessage(op: .request, hops: 1, xid: xid, giaddr: address, chaddr: mac)
        message.setOption(.messageType(type))
        if let requested { message.setOption(.requestedIPAddress(requested)) }
        if let server { message.setOption(.serverIdentifier(server)) }
        return message
    }

    /// DISCOVER → OFFER → REQUEST → ACK; the ACKed address, or nil.
    func lease(mac: [UInt8], xid: UInt32) async throws -> IPv4Address? {
        guard let offer = try await exchange(Self.request(.discover, xid: xid, mac: mac)), offer.messageType == .offer
        else {
            return nil
        }
        let request = Self.request(
            .request, xid: xid &+ 1, mac: mac, requested: offer.yiaddr, server: offer.serverIdentifier)
        guard let ack = try await exchange(request), ack.messageType == .ack else { return nil }
        return ack.yiaddr
    }
}

/// A client MAC for test client `n`.
func testMAC(_ n: Int) -> [UInt8] { [0x00, 0x04, 0x13, 0x77, UInt8(n >> 8 & 0xff), UInt8(n & 0xff)] }
