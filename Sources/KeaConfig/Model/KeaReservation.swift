import CastorJSON
import DHCPCodec

/// A host reservation (`reservations[]` of a subnet, or global): a fixed address and per-host settings.
///
/// ```json
/// {"hw-address": "00:04:13:aa:bb:01", "ip-address": "10.20.0.11", "hostname": "snom-1001"}
/// ```
public struct KeaReservation: Equatable, Sendable {
    public var identifier: KeaHostIdentifier
    public var ipAddress: IPv4Address?
    public var hostname: String?
    public var options: [KeaOptionData] = []
    /// Classes the host is put in, evaluated as if its packets matched them.
    public var clientClasses: [String] = []
    public var bootFields = KeaBootFields()
    public var comment: String?
    public var userContext: JSONValue?
    public var position: JSONPosition

    public init(identifier: KeaHostIdentifier, position: JSONPosition) {
        self.identifier = identifier
        self.position = position
    }
}
