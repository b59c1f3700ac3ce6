/// The DHCP message type, option 53 (RFC 2132 §9.6), one octet.
///
/// ```
///  Code   Len  Type
/// +-----+-----+-----+
/// |  53 |  1  | 1-8 |
/// +-----+-----+-----+
/// ```
///
/// Values beyond 8 (RFC 4388 lease query: 10–13, RFC 6926 bulk lease query: 14–18) are kept as `.other`.
public enum DHCPMessageType: Hashable, Sendable, CustomStringConvertible {
    case discover
    case offer
    case request
    case decline
    case ack
    case nak
    case release
    case inform
    /// Any other value, kept as sent (e.g. 10 `DHCPLEASEQUERY`).
    case other(UInt8)

    public init(rawValue: UInt8) {
        switch rawValue {
        case 1: self = .discover
        case 2: self = .offer
        case 3: self = .request
        case 4: self = .decline
        case 5: self = .ack
        case 6: self = .nak
        case 7: self = .release
        case 8: self = .inform
        default: self = .other(rawValue)
        }
    }

    public var rawValue: UInt8 {
        switch self {
        case .discover: 1
        case .offer: 2
        case .request: 3
        case .decline: 4
        case .ack: 5
        case .nak: 6
        case .release: 7
        case .inform: 8
        case .other(let value): value
        }
    }

    /// The RFC 2131 name, `DHCPDISCOVER`, as Kea logs it.
    public var description: String {
        switch self {
        case .discover: "DHCPDISCOVER"
        case .offer: "DHCPOFFER"
        case .request: "DHCPREQUEST"
        case .decline: "DHCPDECLINE"
        case .ack: "DHCPACK"
        case .nak: "DHCPNAK"
        case .release: "DHCPRELEASE"
        case .inform: "DHCPINFORM"
        case .other(10): "DHCPLEASEQUERY"
        case .other(11): "DHCPLEASEUNASSIGNED"
        case .other(12): "DHCPLEASEUNKNOWN"
        case .other(13): "DHCPLEASEACTIVE"
        case .other(let value): "DHCP message type \(value)"
        }
    }
}
