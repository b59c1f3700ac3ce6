extension DHCPOptionValue {
    /// The raw option value (without code and length), as ``DHCPOption/value`` holds it.
    ///
    /// Encoding never fails; values the decoder would refuse (an empty address list, an empty string, a
    /// `maximumMessageSize` below 576) are still written as given, so a test can build a malformed option.
    public var encoded: [UInt8] {
        switch self {
        case .subnetMask(let address), .broadcastAddress(let address), .requestedIPAddress(let address),
            .serverIdentifier(let address):
            return address.octets
        case .timeOffset(let offset): return Self.bigEndian(UInt32(bitPattern: offset))
        case .routers(let addresses), .domainNameServers(let addresses), .ntpServers(let addresses),
            .tftpServerAddresses(let addresses):
            var bytes: [UInt8] = []
            bytes.reserveCapacity(4 * addresses.count)
            for address in addresses { address.append(to: &bytes) }
            return bytes
        case .hostName(let text), .domainName(let text), .vendorClassIdentifier(let text), .tftpServerName(let text),
            .bootFileName(let text):
            return Array(text.utf8)
        case .vendorEncapsulatedOptions(let bytes), .parameterRequestList(let bytes), .other(_, let bytes):
            return bytes
        case .leaseTime(let seconds), .renewalTime(let seconds), .rebindingTime(let seconds):
            return Self.bigEndian(seconds)
        case .overload(let overload): return [overload.rawValue]
        case .messageType(let type): return [type.rawValue]
        case .maximumMessageSize(let size):
            return [UInt8(truncatingIfNeeded: size >> 8), UInt8(truncatingIfNeeded: size)]
        case .clientIdentifier(let identifier): return identifier.bytes
        case .relayAgentInformation(let information): return information.encoded
        case .sipServers(let servers): return servers.encoded
        }
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [
            UInt8(truncatingIfNeeded: value >> 24), UInt8(truncatingIfNeeded: value >> 16),
            UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value),
        ]
    }
}
