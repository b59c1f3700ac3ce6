/// `lease-database`: where leases are kept. Castor implements Kea's `memfile` CSV journal only
/// (notes/kea-dhcp.md §3); `mysql` and `postgresql` are refused with a "not supported by castor" error.
public struct KeaLeaseDatabase: Equatable, Sendable {
    /// Whether leases are written to `name` at all (`persist: false` keeps them in memory).
    public var persist = true
    /// The CSV file; Kea's default is `/var/lib/kea/kea-leases4.csv`.
    public var name: String?
    /// Seconds between lease file cleanups; 0 turns them off.
    public var lfcInterval: UInt32 = 3600
    /// How many bad rows a load tolerates before failing; 0 means no limit.
    public var maxRowErrors: UInt32 = 0

    public init() {}

    /// Kea's default lease file.
    public static let defaultName = "/var/lib/kea/kea-leases4.csv"
}
