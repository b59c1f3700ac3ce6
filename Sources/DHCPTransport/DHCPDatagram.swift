import DHCPCodec

/// A UDP datagram received on one of the server's sockets, with what the engine needs to know about it.
public struct DHCPReceivedDatagram: Sendable {
    /// The UDP payload, as received (not yet parsed: a malformed one is the service's to count and drop).
    public var bytes: [UInt8]
    /// The IP source address and UDP source port (0.0.0.0:68 from a client without an address).
    public var sourceAddress: IPv4Address
    public var sourcePort: UInt16
    /// The receiving interface's name (`eth0`, `lo`), from IP_PKTINFO or the socket's own interface.
    public var interface: String
    /// The socket it came in on: replies go out the same way (Kea's `same-as-inbound`).
    public var socket: DHCPSocketID

    public init(
        bytes: [UInt8], sourceAddress: IPv4Address, sourcePort: UInt16, interface: String, socket: DHCPSocketID
    ) {
        self.bytes = bytes
        self.sourceAddress = sourceAddress
        self.sourcePort = sourcePort
        self.interface = interface
        self.socket = socket
    }
}

/// A datagram to send: a serialized reply, where to, and through which socket.
public struct DHCPOutgoingDatagram: Sendable {
    public var bytes: [UInt8]
    /// The IP destination; 255.255.255.255 for a broadcast (the socket has SO_BROADCAST).
    public var address: IPv4Address
    public var port: UInt16
    public var socket: DHCPSocketID
    /// Set to send the datagram straight to this MAC through the socket's packet socket (a unicast to
    /// `yiaddr` before the client has it); only when ``DHCPTransport/canSendDirectly(via:)``.
    public var hardwareAddress: [UInt8]?

    public init(
        bytes: [UInt8], address: IPv4Address, port: UInt16, socket: DHCPSocketID, hardwareAddress: [UInt8]? = nil
    ) {
        self.bytes = bytes
        self.address = address
        self.port = port
        self.socket = socket
        self.hardwareAddress = hardwareAddress
    }
}

/// Which of the transport's sockets: an index into ``DHCPTransport/sockets``.
public struct DHCPSocketID: Hashable, Sendable {
    public var index: Int
    public init(_ index: Int) { self.index = index }
}
