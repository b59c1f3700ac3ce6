import CastorJSON

/// A dynamic address pool of a subnet: `{"pool": "10.20.0.100 - 10.20.0.199"}`.
///
/// A `"a/n"` pool starts at `a` itself, as in Kea 2.2 (`"10.0.0.15/30"` is the single address 10.0.0.15;
/// `kea-dhcp4 -t` prints it so), and ends at the last address of the prefix.
public struct KeaPool: Equatable, Sendable {
    public var range: KeaAddressRange
    public var options: [KeaOptionData] = []
    /// Only clients in this class may get an address from the pool.
    public var clientClass: String?
    public var requireClientClasses: [String] = []
    public var comment: String?
    public var userContext: JSONValue?
    public var position: JSONPosition

    public init(range: KeaAddressRange, position: JSONPosition) {
        self.range = range
        self.position = position
    }
}
