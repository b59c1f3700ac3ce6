extension DHCPMessage {
    /// The option with this code, raw.
    public func option(_ code: UInt8) -> DHCPOption? { options.first { $0.code == code } }

    /// The typed value of the option with this code; `nil` when absent or malformed.
    public func optionValue(_ code: UInt8) -> DHCPOptionValue? {
        guard let option = option(code), case .success(let value) = option.decoded else { return nil }
        return value
    }

    /// Replaces the option with the same code in place, or appends it.
    public mutating func setOption(_ option: DHCPOption) {
        if let index = options.firstIndex(where: { $0.code == option.code }) {
            options[index] = option
        } else {
            options.append(option)
        }
    }

    /// Replaces the option with the same code in place, or appends it.
    public mutating func setOption(_ value: DHCPOptionValue) { setOption(DHCPOption(value)) }

    /// Removes every option with this code.
    public mutating func removeOption(_ code: UInt8) { options.removeAll { $0.code == code } }

    /// Options whose values are malformed for their type, in order: a server ignores them, and logs these.
    public var malformedOptions: [DHCPOptionError] {
        options.compactMap { option in
            if case .failure(let error) = option.decoded { return error }
            return nil
        }
    }
}

// Typed accessors: `nil` when the option is absent or malformed (see `malformedOptions`).
extension DHCPMessage {
    /// Option 53.
    public var messageType: DHCPMessageType? {
        if case .messageType(let value)? = optionValue(DHCPOptionCode.messageType) { value } else { nil }
    }
    /// Option 50.
    public var requestedIPAddress: IPv4Address? {
        if case .requestedIPAddress(let value)? = optionValue(DHCPOptionCode.requestedIPAddress) { value } else { nil }
    }
    /// Option 51, seconds.
    public var leaseTime: UInt32? {
        if case .leaseTime(let value)? = optionValue(DHCPOptionCode.leaseTime) { value } else { nil }
    }
    /// Option 54.
    public var serverIdentifier: IPv4Address? {
        if case .serverIdentifier(let value)? = optionValue(DHCPOptionCode.serverIdentifier) { value } else { nil }
    }
    /// Option 55.
    public var parameterRequestList: [UInt8]? {
        if case .parameterRequestList(let value)? = optionValue(DHCPOptionCode.parameterRequestList) {
            value
        } else {
            nil
        }
    }
    /// Option 57; values below 576 count as malformed.
    public var maximumMessageSize: UInt16? {
        if case .maximumMessageSize(let value)? = optionValue(DHCPOptionCode.maximumMessageSize) { value } else { nil }
    }
    /// Option 58, seconds.
    public var renewalTime: UInt32? {
        if case .renewalTime(let value)? = optionValue(DHCPOptionCode.renewalTime) { value } else { nil }
    }
    /// Option 59, seconds.
    public var rebindingTime: UInt32? {
        if case .rebindingTime(let value)? = optionValue(DHCPOptionCode.rebindingTime) { value } else { nil }
    }
    /// Option 61.
    public var clientIdentifier: ClientIdentifier? {
        if case .clientIdentifier(let value)? = optionValue(DHCPOptionCode.clientIdentifier) { value } else { nil }
    }
    /// Option 82.
    public var relayAgentInformation: RelayAgentInformation? {
        if case .relayAgentInformation(let value)? = optionValue(DHCPOptionCode.relayAgentInformation) {
            value
        } else {
            nil
        }
    }
    /// Option 60.
    public var vendorClassIdentifier: String? {
        if case .vendorClassIdentifier(let value)? = optionValue(DHCPOptionCode.vendorClassIdentifier) {
            value
        } else {
            nil
        }
    }
    /// Option 12.
    public var hostName: String? {
        if case .hostName(let value)? = optionValue(DHCPOptionCode.hostName) { value } else { nil }
    }
    /// Option 1.
    public var subnetMask: IPv4Address? {
        if case .subnetMask(let value)? = optionValue(DHCPOptionCode.subnetMask) { value } else { nil }
    }
    /// Option 2, seconds east of UTC.
    public var timeOffset: Int32? {
        if case .timeOffset(let value)? = optionValue(DHCPOptionCode.timeOffset) { value } else { nil }
    }
    /// Option 3.
    public var routers: [IPv4Address]? {
        if case .routers(let value)? = optionValue(DHCPOptionCode.routers) { value } else { nil }
    }
    /// Option 6.
    public var domainNameServers: [IPv4Address]? {
        if case .domainNameServers(let value)? = optionValue(DHCPOptionCode.domainNameServers) { value } else { nil }
    }
    /// Option 15.
    public var domainName: String? {
        if case .domainName(let value)? = optionValue(DHCPOptionCode.domainName) { value } else { nil }
    }
    /// Option 28.
    public var broadcastAddress: IPv4Address? {
        if case .broadcastAddress(let value)? = optionValue(DHCPOptionCode.broadcastAddress) { value } else { nil }
    }
    /// Option 42.
    public var ntpServers: [IPv4Address]? {
        if case .ntpServers(let value)? = optionValue(DHCPOptionCode.ntpServers) { value } else { nil }
    }
    /// Option 43, raw; see ``DHCPOption/encapsulatedOptions(in:)``.
    public var vendorEncapsulatedOptions: [UInt8]? {
        if case .vendorEncapsulatedOptions(let value)? = optionValue(DHCPOptionCode.vendorEncapsulatedOptions) {
            value
        } else {
            nil
        }
    }
    /// Option 66.
    public var tftpServerName: String? {
        if case .tftpServerName(let value)? = optionValue(DHCPOptionCode.tftpServerName) { value } else { nil }
    }
    /// Option 67.
    public var bootFileName: String? {
        if case .bootFileName(let value)? = optionValue(DHCPOptionCode.bootFileName) { value } else { nil }
    }
    /// Option 120.
    public var sipServers: SIPServers? {
        if case .sipServers(let value)? = optionValue(DHCPOptionCode.sipServers) { value } else { nil }
    }
    /// Option 150.
    public var tftpServerAddresses: [IPv4Address]? {
        if case .tftpServerAddresses(let value)? = optionValue(DHCPOptionCode.tftpServerAddresses) {
            value
        } else {
            nil
        }
    }
}
