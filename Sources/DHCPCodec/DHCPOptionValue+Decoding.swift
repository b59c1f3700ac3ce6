extension DHCPOptionValue {
    /// Decodes a raw option value by its code. Codes without a type here become ``other(code:value:)``.
    public init(code: UInt8, value: [UInt8]) throws(DHCPOptionError) {
        let reader = Reader(code: code, value: value)
        switch code {
        case DHCPOptionCode.subnetMask: self = .subnetMask(try reader.address())
        case DHCPOptionCode.timeOffset: self = .timeOffset(Int32(bitPattern: try reader.uint32()))
        case DHCPOptionCode.routers: self = .routers(try reader.addresses())
        case DHCPOptionCode.domainNameServers: self = .domainNameServers(try reader.addresses())
        case DHCPOptionCode.hostName: self = .hostName(try reader.text())
        case DHCPOptionCode.domainName: self = .domainName(try reader.text())
        case DHCPOptionCode.broadcastAddress: self = .broadcastAddress(try reader.address())
        case DHCPOptionCode.ntpServers: self = .ntpServers(try reader.addresses())
        case DHCPOptionCode.vendorEncapsulatedOptions:
            guard !value.isEmpty else { throw reader.error(.tooShort(actual: 0, minimum: 1)) }
            self = .vendorEncapsulatedOptions(value)
        case DHCPOptionCode.requestedIPAddress: self = .requestedIPAddress(try reader.address())
        case DHCPOptionCode.leaseTime: self = .leaseTime(try reader.uint32())
        case DHCPOptionCode.overload:
            let byte = try reader.uint8()
            guard let overload = DHCPOverload(rawValue: byte) else { throw reader.error(.outOfRange(value: Int(byte))) }
            self = .overload(overload)
        case DHCPOptionCode.messageType: self = .messageType(DHCPMessageType(rawValue: try reader.uint8()))
        case DHCPOptionCode.serverIdentifier: self = .serverIdentifier(try reader.address())
        case DHCPOptionCode.parameterRequestList:
            guard !value.isEmpty else { throw reader.error(.tooShort(actual: 0, minimum: 1)) }
            self = .parameterRequestList(value)
        case DHCPOptionCode.maximumMessageSize:
            let size = try reader.uint16()
            // RFC 2132 §9.10: "The minimum legal value is 576 octets."
            guard size >= 576 else { throw reader.error(.outOfRange(value: Int(size))) }
            self = .maximumMessageSize(size)
        case DHCPOptionCode.renewalTime: self = .renewalTime(try reader.uint32())
        case DHCPOptionCode.rebindingTime: self = .rebindingTime(try reader.uint32())
        case DHCPOptionCode.vendorClassIdentifier: self = .vendorClassIdentifier(try reader.text())
        case DHCPOptionCode.clientIdentifier:
            guard let identifier = ClientIdentifier(bytes: value) else {
                throw reader.error(.tooShort(actual: value.count, minimum: 2))
            }
            self = .clientIdentifier(identifier)
        case DHCPOptionCode.tftpServerName: self = .tftpServerName(try reader.text())
        case DHCPOptionCode.bootFileName: self = .bootFileName(try reader.text())
        case DHCPOptionCode.relayAgentInformation:
            self = .relayAgentInformation(try RelayAgentInformation(parsing: value))
        case DHCPOptionCode.sipServers: self = .sipServers(try SIPServers(parsing: value))
        case DHCPOptionCode.tftpServerAddresses: self = .tftpServerAddresses(try reader.addresses())
        default: self = .other(code: code, value: value)
        }
    }
}

/// Reads one option value as a fixed-size integer, address, address list or text.
private struct Reader {
    let code: UInt8
    let value: [UInt8]

    func error(_ reason: DHCPOptionError.Reason) -> DHCPOptionError { DHCPOptionError(code: code, reason: reason) }

    func fixed(_ size: Int) throws(DHCPOptionError) -> UInt32 {
        guard value.count == size else { throw error(.wrongLength(actual: value.count, expected: size)) }
        return value.reduce(0) { $0 << 8 | UInt32($1) }
    }

    func uint8() throws(DHCPOptionError) -> UInt8 { UInt8(truncatingIfNeeded: try fixed(1)) }
    func uint16() throws(DHCPOptionError) -> UInt16 { UInt16(truncatingIfNeeded: try fixed(2)) }
    func uint32() throws(DHCPOptionError) -> UInt32 { try fixed(4) }
    func address() throws(DHCPOptionError) -> IPv4Address { IPv4Address(rawValue: try fixed(4)) }

    func addresses() throws(DHCPOptionError) -> [IPv4Address] {
        guard let addresses = IPv4AddressList.decode(value) else {
            throw error(.notAListOf(itemSize: 4, actual: value.count))
        }
        return addresses
    }

    /// RFC 2132 §2: text options are not NUL-terminated, but some clients add one; like Kea's OptionString,
    /// trailing NULs are dropped. What remains must be non-empty UTF-8 (RFC 2132 gives a minimum length of 1).
    func text() throws(DHCPOptionError) -> String {
        var end = value.endIndex
        while end > value.startIndex && value[end - 1] == 0 { end -= 1 }
        guard end > value.startIndex, let text = String(validating: value[..<end], as: UTF8.self) else {
            throw error(.invalidText)
        }
        return text
    }
}
