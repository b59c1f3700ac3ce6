/// An option data type as Kea names it in `option-def` `type` and `record-types` (Kea 2.2,
/// `src/lib/dhcp/option_data_types.cc`, `OptionDataTypeUtil`).
///
/// Castor encodes the types a DHCPv4 lab needs; Kea's `ipv6-address`, `ipv6-prefix`, `psid`, `tuple` and
/// `int8`-less variants are refused with a "not supported by castor" error rather than encoded wrongly.
public enum KeaOptionType: String, Sendable, Equatable, CaseIterable {
    /// No payload (or only encapsulated sub-options).
    case empty
    /// Opaque bytes, written as hex.
    case binary
    /// One octet, 1 or 0; data `true`/`false`/`1`/`0`.
    case boolean
    case int8, int16, int32
    case uint8, uint16, uint32
    case ipv4Address = "ipv4-address"
    case string
    /// A domain name in DNS wire format (RFC 1035 §3.1), no compression.
    case fqdn
    /// A sequence of fields, typed by `record-types`.
    case record

    /// The encoded size of a fixed-width type, `nil` for variable-length ones.
    var fixedWidth: Int? {
        switch self {
        case .boolean, .int8, .uint8: 1
        case .int16, .uint16: 2
        case .int32, .uint32, .ipv4Address: 4
        case .empty, .binary, .string, .fqdn, .record: nil
        }
    }

    /// Types Kea knows but Castor does not encode.
    static let unsupportedKeaTypes: Set<String> = ["ipv6-address", "ipv6-prefix", "psid", "tuple", "internal"]
}
