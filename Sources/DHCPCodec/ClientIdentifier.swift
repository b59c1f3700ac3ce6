import CastorCore

/// The client identifier, option 61 (RFC 2132 §9.14): a type octet and an identifier of at least one byte.
///
/// ```
///  Code   Len   Type  Client-Identifier
/// +-----+-----+-----+-----+-----+---
/// |  61 |  n  |  t1 |  i1 |  i2 | ...       n ≥ 2
/// +-----+-----+-----+-----+-----+---
/// ```
///
/// Type 1 means the identifier is an Ethernet address (the ARP hardware type, as `htype`); type 255 is
/// RFC 4361's IAID + DUID. Kea matches reservations and leases on the whole byte string and prints it as
/// lower-case hex with colons, as ``description`` does.
///
/// ```swift
/// let id = ClientIdentifier(hardwareAddress: try MACAddress(parsing: "00:04:13:aa:bb:cc"))
/// id.description                                   // "01:00:04:13:aa:bb:cc"
/// ClientIdentifier(hex: "01:00:04:13:aa:bb:cc") == id  // true
/// ```
public struct ClientIdentifier: Hashable, Sendable, CustomStringConvertible {
    /// The type octet.
    public var type: UInt8
    /// The bytes after the type octet.
    public var identifier: [UInt8]

    public init(type: UInt8, identifier: [UInt8]) {
        self.type = type
        self.identifier = identifier
    }

    /// Type 1 with the six MAC octets, as dhclient and most phones send it.
    public init(hardwareAddress: MACAddress) {
        self.init(type: 1, identifier: hardwareAddress.octets)
    }

    /// The whole option value, type first; `nil` when shorter than 2 bytes (RFC 2132 §9.14).
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count >= 2, let first = bytes.first else { return nil }
        type = first
        identifier = Array(bytes.dropFirst())
    }

    /// Parses Kea's spellings: `01:00:04:13:aa:bb:cc`, `01 00 04 …`, `010004…`, `0x010004…`.
    public init?(hex text: String) {
        var digits = Substring(text)
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") { digits = digits.dropFirst(2) }
        var bytes: [UInt8] = []
        var pending: UInt8?
        for scalar in digits.unicodeScalars {
            let nibble: UInt8
            switch scalar {
            case "0"..."9": nibble = UInt8(scalar.value - 48)
            case "a"..."f": nibble = UInt8(scalar.value - 87)
            case "A"..."F": nibble = UInt8(scalar.value - 55)
            case ":", " ":
                // A separator ends a byte; "1:2" is read as 01:02, as Kea does.
                if let high = pending { bytes.append(high) }
                pending = nil
                continue
            default: return nil
            }
            if let high = pending {
                bytes.append(high << 4 | nibble)
                pending = nil
            } else {
                pending = nibble
            }
        }
        if let high = pending { bytes.append(high) }
        self.init(bytes: bytes)
    }

    /// The option value: the type octet, then the identifier.
    public var bytes: [UInt8] { [type] + identifier }

    /// The MAC address, when the type is 1 (Ethernet) and the identifier is six bytes.
    public var hardwareAddress: MACAddress? {
        guard type == 1 else { return nil }
        return try? MACAddress(octets: identifier)
    }

    /// `01:00:04:13:aa:bb:cc`, as Kea prints client ids in logs and `lease4-get`.
    public var description: String { HexText.colonSeparated(bytes) }
}
