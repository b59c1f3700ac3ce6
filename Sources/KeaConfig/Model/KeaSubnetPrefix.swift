import DHCPCodec

/// A subnet's `"prefix/len"` (`"10.20.0.0/24"`).
///
/// Kea 2.2 accepts host bits in the prefix (`"10.0.0.5/24"` passes `kea-dhcp4 -t`) and uses the masked
/// network for every containment test; so do we, and ``description`` prints what was written.
public struct KeaSubnetPrefix: Hashable, Sendable, CustomStringConvertible {
    public var address: IPv4Address
    public var length: Int

    public init(address: IPv4Address, length: Int) {
        self.address = address
        self.length = max(0, min(32, length))
    }

    /// The netmask: `/24` is `255.255.255.0`.
    public var mask: IPv4Address {
        IPv4Address(rawValue: length == 0 ? 0 : UInt32.max << UInt32(32 - length))
    }

    /// The first to the last address of the prefix, network and broadcast addresses included.
    public var range: KeaAddressRange {
        let network = address.rawValue & mask.rawValue
        return KeaAddressRange(
            first: IPv4Address(rawValue: network), last: IPv4Address(rawValue: network | ~mask.rawValue))
    }

    public func contains(_ address: IPv4Address) -> Bool { range.contains(address) }

    /// `10.20.0.0/24`
    public var description: String { "\(address)/\(length)" }
}
