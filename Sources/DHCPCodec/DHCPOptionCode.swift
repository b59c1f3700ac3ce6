/// Option codes a DHCPv4 server handles (RFC 2132 unless noted), with Kea 2.2's option names.
///
/// ``DHCPOption/code`` is a plain `UInt8`, so any code can be carried; these are names for the common ones.
///
/// ```swift
/// message.option(DHCPOptionCode.vendorClassIdentifier)
/// DHCPOptionCode.name(of: 61)   // "dhcp-client-identifier"
/// ```
public enum DHCPOptionCode {
    /// 0: one byte of padding, no length (RFC 2132 §3.1).
    public static let pad: UInt8 = 0
    public static let subnetMask: UInt8 = 1
    public static let timeOffset: UInt8 = 2
    public static let routers: UInt8 = 3
    public static let domainNameServers: UInt8 = 6
    public static let hostName: UInt8 = 12
    public static let domainName: UInt8 = 15
    public static let broadcastAddress: UInt8 = 28
    public static let ntpServers: UInt8 = 42
    public static let vendorEncapsulatedOptions: UInt8 = 43
    public static let requestedIPAddress: UInt8 = 50
    public static let leaseTime: UInt8 = 51
    public static let overload: UInt8 = 52
    public static let messageType: UInt8 = 53
    public static let serverIdentifier: UInt8 = 54
    public static let parameterRequestList: UInt8 = 55
    public static let maximumMessageSize: UInt8 = 57
    public static let renewalTime: UInt8 = 58
    public static let rebindingTime: UInt8 = 59
    public static let vendorClassIdentifier: UInt8 = 60
    public static let clientIdentifier: UInt8 = 61
    public static let tftpServerName: UInt8 = 66
    public static let bootFileName: UInt8 = 67
    /// 82: relay agent information (RFC 3046).
    public static let relayAgentInformation: UInt8 = 82
    /// 120: SIP servers (RFC 3361).
    public static let sipServers: UInt8 = 120
    /// 150: TFTP server addresses (RFC 5859).
    public static let tftpServerAddresses: UInt8 = 150
    /// 255: end of options, no length (RFC 2132 §3.2).
    public static let end: UInt8 = 255

    /// Kea's name for the code (`kea-dhcp4.conf` `option-data[].name`), or `nil` for codes we do not name.
    ///
    /// 120 and 150 are not standard definitions in Kea 2.2 (they need an `option-def`); the names given are
    /// the ones our generated `option-def`s use.
    public static func name(of code: UInt8) -> String? {
        switch code {
        case 1: "subnet-mask"
        case 2: "time-offset"
        case 3: "routers"
        case 6: "domain-name-servers"
        case 12: "host-name"
        case 15: "domain-name"
        case 28: "broadcast-address"
        case 42: "ntp-servers"
        case 43: "vendor-encapsulated-options"
        case 50: "dhcp-requested-address"
        case 51: "dhcp-lease-time"
        case 52: "dhcp-option-overload"
        case 53: "dhcp-message-type"
        case 54: "dhcp-server-identifier"
        case 55: "dhcp-parameter-request-list"
        case 57: "dhcp-max-message-size"
        case 58: "dhcp-renewal-time"
        case 59: "dhcp-rebinding-time"
        case 60: "vendor-class-identifier"
        case 61: "dhcp-client-identifier"
        case 66: "tftp-server-name"
        case 67: "boot-file-name"
        case 82: "dhcp-agent-options"
        case 120: "sip-server"
        case 150: "tftp-server-address"
        default: nil
        }
    }
}
