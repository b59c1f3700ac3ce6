import NIOCore

#if canImport(Glibc)
    import Glibc
#endif

/// A client's end of a transfer as RFC 1350 §4 identifies it: IPv4 address and UDP port (its TID). The
/// listener keys transfers in progress by it (so a retransmitted RRQ starts nothing new), and a transfer's
/// socket compares every datagram's source with it.
struct TFTPPeer: Hashable, Sendable, CustomStringConvertible {
    /// The IPv4 address, in host byte order.
    var address: UInt32
    var port: UInt16

    init(address: UInt32, port: UInt16) {
        self.address = address
        self.port = port
    }

    /// The IPv4 source of a datagram; `nil` for IPv6 or Unix addresses, and for port 0, which nothing can
    /// answer.
    init?(_ socketAddress: SocketAddress?) {
        guard case .v4(let v4) = socketAddress else { return nil }
        let port = UInt16(bigEndian: v4.address.sin_port)
        guard port != 0 else { return nil }
        self.init(address: UInt32(bigEndian: v4.address.sin_addr.s_addr), port: port)
    }

    /// The address in dotted-quad notation, `192.0.2.7`.
    var addressText: String {
        "\(address >> 24).\(address >> 16 & 0xff).\(address >> 8 & 0xff).\(address & 0xff)"
    }

    var description: String { "\(addressText):\(port)" }

    /// Calls `body` with the peer as a `sockaddr_in`, for sendto(2).
    func withSocketAddress<Result>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> Result) -> Result {
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = port.bigEndian
        socketAddress.sin_addr.s_addr = address.bigEndian
        return withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
    }
}
