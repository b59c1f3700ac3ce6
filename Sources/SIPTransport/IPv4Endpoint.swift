import NIOCore

#if canImport(Glibc)
    import Glibc
#endif

/// An IPv4 address and port as the socket calls want them, converted to and from the dotted-quad text of
/// ``SIPPeer`` without allocating (the text of an IPv4 address fits a small string).
struct IPv4Endpoint: Hashable, Sendable {
    /// The address in host byte order.
    var address: UInt32
    var port: UInt16

    init(address: UInt32, port: UInt16) {
        self.address = address
        self.port = port
    }

    /// The IPv4 address and port of a socket address; `nil` for IPv6 and Unix addresses.
    init?(_ socketAddress: SocketAddress?) {
        guard case .v4(let v4) = socketAddress else { return nil }
        self.init(address: UInt32(bigEndian: v4.address.sin_addr.s_addr), port: UInt16(bigEndian: v4.address.sin_port))
    }

    /// Parses a dotted-quad address; `nil` for anything else, or a port outside 0…65535.
    init?(address text: String, port: Int) {
        guard let port = UInt16(exactly: port) else { return nil }
        var parsed = in_addr()
        guard inet_pton(AF_INET, text, &parsed) == 1 else { return nil }
        self.init(address: UInt32(bigEndian: parsed.s_addr), port: port)
    }

    /// `192.0.2.7`.
    var addressText: String {
        let value = address
        return String(unsafeUninitializedCapacity: 15) { buffer in
            var count = 0
            for index in 0..<4 {
                let shift = UInt32(24 - 8 * index)
                if index > 0 {
                    buffer[count] = UInt8(ascii: ".")
                    count += 1
                }
                let octet = UInt8(truncatingIfNeeded: value >> shift)
                if octet >= 100 {
                    buffer[count] = UInt8(ascii: "0") + octet / 100
                    count += 1
                }
                if octet >= 10 {
                    buffer[count] = UInt8(ascii: "0") + octet / 10 % 10
                    count += 1
                }
                buffer[count] = UInt8(ascii: "0") + octet % 10
                count += 1
            }
            return count
        }
    }

    /// The endpoint as NIO's socket address, to connect to.
    var socketAddress: SocketAddress {
        var socketAddress = sockaddr_in()
        socketAddress.sin_family = sa_family_t(AF_INET)
        socketAddress.sin_port = port.bigEndian
        socketAddress.sin_addr.s_addr = address.bigEndian
        return SocketAddress(socketAddress, host: addressText)
    }

    /// Calls `body` with the endpoint as a `sockaddr_in`, for sendto(2) and bind(2).
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
