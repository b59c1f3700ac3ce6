import DHCPCodec

#if canImport(Glibc)
    import Glibc
#endif

/// One socket to open: where it binds, and the interface and server address it stands for.
public struct DHCPSocketBinding: Hashable, Sendable, CustomStringConvertible {
    /// The interface the socket serves (`*` for all of them).
    public var interface: String
    /// The address bound: an interface address, or 0.0.0.0 (with SO_BINDTODEVICE when ``device`` is set).
    public var bindAddress: IPv4Address
    public var port: UInt16
    /// SO_BINDTODEVICE: receive only what arrives on this interface (broadcasts included).
    public var device: String?
    /// The address this server is known by on that interface (option 54), when it has one.
    public var serverAddress: IPv4Address?

    public var description: String { "\(bindAddress):\(port)" + (device.map { " on \($0)" } ?? "") }

    /// The sockets for `interfaces-config.interfaces`, as Kea 2.2 opens them for `dhcp-socket-type: udp`
    /// (`PktFilterInet::openSocket`): an `if/addr` entry binds that address; a plain interface name binds 0.0.0.0
    /// with SO_BINDTODEVICE when the interface can broadcast (so broadcast DISCOVERs arrive), else each of its
    /// addresses; `*` binds 0.0.0.0 once (Kea opens one socket per interface instead). An interface or
    /// address that does not exist is an error, as an unknown interface is for Kea.
    static func bindings(
        for entries: [String], port: UInt16, interfaces host: NetworkInterfaces
    ) throws(DHCPBindError) -> [DHCPSocketBinding] {
        var listen: [DHCPListenAddress] = []
        for entry in entries {
            guard let parsed = DHCPListenAddress(entry) else {
                throw DHCPBindError("interfaces-config: \"\(entry)\" is not an interface, interface/address or \"*\"")
            }
            if !listen.contains(parsed) { listen.append(parsed) }
        }
        if listen.contains(.all) {
            let first = host.entries.first { !$0.isLoopback } ?? host.entries.first
            return [DHCPSocketBinding(interface: "*", bindAddress: .any, port: port, serverAddress: first?.address)]
        }
        let wholeInterfaces = Set(listen.compactMap { if case .interface(let name) = $0 { name } else { nil } })
        var result: [DHCPSocketBinding] = []
        for item in listen {
            switch item {
            case .all:
                break
            case .interface(let name):
                let addresses = host.addresses(of: name)
                guard let first = addresses.first else {
                    throw DHCPBindError("interfaces-config: interface \(name) does not exist or has no IPv4 address")
                }
                if first.canBroadcast {
                    result.append(
                        DHCPSocketBinding(
                            interface: name, bindAddress: .any, port: port, device: name, serverAddress: first.address))
                } else {
                    for entry in addresses {
                        result.append(
                            DHCPSocketBinding(
                                interface: name, bindAddress: entry.address, port: port, serverAddress: entry.address))
                    }
                }
            case .address(let name, let address):
                // The whole interface is already served; a second socket on one of its addresses would clash.
                if wholeInterfaces.contains(name) { continue }
                guard host.addresses(of: name).contains(where: { $0.address == address }) else {
                    throw DHCPBindError("interfaces-config: \(name) has no address \(address)")
                }
                result.append(
                    DHCPSocketBinding(interface: name, bindAddress: address, port: port, serverAddress: address))
            }
        }
        return result
    }

    /// Creates, configures and binds the socket (non-blocking, for NIO to adopt). No SO_REUSEADDR: a second
    /// server on the same port must fail to bind rather than share the traffic.
    func open() throws(DHCPBindError) -> Int32 {
        let fd = socket(
            AF_INET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw DHCPBindError("cannot create a UDP socket: \(Self.lastError())") }
        var on: Int32 = 1
        guard setsockopt(fd, SOL_SOCKET, SO_BROADCAST, &on, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            let reason = Self.lastError()
            close(fd)
            throw DHCPBindError("cannot set SO_BROADCAST on \(self): \(reason)")
        }
        // A deeper receive queue absorbs bursts (capped by net.core.rmem_max; failure is harmless).
        var receiveBuffer: Int32 = 1 << 20
        _ = setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, socklen_t(MemoryLayout<Int32>.size))
        if let device {
            var name = Array(device.utf8CString)
            guard setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, &name, socklen_t(name.count)) == 0 else {
                let reason = Self.lastError()
                close(fd)
                throw DHCPBindError("cannot bind to device \(device) (SO_BINDTODEVICE): \(reason)")
            }
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = bindAddress.rawValue.bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else {
            let reason = Self.lastError()
            close(fd)
            throw DHCPBindError("cannot bind \(self): \(reason)")
        }
        return fd
    }

    static func lastError() -> String { String(cString: strerror(errno)) }
}
