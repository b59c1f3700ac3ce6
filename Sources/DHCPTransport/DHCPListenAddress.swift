import DHCPCodec

/// One entry of Kea's `interfaces-config.interfaces` (Kea 2.2 ARM §8.2.4): what to listen on.
///
/// ```
/// "lo/127.0.0.1"  →  .address(interface: "lo", 127.0.0.1)
/// "eth0"          →  .interface("eth0")
/// "*"             →  .all
/// ```
public enum DHCPListenAddress: Hashable, Sendable, CustomStringConvertible {
    /// Every interface (Kea opens one socket per interface; we bind 0.0.0.0 once).
    case all
    /// Every IPv4 address of one interface.
    case interface(String)
    /// One address of one interface.
    case address(interface: String, IPv4Address)

    /// Parses one entry as written in `kea-dhcp4.conf`; nil when the part after `/` is not an IPv4 address.
    public init?(_ entry: String) {
        if entry == "*" {
            self = .all
            return
        }
        guard let slash = entry.firstIndex(of: "/") else {
            guard !entry.isEmpty else { return nil }
            self = .interface(entry)
            return
        }
        let name = String(entry[..<slash])
        guard !name.isEmpty, let address = IPv4Address(String(entry[entry.index(after: slash)...])) else {
            return nil
        }
        self = .address(interface: name, address)
    }

    public var description: String {
        switch self {
        case .all: "*"
        case .interface(let name): name
        case .address(let name, let address): "\(name)/\(address)"
        }
    }
}
