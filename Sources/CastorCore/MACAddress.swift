/// A 48-bit IEEE 802 MAC address, as phones, DHCP and provisioning name a device.
///
/// Parsing accepts every spelling installers and phones use — `00:04:13:AA:BB:01`, `00-04-13-aa-bb-01`,
/// `000413AABB01`, `0004.13aa.bb01` — and the canonical form is lower-case with colons, as XiVO stores it.
///
/// ```swift
/// let mac = try MACAddress(parsing: "000413AABB01")
/// mac.description        // "00:04:13:aa:bb:01"
/// mac.compactUppercase   // "000413AABB01" (Snom's file names)
/// ```
public struct MACAddress: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The six octets, most significant first.
    public let octets: [UInt8]

    /// Why a text is not a MAC address.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let text: String
        public var description: String {
            "\"\(text)\" is not a MAC address (expected 12 hex digits, e.g. 00:04:13:aa:bb:01)"
        }
    }

    public init(octets: [UInt8]) throws(ParseError) {
        guard octets.count == 6 else {
            throw ParseError(text: octets.map { String($0, radix: 16) }.joined(separator: ":"))
        }
        self.octets = octets
    }

    /// Parses any common spelling: separators `:`, `-`, `.` or none, any case.
    public init(parsing text: String) throws(ParseError) {
        var digits: [UInt8] = []
        digits.reserveCapacity(12)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9": digits.append(UInt8(scalar.value - 48))
            case "a"..."f": digits.append(UInt8(scalar.value - 87))
            case "A"..."F": digits.append(UInt8(scalar.value - 55))
            case ":", "-", ".": continue
            default: throw ParseError(text: text)
            }
        }
        guard digits.count == 12 else { throw ParseError(text: text) }
        var octets: [UInt8] = []
        octets.reserveCapacity(6)
        for i in stride(from: 0, to: 12, by: 2) { octets.append(digits[i] << 4 | digits[i + 1]) }
        self.octets = octets
    }

    /// `00:04:13:aa:bb:01`
    public var description: String { octets.map(Self.hex).joined(separator: ":") }

    /// `000413AABB01`, the form Snom and most vendors put in file names and User-Agents.
    public var compactUppercase: String { octets.map(Self.hex).joined().uppercased() }

    /// `000413aabb01`, the form Yealink uses in file names.
    public var compactLowercase: String { octets.map(Self.hex).joined() }

    public static func < (lhs: MACAddress, rhs: MACAddress) -> Bool { lhs.octets.lexicographicallyPrecedes(rhs.octets) }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
    }
}

extension MACAddress: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try MACAddress(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
