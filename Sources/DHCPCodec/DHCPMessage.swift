import CastorCore

/// A DHCPv4 message: the BOOTP fixed header (RFC 2131 §2) followed by the magic cookie and options.
///
/// ```
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +---------------+---------------+---------------+---------------+
/// |     op (1)    |   htype (1)   |   hlen (1)    |   hops (1)    |   0
/// +---------------+---------------+---------------+---------------+
/// |                            xid (4)                            |   4
/// +-------------------------------+-------------------------------+
/// |           secs (2)            |           flags (2)           |   8
/// +-------------------------------+-------------------------------+
/// |                          ciaddr  (4)                          |  12
/// |                          yiaddr  (4)                          |  16
/// |                          siaddr  (4)                          |  20
/// |                          giaddr  (4)                          |  24
/// +---------------------------------------------------------------+
/// |                          chaddr  (16)                         |  28
/// |                          sname   (64)                         |  44
/// |                          file    (128)                        | 108
/// +---------------------------------------------------------------+
/// |              magic cookie 99.130.83.99 (4)                    | 236
/// |                          options (variable)                   | 240
/// +---------------------------------------------------------------+
/// ```
///
/// Field names are RFC 2131's. `hlen` is not stored: it is `chaddr.count`. `sname` and `file` hold their
/// bytes without the trailing NUL padding (empty when unused or overloaded with options). ``options`` holds
/// every option in wire order, read from `options`, then `file`, then `sname` when option 52 says so, with
/// repeated codes joined (RFC 3396); option 52 itself is consumed by parsing and produced by serializing.
///
/// ```swift
/// let request = try DHCPMessage(parsing: datagram)
/// guard request.messageType == .discover else { return }
/// var offer = DHCPMessage(op: .reply, xid: request.xid, flags: request.flags, yiaddr: address,
///                         giaddr: request.giaddr, chaddr: request.chaddr)
/// offer.setOption(.messageType(.offer))
/// offer.setOption(.serverIdentifier(serverAddress))
/// let bytes = try offer.serialized(maximumMessageSize: request.maximumMessageSize ?? 576)
/// ```
public struct DHCPMessage: Hashable, Sendable {
    /// Message op code: BOOTREQUEST from clients and relays, BOOTREPLY from servers.
    public var op: DHCPOpcode
    /// Hardware address type, as in ARP (RFC 1700): 1 is Ethernet.
    public var htype: UInt8
    /// Relay hops; clients send 0, each relay adds 1 (RFC 1542 §4.1.1).
    public var hops: UInt8
    /// Transaction ID, chosen by the client and echoed by the server.
    public var xid: UInt32
    /// Seconds since the client began acquiring or renewing.
    public var secs: UInt16
    /// Flags; only the top bit, BROADCAST, is defined (RFC 2131 §2, figure 2). See ``isBroadcast``.
    public var flags: UInt16
    /// Client IP address, when the client is BOUND, RENEWING or REBINDING.
    public var ciaddr: IPv4Address
    /// "Your" (client) IP address, set by the server.
    public var yiaddr: IPv4Address
    /// Next server to use in bootstrap (Kea's `next-server`).
    public var siaddr: IPv4Address
    /// Relay agent IP address, set by the first relay.
    public var giaddr: IPv4Address
    /// Client hardware address: its count is `hlen`, at most 16 bytes.
    public var chaddr: [UInt8]
    /// Server host name (Kea's `server-hostname`), up to 64 bytes, trailing NULs removed.
    public var sname: [UInt8]
    /// Boot file name (Kea's `boot-file-name`), up to 128 bytes, trailing NULs removed.
    public var file: [UInt8]
    /// Options in wire order, one entry per code (RFC 3396 concatenation applied).
    public var options: [DHCPOption]

    public init(
        op: DHCPOpcode, htype: UInt8 = 1, hops: UInt8 = 0, xid: UInt32, secs: UInt16 = 0, flags: UInt16 = 0,
        ciaddr: IPv4Address = .any, yiaddr: IPv4Address = .any, siaddr: IPv4Address = .any,
        giaddr: IPv4Address = .any, chaddr: [UInt8] = [], sname: [UInt8] = [], file: [UInt8] = [],
        options: [DHCPOption] = []
    ) {
        self.op = op
        self.htype = htype
        self.hops = hops
        self.xid = xid
        self.secs = secs
        self.flags = flags
        self.ciaddr = ciaddr
        self.yiaddr = yiaddr
        self.siaddr = siaddr
        self.giaddr = giaddr
        self.chaddr = chaddr
        self.sname = sname
        self.file = file
        self.options = options
    }

    /// 99.130.83.99 (RFC 2131 §3, RFC 1497).
    public static let magicCookie: UInt32 = 0x6382_5363
    /// The BROADCAST bit of `flags` (RFC 2131 §2).
    public static let broadcastFlag: UInt16 = 0x8000

    /// Whether the client asks for a broadcast reply (RFC 2131 §4.1).
    public var isBroadcast: Bool {
        get { flags & Self.broadcastFlag != 0 }
        set { flags = newValue ? flags | Self.broadcastFlag : flags & ~Self.broadcastFlag }
    }

    /// The client's MAC address, when `htype` is 1 (Ethernet) and `hlen` is 6.
    public var macAddress: MACAddress? {
        guard htype == 1 else { return nil }
        return try? MACAddress(octets: chaddr)
    }

    /// A message whose `chaddr` is an Ethernet MAC address (`htype` 1, `hlen` 6).
    public init(op: DHCPOpcode, xid: UInt32, macAddress: MACAddress, options: [DHCPOption] = []) {
        self.init(op: op, htype: 1, xid: xid, chaddr: macAddress.octets, options: options)
    }
}

extension DHCPMessage {
    // Byte offsets of the fixed fields (RFC 2131 §2).
    static let chaddrOffset = 28
    static let snameOffset = 44
    static let fileOffset = 108
    static let cookieOffset = 236
    static let optionsOffset = 240
    static let chaddrLength = 16
    static let snameLength = 64
    static let fileLength = 128
}
