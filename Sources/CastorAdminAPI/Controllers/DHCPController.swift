import Hummingbird

/// A DHCP lease as `GET /api/dhcp/leases` lists it (Kea's `lease4-get-all` fields, snake_case as the API's).
public struct DHCPLeaseView: Codable, Equatable, Sendable {
    public var address: String
    public var hwAddress: String
    public var clientID: String
    public var hostname: String
    public var subnetID: UInt32
    /// `active`, `expired`, `declined` or `reclaimed`.
    public var state: String
    /// Seconds since the epoch.
    public var expire: Int64
    public var validLifetime: UInt32

    public init(
        address: String, hwAddress: String, clientID: String, hostname: String, subnetID: UInt32, state: String,
        expire: Int64, validLifetime: UInt32
    ) {
        self.address = address
        self.hwAddress = hwAddress
        self.clientID = clientID
        self.hostname = hostname
        self.subnetID = subnetID
        self.state = state
        self.expire = expire
        self.validLifetime = validLifetime
    }

    enum CodingKeys: String, CodingKey {
        case address, hostname, state, expire
        case hwAddress = "hw_address"
        case clientID = "client_id"
        case subnetID = "subnet_id"
        case validLifetime = "valid_lifetime"
    }
}

/// `GET /api/dhcp/leases`: the DHCP server's current leases, read by the closure the executable wires (from
/// the memfile lease files `castor dhcp` writes before each ACK), so the API needs no DHCP code of its own.
struct DHCPController: Sendable {
    let leases: (@Sendable () throws -> [DHCPLeaseView])?

    func addRoutes(to group: RouterGroup<AdminRequestContext>) {
        let leases = self.leases
        group.get("dhcp/leases") { _, _ in
            guard let leases else {
                throw APIError(.notFound, "DHCP is not configured on this appliance")
            }
            return try JSONResponse.make(ItemList(try leases()))
        }
    }
}
