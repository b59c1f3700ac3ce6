import DHCPCodec
import DHCPLeases

extension LeaseEngine {
    /// What the engine asks its caller to do, in order.
    ///
    /// A `.persist` must be durable (written, and synced if the store syncs) before any `.send` that follows it
    /// in the same list: an ACK tells the client the address is its, so the lease must survive a crash first
    /// (Kea writes the memfile row before it sends the DHCPACK).
    public enum Action: Equatable, Sendable {
        /// Lease rows to store, in order; a row with `validLifetime == 0` is a deletion (``Lease/deletion``).
        case persist([Lease])
        /// A reply to transmit.
        case send(DHCPMessage, to: Destination)
        /// Nothing to send: why, for logs and statistics (a stable phrase, not a sentence with values).
        case drop(reason: DropReason)
    }

    /// Why a packet got no answer. Stable values, usable as a metrics label.
    public enum DropReason: String, Error, Equatable, Sendable, CustomStringConvertible {
        case notARequest = "not a BOOTREQUEST"
        case unsupportedMessageType = "unsupported message type"
        case noClientIdentity = "neither chaddr nor client identifier"
        case discoverWithServerIdentifier = "DHCPDISCOVER carries a server identifier"
        case otherServer = "server identifier is not ours"
        case noSubnet = "no subnet for the client"
        case noAddressAvailable = "no address available"
        case unknownClientInitReboot = "INIT-REBOOT from a client without a lease"
        case notOurAddress = "address outside our pools"
        case noRequestedAddress = "DHCPDECLINE without a requested address"
        case noLease = "no lease for the address"
        case leaseOfAnotherClient = "lease belongs to another client"

        public var description: String { rawValue }
    }

    /// Where a reply goes (RFC 2131 §4.1, as Kea's `Dhcpv4Srv::adjustRemoteAddr` decides).
    public struct Destination: Equatable, Sendable {
        /// The IP destination: a relay, the client's `ciaddr`, `yiaddr`, or 255.255.255.255.
        public var address: IPv4Address
        /// 67 for a relay (the server port, RFC 1542 §5.4), 68 for a client.
        public var port: UInt16
        /// Whether to send to the limited broadcast address on the receiving interface.
        public var broadcast: Bool
        /// Set when unicasting to `yiaddr`, an address the client does not answer ARP for yet: the I/O layer must
        /// send this frame to this MAC directly (a raw socket, or an ARP table entry), RFC 2131 §4.1.
        public var hardwareAddress: [UInt8]?

        public init(address: IPv4Address, port: UInt16, broadcast: Bool = false, hardwareAddress: [UInt8]? = nil) {
            self.address = address
            self.port = port
            self.broadcast = broadcast
            self.hardwareAddress = hardwareAddress
        }

        /// 255.255.255.255:68.
        public static let broadcastToClients = Destination(address: .broadcast, port: 68, broadcast: true)
    }

    /// Where a packet came from.
    public struct PacketSource: Equatable, Sendable {
        /// The UDP source address (0.0.0.0 from a client without an address).
        public var address: IPv4Address
        public var port: UInt16
        /// The receiving interface's name (`eth0`); matched against a subnet's `interface`.
        public var interface: String

        public init(address: IPv4Address, port: UInt16, interface: String) {
            self.address = address
            self.port = port
            self.interface = interface
        }
    }
}
