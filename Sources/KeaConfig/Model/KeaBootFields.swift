import DHCPCodec

/// The BOOTP fixed fields a level may set: `next-server` (siaddr), `server-hostname` (sname, 64 octets),
/// `boot-file-name` (file, 128 octets) — RFC 2131 §2. Allowed at global, subnet, class and host level.
public struct KeaBootFields: Equatable, Sendable {
    public var nextServer: IPv4Address?
    public var serverHostname: String?
    public var bootFileName: String?

    public init(nextServer: IPv4Address? = nil, serverHostname: String? = nil, bootFileName: String? = nil) {
        self.nextServer = nextServer
        self.serverHostname = serverHostname
        self.bootFileName = bootFileName
    }

    public var isEmpty: Bool { nextServer == nil && serverHostname == nil && bootFileName == nil }
}
