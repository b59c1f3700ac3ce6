/// Relay agent information, option 82 (RFC 3046 §2.0): sub-options a relay adds to a client's request and a
/// server echoes, unchanged, in its reply.
///
/// ```
///  Code   Len   Agent Information Field
/// +-----+-----+-----+-----+-----+-----+-----+-----+---
/// |  82 |  N  | SC1 | L1  | v1 ... | SC2 | L2  | v2 ...
/// +-----+-----+-----+-----+-----+-----+-----+-----+---
/// ```
///
/// Sub-options have no pad or end codes. They are kept in order with raw values, so ``encoded`` reproduces the
/// relay's bytes exactly, including sub-options this type does not name.
///
/// ```swift
/// let info = try RelayAgentInformation(parsing: option82.value)
/// info.circuitID      // [0x00, 0x04, 0x00, 0x64, …] (often "port, VLAN"; opaque to us)
/// info.linkSelection  // RFC 3527 sub-option 5, when the relay names the client's subnet
/// ```
public struct RelayAgentInformation: Hashable, Sendable, CustomStringConvertible {
    /// One sub-option: a code and up to 255 bytes of value.
    public struct SubOption: Hashable, Sendable {
        /// 1 circuit ID, 2 remote ID (RFC 3046 §3); 5 link selection (RFC 3527); others kept as sent.
        public var code: UInt8
        /// Up to 255 bytes; anything longer is cut to 255 by ``RelayAgentInformation/encoded``.
        public var value: [UInt8]

        public init(code: UInt8, value: [UInt8]) {
            self.code = code
            self.value = value
        }
    }

    public static let circuitIDCode: UInt8 = 1
    public static let remoteIDCode: UInt8 = 2
    public static let linkSelectionCode: UInt8 = 5

    public var subOptions: [SubOption]

    public init(subOptions: [SubOption]) { self.subOptions = subOptions }

    /// Parses the option 82 value. Throws when a sub-option runs past the end.
    public init(parsing value: [UInt8]) throws(DHCPOptionError) {
        var subOptions: [SubOption] = []
        var index = 0
        while index < value.count {
            let code = value[index]
            guard index + 1 < value.count, index + 2 + Int(value[index + 1]) <= value.count else {
                throw DHCPOptionError(
                    code: DHCPOptionCode.relayAgentInformation, reason: .truncatedSubOption(code: code, offset: index))
            }
            let start = index + 2
            let end = start + Int(value[index + 1])
            subOptions.append(SubOption(code: code, value: Array(value[start..<end])))
            index = end
        }
        guard !subOptions.isEmpty else {
            throw DHCPOptionError(code: DHCPOptionCode.relayAgentInformation, reason: .tooShort(actual: 0, minimum: 2))
        }
        self.subOptions = subOptions
    }

    /// The first sub-option with this code.
    public func subOption(_ code: UInt8) -> [UInt8]? { subOptions.first { $0.code == code }?.value }

    /// Sub-option 1, the agent circuit ID (RFC 3046 §3.1); Kea's `circuit-id` reservations match it.
    public var circuitID: [UInt8]? { subOption(Self.circuitIDCode) }
    /// Sub-option 2, the agent remote ID (RFC 3046 §3.2).
    public var remoteID: [UInt8]? { subOption(Self.remoteIDCode) }
    /// Sub-option 5, link selection (RFC 3527 §3): the subnet to choose from instead of `giaddr`'s.
    public var linkSelection: IPv4Address? { subOption(Self.linkSelectionCode).flatMap { IPv4Address(octets: $0) } }

    /// The option 82 value, sub-options in order.
    public var encoded: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(subOptions.reduce(0) { $0 + 2 + min($1.value.count, 255) })
        for subOption in subOptions {
            let length = min(subOption.value.count, 255)
            bytes.append(subOption.code)
            bytes.append(UInt8(length))
            bytes.append(contentsOf: subOption.value.prefix(length))
        }
        return bytes
    }

    /// `circuit-id=00:04:00:64 remote-id=00:04:13:aa:bb:cc`, for logs.
    public var description: String {
        subOptions.map { subOption in
            let name =
                switch subOption.code {
                case Self.circuitIDCode: "circuit-id"
                case Self.remoteIDCode: "remote-id"
                case Self.linkSelectionCode: "link-selection"
                default: "sub-option-\(subOption.code)"
                }
            return "\(name)=\(HexText.colonSeparated(subOption.value))"
        }.joined(separator: " ")
    }
}
