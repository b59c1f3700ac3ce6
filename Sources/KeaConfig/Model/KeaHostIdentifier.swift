import CastorCore

/// What identifies a reserved host: one of Kea's five identifier kinds and its bytes.
///
/// Values are hex (`00:04:13:aa:bb:01`, `000413aabb01`) or, for any kind, a quoted text (`'port1'`) taken as
/// its UTF-8 bytes, as Kea's `Host::setIdentifier` reads them.
public struct KeaHostIdentifier: Hashable, Sendable, CustomStringConvertible {
    /// The key naming the identifier in a reservation, and in `host-reservation-identifiers`.
    public enum Kind: String, Sendable, CaseIterable {
        case hwAddress = "hw-address"
        case duid
        case circuitID = "circuit-id"
        case clientID = "client-id"
        case flexID = "flex-id"
    }

    public var kind: Kind
    public var bytes: [UInt8]

    public init(kind: Kind, bytes: [UInt8]) {
        self.kind = kind
        self.bytes = bytes
    }

    /// The MAC address of an Ethernet `hw-address` (six octets), else `nil`.
    public var macAddress: MACAddress? {
        guard kind == .hwAddress else { return nil }
        return try? MACAddress(octets: bytes)
    }

    /// `hw-address 00:04:13:aa:bb:01`
    public var description: String { "\(kind.rawValue) \(KeaHexText.colonSeparated(bytes))" }
}
