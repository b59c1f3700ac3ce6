import DHCPCodec

/// An inclusive range of IPv4 addresses, as a Kea pool (`"10.0.0.10 - 10.0.0.99"` or `"10.0.0.64/26"`).
public struct KeaAddressRange: Hashable, Sendable, CustomStringConvertible {
    public var first: IPv4Address
    public var last: IPv4Address

    public init(first: IPv4Address, last: IPv4Address) {
        self.first = first
        self.last = last
    }

    public func contains(_ address: IPv4Address) -> Bool { first <= address && address <= last }

    public func overlaps(_ other: KeaAddressRange) -> Bool { first <= other.last && other.first <= last }

    /// How many addresses the range holds.
    public var count: UInt64 { UInt64(last.rawValue) - UInt64(first.rawValue) + 1 }

    /// `10.0.0.10-10.0.0.99`, as Kea prints a pool.
    public var description: String { "\(first)-\(last)" }
}
