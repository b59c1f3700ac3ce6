import DHCPCodec

#if canImport(Glibc)
    import Glibc
#endif

/// The host's IPv4 interfaces (getifaddrs(3)), read once when the sockets are opened.
struct NetworkInterfaces {
    struct Entry: Equatable {
        var name: String
        var address: IPv4Address
        /// IFF_BROADCAST: Kea receives broadcasts on such an interface with a 0.0.0.0 socket bound to it.
        var canBroadcast: Bool
        var isLoopback: Bool
    }

    var entries: [Entry]

    static func current() -> NetworkInterfaces {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0, let first = list else { return NetworkInterfaces(entries: []) }
        defer { freeifaddrs(list) }
        var entries: [Entry] = []
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let current = cursor {
            defer { cursor = current.pointee.ifa_next }
            guard let socketAddress = current.pointee.ifa_addr, socketAddress.pointee.sa_family == sa_family_t(AF_INET)
            else { continue }
            let raw = socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                UInt32(bigEndian: $0.pointee.sin_addr.s_addr)
            }
            let flags = current.pointee.ifa_flags
            entries.append(
                Entry(
                    name: String(cString: current.pointee.ifa_name), address: IPv4Address(rawValue: raw),
                    canBroadcast: flags & UInt32(IFF_BROADCAST) != 0, isLoopback: flags & UInt32(IFF_LOOPBACK) != 0))
        }
        return NetworkInterfaces(entries: entries)
    }

    func addresses(of name: String) -> [Entry] { entries.filter { $0.name == name } }
}
