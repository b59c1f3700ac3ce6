/// An IPv4 address (RFC 791 §3.1), four octets in network byte order.
///
/// DHCP carries addresses as four raw octets (RFC 2131 §2: `ciaddr`, `yiaddr`, `siaddr`, `giaddr`; RFC 2132
/// options 1, 3, 6, 28, 42, 50, 54, 150). The value is one `UInt32`, so address lists cost no extra allocation
/// per address.
///
/// ```
///  0       8       16      24      32
/// +-------+-------+-------+-------+
/// |   a   |   b   |   c   |   d   |   a.b.c.d
/// +-------+-------+-------+-------+
/// ```
///
/// ```swift
/// let router = IPv4Address(10, 0, 0, 1)
/// IPv4Address("10.0.0.1") == router   // true
/// router.description                  // "10.0.0.1"
/// ```
public struct IPv4Address: Hashable, Sendable, Comparable, LosslessStringConvertible {
    /// The address as a host-order integer: `10.0.0.1` is `0x0A00_0001`.
    public var rawValue: UInt32

    /// `0.0.0.0`, the "no address" of `ciaddr`, `yiaddr` and `giaddr`.
    public static let any = IPv4Address(rawValue: 0)
    /// `255.255.255.255`, the limited broadcast (RFC 2131 §4.1).
    public static let broadcast = IPv4Address(rawValue: .max)

    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public init(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) {
        rawValue = UInt32(a) << 24 | UInt32(b) << 16 | UInt32(c) << 8 | UInt32(d)
    }

    /// The address in exactly four octets, or `nil` for any other length.
    public init?(octets: some Collection<UInt8>) {
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for octet in octets { value = value << 8 | UInt32(octet) }
        rawValue = value
    }

    /// The address in exactly four octets, or `nil` for any other length (the common case, unspecialized
    /// generics aside: an option value).
    @inlinable
    public init?(octets: [UInt8]) {
        guard octets.count == 4 else { return nil }
        rawValue = UInt32(octets[0]) << 24 | UInt32(octets[1]) << 16 | UInt32(octets[2]) << 8 | UInt32(octets[3])
    }

    /// Parses a dotted quad, `"192.0.2.1"`: four decimal parts 0–255, no leading zeros (as `inet_pton`).
    public init?(_ description: String) {
        var value: UInt32 = 0
        var part: UInt32 = 0
        var digits = 0
        var parts = 0
        for byte in description.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if digits == 1 && part == 0 { return nil }  // leading zero
                part = part * 10 + UInt32(byte - UInt8(ascii: "0"))
                digits += 1
                guard part <= 255 else { return nil }
            case UInt8(ascii: "."):
                guard digits > 0, parts < 3 else { return nil }
                value = value << 8 | part
                parts += 1
                part = 0
                digits = 0
            default:
                return nil
            }
        }
        guard digits > 0, parts == 3 else { return nil }
        rawValue = value << 8 | part
    }

    /// The four octets, most significant first.
    public var octets: [UInt8] {
        [
            UInt8(truncatingIfNeeded: rawValue >> 24), UInt8(truncatingIfNeeded: rawValue >> 16),
            UInt8(truncatingIfNeeded: rawValue >> 8), UInt8(truncatingIfNeeded: rawValue),
        ]
    }

    /// `"192.0.2.1"`
    public var description: String {
        "\(rawValue >> 24).\(rawValue >> 16 & 0xff).\(rawValue >> 8 & 0xff).\(rawValue & 0xff)"
    }

    public static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Appends the four octets in network byte order.
    func append(to bytes: inout [UInt8]) {
        bytes.append(UInt8(truncatingIfNeeded: rawValue >> 24))
        bytes.append(UInt8(truncatingIfNeeded: rawValue >> 16))
        bytes.append(UInt8(truncatingIfNeeded: rawValue >> 8))
        bytes.append(UInt8(truncatingIfNeeded: rawValue))
    }
}
