import CCastorShims
import DHCPCodec

#if canImport(Glibc)
    import Glibc
#endif

/// A packet socket (`AF_PACKET`, `SOCK_DGRAM`) on one interface, to send a reply straight to a client's MAC
/// (Kea's `dhcp-socket-type: raw`, whose LPF filter does the same). It receives nothing: it is opened with
/// protocol 0, so the kernel hands it no frames. Needs CAP_NET_RAW; where it cannot be opened the transport
/// broadcasts instead, as Kea does with UDP sockets.
final class DirectSender: Sendable {
    let descriptor: Int32
    let interfaceIndex: Int32
    let interface: String

    /// nil (with the reason) when the interface has no index or the socket cannot be opened.
    static func open(interface: String) -> Result<DirectSender, DHCPBindError> {
        let index = Int32(if_nametoindex(interface))
        guard index > 0 else { return .failure(DHCPBindError("\(interface): no such interface")) }
        let fd = castor_packet_socket()
        guard fd >= 0 else {
            return .failure(
                DHCPBindError("cannot open a packet socket on \(interface): \(String(cString: strerror(errno)))"))
        }
        return .success(DirectSender(descriptor: fd, interfaceIndex: index, interface: interface))
    }

    private init(descriptor: Int32, interfaceIndex: Int32, interface: String) {
        self.descriptor = descriptor
        self.interfaceIndex = interfaceIndex
        self.interface = interface
    }

    deinit { close(descriptor) }

    /// Sends one IPv4 packet to `hardwareAddress` on the interface; false when the kernel refused it.
    func send(_ packet: [UInt8], to hardwareAddress: [UInt8]) -> Bool {
        guard !hardwareAddress.isEmpty, hardwareAddress.count <= 8 else { return false }
        let sent = packet.withUnsafeBytes { payload in
            castor_packet_send(
                descriptor, interfaceIndex, hardwareAddress, Int32(hardwareAddress.count), payload.baseAddress,
                payload.count)
        }
        return sent == packet.count
    }
}
