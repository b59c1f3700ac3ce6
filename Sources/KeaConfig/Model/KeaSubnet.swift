import CastorJSON
import DHCPCodec

/// A `subnet4[]` entry: a prefix, its pools and reservations, and settings that override the global ones.
///
/// ```json
/// {"id": 1, "subnet": "10.20.0.0/24", "pools": [{"pool": "10.20.0.100 - 10.20.0.199"}],
///  "relay": {"ip-addresses": ["127.0.0.2"]}}
/// ```
public struct KeaSubnet: Equatable, Sendable {
    /// The subnet id: as written, or assigned 1, 2, 3… in file order to subnets without one (Kea 2.2).
    public var id: UInt32
    /// Whether ``id`` was assigned rather than written; Kea 3 requires it written.
    public var idIsAutomatic = false
    public var prefix: KeaSubnetPrefix
    public var pools: [KeaPool] = []
    public var options: [KeaOptionData] = []
    public var reservations: [KeaReservation] = []
    /// Relay agent addresses (giaddr) that select this subnet.
    public var relayAddresses: [IPv4Address] = []
    public var clientClass: String?
    public var requireClientClasses: [String] = []
    public var interface: String?
    public var leaseTimes = KeaLeaseTimes()
    public var bootFields = KeaBootFields()
    public var authoritative: Bool?
    public var matchClientID: Bool?
    public var reservationsGlobal: Bool?
    public var reservationsInSubnet: Bool?
    public var reservationsOutOfPool: Bool?
    public var comment: String?
    public var userContext: JSONValue?
    public var position: JSONPosition

    public init(id: UInt32, prefix: KeaSubnetPrefix, position: JSONPosition) {
        self.id = id
        self.prefix = prefix
        self.position = position
    }

}
