/// `interfaces-config`: where the server listens (Kea 2.2 ARM §8.2.4).
///
/// ```json
/// "interfaces-config": {"interfaces": ["lo/127.0.0.1"], "dhcp-socket-type": "udp"}
/// ```
public struct KeaInterfacesConfig: Equatable, Sendable {
    /// How DHCP packets are received and sent: `raw` (the default, needed to unicast to a client with no
    /// address yet) or `udp` (relayed traffic only; replies to local clients are broadcast).
    public enum SocketType: String, Sendable {
        case raw
        case udp
    }

    /// `"eth0"`, `"eth0/192.0.2.1"` or `"*"`, as written.
    public var interfaces: [String] = []
    public var socketType: SocketType = .raw
    /// `use-routing` or `same-as-inbound` (the default), as written.
    public var outboundInterface: String?
    public var reDetect = true
    public var serviceSocketsRequireAll = false
    public var serviceSocketsMaxRetries: UInt32 = 0
    /// Milliseconds between bind retries.
    public var serviceSocketsRetryWaitTime: UInt32 = 5000

    public init() {}
}
