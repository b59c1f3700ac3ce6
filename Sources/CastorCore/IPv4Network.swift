/// An IPv4 network in CIDR notation (`10.20.0.0/24`), for allow lists. An address without a prefix length
/// is a /32. Host bits are cleared, so `10.20.0.7/24` is the network `10.20.0.0/24`.
///
/// ```swift
/// let lab = try IPv4Network(parsing: "10.20.0.0/24")
/// lab.contains(IPv4Network.address(parsing: "10.20.0.42")!)   // true
/// ```
public struct IPv4Network: Hashable, Sendable, CustomStringConvertible {
    /// The network address, host bits cleared, as a host-order integer.
    public let address: UInt32
    public let prefixLength: Int

    public init(address: UInt32, prefixLength: Int) {
        let length = max(0, min(32, prefixLength))
        self.prefixLength = length
        self.address = address & Self.mask(length)
    }

    /// Parses `a.b.c.d/n` or `a.b.c.d`.
    public init(parsing text: String) throws(IPv4NetworkError) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = Self.address(parsing: String(parts[0])) else { throw .invalidAddress(text) }
        var length = 32
        if parts.count == 2 {
            guard parts[1].count <= 2, parts[1].allSatisfy(\.isASCIIDigitCharacter), let parsed = Int(parts[1]),
                (0...32).contains(parsed)
            else { throw .invalidPrefixLength(text) }
            length = parsed
        }
        self.init(address: address, prefixLength: length)
    }

    public func contains(_ address: UInt32) -> Bool {
        address & Self.mask(prefixLength) == self.address
    }

    /// Whether `text` is a dotted-quad address inside the network (false for anything else).
    public func contains(_ text: String) -> Bool {
        Self.address(parsing: text).map(contains) ?? false
    }

    public var description: String { "\(Self.format(address))/\(prefixLength)" }

    /// A dotted quad as a host-order integer; nil unless exactly four decimal parts of 0…255.
    public static func address(parsing text: String) -> UInt32? {
        var value: UInt32 = 0
        var parts = 0
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            guard !part.isEmpty, part.count <= 3, part.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                let octet = UInt32(part), octet <= 255
            else { return nil }
            value = value << 8 | octet
            parts += 1
        }
        return parts == 4 ? value : nil
    }

    public static func format(_ address: UInt32) -> String {
        "\(address >> 24).\(address >> 16 & 0xFF).\(address >> 8 & 0xFF).\(address & 0xFF)"
    }

    private static func mask(_ length: Int) -> UInt32 {
        length == 0 ? 0 : UInt32.max << UInt32(32 - length)
    }
}

/// Why a text is not an IPv4 network.
public enum IPv4NetworkError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidAddress(String)
    case invalidPrefixLength(String)

    public var description: String {
        switch self {
        case .invalidAddress(let text): return "\"\(text)\" is not an IPv4 address or network (a.b.c.d/n)"
        case .invalidPrefixLength(let text): return "\"\(text)\" has no valid prefix length (0 to 32)"
        }
    }
}

extension Character {
    /// 0–9 only (not other scripts' digits, not `+`).
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isWholeNumber }
}
