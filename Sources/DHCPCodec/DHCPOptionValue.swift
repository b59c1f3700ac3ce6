/// The typed value of a DHCPv4 option a server reads or sends; ``other(code:value:)`` for the rest.
///
/// Each case names the RFC layout it decodes. ``DHCPOption/decoded`` produces one from raw bytes (or a
/// ``DHCPOptionError``); ``DHCPOption/init(_:)`` encodes one.
///
/// ```swift
/// reply.setOption(.messageType(.offer))
/// reply.setOption(.sipServers(.addresses([IPv4Address(10, 0, 0, 5)])))
/// ```
public enum DHCPOptionValue: Hashable, Sendable {
    /// 1: subnet mask, 4 bytes (RFC 2132 §3.3).
    case subnetMask(IPv4Address)
    /// 2: seconds east of UTC, signed 32-bit (RFC 2132 §3.4).
    case timeOffset(Int32)
    /// 3: routers, n × 4 bytes (RFC 2132 §3.5).
    case routers([IPv4Address])
    /// 6: DNS servers, n × 4 bytes (RFC 2132 §3.8).
    case domainNameServers([IPv4Address])
    /// 12: host name, text (RFC 2132 §3.14).
    case hostName(String)
    /// 15: domain name, text (RFC 2132 §3.17).
    case domainName(String)
    /// 28: broadcast address, 4 bytes (RFC 2132 §5.3).
    case broadcastAddress(IPv4Address)
    /// 42: NTP servers, n × 4 bytes (RFC 2132 §8.3).
    case ntpServers([IPv4Address])
    /// 43: vendor-specific information, raw (RFC 2132 §8.4); see ``DHCPOption/encapsulatedOptions(in:)``.
    case vendorEncapsulatedOptions([UInt8])
    /// 50: requested IP address, 4 bytes (RFC 2132 §9.1).
    case requestedIPAddress(IPv4Address)
    /// 51: lease time in seconds, unsigned 32-bit (RFC 2132 §9.2).
    case leaseTime(UInt32)
    /// 52: option overload, 1 byte (RFC 2132 §9.3).
    case overload(DHCPOverload)
    /// 53: message type, 1 byte (RFC 2132 §9.6).
    case messageType(DHCPMessageType)
    /// 54: server identifier, 4 bytes (RFC 2132 §9.7).
    case serverIdentifier(IPv4Address)
    /// 55: parameter request list, n ≥ 1 option codes (RFC 2132 §9.8).
    case parameterRequestList([UInt8])
    /// 57: maximum DHCP message size, unsigned 16-bit, ≥ 576 (RFC 2132 §9.10).
    case maximumMessageSize(UInt16)
    /// 58: renewal (T1) time in seconds (RFC 2132 §9.11).
    case renewalTime(UInt32)
    /// 59: rebinding (T2) time in seconds (RFC 2132 §9.12).
    case rebindingTime(UInt32)
    /// 60: vendor class identifier, as text (RFC 2132 §9.13); Snom phones send `snom715` and the like.
    case vendorClassIdentifier(String)
    /// 61: client identifier (RFC 2132 §9.14).
    case clientIdentifier(ClientIdentifier)
    /// 66: TFTP server name, text (RFC 2132 §9.4); phones also take a provisioning URL here.
    case tftpServerName(String)
    /// 67: boot file name, text (RFC 2132 §9.5).
    case bootFileName(String)
    /// 82: relay agent information (RFC 3046).
    case relayAgentInformation(RelayAgentInformation)
    /// 120: SIP servers (RFC 3361).
    case sipServers(SIPServers)
    /// 150: TFTP server addresses, n × 4 bytes (RFC 5859 §4).
    case tftpServerAddresses([IPv4Address])
    /// Any other code, raw.
    case other(code: UInt8, value: [UInt8])

    /// The option code this value is carried under.
    public var code: UInt8 {
        switch self {
        case .subnetMask: DHCPOptionCode.subnetMask
        case .timeOffset: DHCPOptionCode.timeOffset
        case .routers: DHCPOptionCode.routers
        case .domainNameServers: DHCPOptionCode.domainNameServers
        case .hostName: DHCPOptionCode.hostName
        case .domainName: DHCPOptionCode.domainName
        case .broadcastAddress: DHCPOptionCode.broadcastAddress
        case .ntpServers: DHCPOptionCode.ntpServers
        case .vendorEncapsulatedOptions: DHCPOptionCode.vendorEncapsulatedOptions
        case .requestedIPAddress: DHCPOptionCode.requestedIPAddress
        case .leaseTime: DHCPOptionCode.leaseTime
        case .overload: DHCPOptionCode.overload
        case .messageType: DHCPOptionCode.messageType
        case .serverIdentifier: DHCPOptionCode.serverIdentifier
        case .parameterRequestList: DHCPOptionCode.parameterRequestList
        case .maximumMessageSize: DHCPOptionCode.maximumMessageSize
        case .renewalTime: DHCPOptionCode.renewalTime
        case .rebindingTime: DHCPOptionCode.rebindingTime
        case .vendorClassIdentifier: DHCPOptionCode.vendorClassIdentifier
        case .clientIdentifier: DHCPOptionCode.clientIdentifier
        case .tftpServerName: DHCPOptionCode.tftpServerName
        case .bootFileName: DHCPOptionCode.bootFileName
        case .relayAgentInformation: DHCPOptionCode.relayAgentInformation
        case .sipServers: DHCPOptionCode.sipServers
        case .tftpServerAddresses: DHCPOptionCode.tftpServerAddresses
        case .other(let code, _): code
        }
    }
}
