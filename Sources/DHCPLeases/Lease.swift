import DHCPCodec

/// A DHCPv4 lease as Kea's memfile stores it: one row of `kea-leases4.csv` (Kea 2.2, schema 2.1).
///
/// `expire` is the client's last transmission time (cltt) plus the valid lifetime, in seconds since the
/// epoch; a lease with `validLifetime == 0` is a deletion (memfile writes the address again with 0).
public struct Lease: Equatable, Sendable {
    /// Kea's lease states (`Lease::STATE_*`).
    public enum State: UInt32, Sendable {
        case `default` = 0
        /// Declined by the client (DHCPDECLINE): held for the probation period.
        case declined = 1
        /// Expired and reclaimed: kept for lease affinity, free to reuse.
        case expiredReclaimed = 2
    }

    public var address: IPv4Address
    /// The client's hardware address (chaddr); may be empty (a client known only by its client id).
    public var hardwareAddress: [UInt8]
    /// Option 61, type byte included; empty when the client sent none (or `match-client-id` is false).
    public var clientID: [UInt8]
    public var validLifetime: UInt32
    /// cltt + valid lifetime, seconds since the epoch.
    public var expire: Int64
    public var subnetID: UInt32
    public var fqdnForward: Bool
    public var fqdnReverse: Bool
    public var hostname: String
    public var state: State
    /// A JSON object as text, or empty.
    public var userContext: String

    public init(
        address: IPv4Address, hardwareAddress: [UInt8], clientID: [UInt8] = [], validLifetime: UInt32, expire: Int64,
        subnetID: UInt32, fqdnForward: Bool = false, fqdnReverse: Bool = false, hostname: String = "",
        state: State = .default, userContext: String = ""
    ) {
        self.address = address
        self.hardwareAddress = hardwareAddress
        self.clientID = clientID
        self.validLifetime = validLifetime
        self.expire = expire
        self.subnetID = subnetID
        self.fqdnForward = fqdnForward
        self.fqdnReverse = fqdnReverse
        self.hostname = hostname
        self.state = state
        self.userContext = userContext
    }

    /// The client's last transmission time (seconds since the epoch).
    public var cltt: Int64 { expire - Int64(validLifetime) }

    /// A row with a zero lifetime: memfile's way of deleting the lease for `address`.
    public var isDeletion: Bool { validLifetime == 0 }

    /// Whether the lease has expired at `now` (epoch seconds).
    public func isExpired(at now: Int64) -> Bool { expire <= now }

    /// The deletion row for this lease, as Kea writes it on release or `lease4-del`: same fields, lifetime 0.
    public var deletion: Lease {
        var row = self
        row.validLifetime = 0
        return row
    }
}
