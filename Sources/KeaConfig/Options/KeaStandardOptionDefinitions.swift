/// Kea 2.2's standard DHCPv4 option definitions: name ↔ code ↔ type.
///
/// Transcribed from Kea's `src/lib/dhcp/std_option_defs.h` (`STANDARD_V4_OPTION_DEFINITIONS`, plus option 43
/// from `LAST_RESORT_V4_OPTION_DEFINITIONS`, which 2.2 also accepts by name) and checked by loading every
/// name with its code through `kea-dhcp4 -t` 2.2.0 (a name/code mismatch is an error there).
/// Option 212 (`option-6rd`, an IPv6 record) is left out: Castor does not encode IPv6 fields.
///
/// Not here, because Kea 2.2 does not define them: 120 (SIP servers, RFC 3361) and 150 (TFTP server
/// addresses, RFC 5859). A lab defines them with `option-def` (notes/kea-dhcp.md §2).
enum KeaStandardOptionDefinitions {
    static let all: [KeaOptionDefinition] = [
        KeaOptionDefinition("subnet-mask", 1, .ipv4Address),
        KeaOptionDefinition("time-offset", 2, .int32),
        KeaOptionDefinition("routers", 3, .ipv4Address, isArray: true),
        KeaOptionDefinition("time-servers", 4, .ipv4Address, isArray: true),
        KeaOptionDefinition("name-servers", 5, .ipv4Address, isArray: true),
        KeaOptionDefinition("domain-name-servers", 6, .ipv4Address, isArray: true),
        KeaOptionDefinition("log-servers", 7, .ipv4Address, isArray: true),
        KeaOptionDefinition("cookie-servers", 8, .ipv4Address, isArray: true),
        KeaOptionDefinition("lpr-servers", 9, .ipv4Address, isArray: true),
        KeaOptionDefinition("impress-servers", 10, .ipv4Address, isArray: true),
        KeaOptionDefinition("resource-location-servers", 11, .ipv4Address, isArray: true),
        KeaOptionDefinition("host-name", 12, .string),
        KeaOptionDefinition("boot-size", 13, .uint16),
        KeaOptionDefinition("merit-dump", 14, .string),
        KeaOptionDefinition("domain-name", 15, .string),
        KeaOptionDefinition("swap-server", 16, .ipv4Address),
        KeaOptionDefinition("root-path", 17, .string),
        KeaOptionDefinition("extensions-path", 18, .string),
        KeaOptionDefinition("ip-forwarding", 19, .boolean),
        KeaOptionDefinition("non-local-source-routing", 20, .boolean),
        KeaOptionDefinition("policy-filter", 21, .ipv4Address, isArray: true),
        KeaOptionDefinition("max-dgram-reassembly", 22, .uint16),
        KeaOptionDefinition("default-ip-ttl", 23, .uint8),
        KeaOptionDefinition("path-mtu-aging-timeout", 24, .uint32),
        KeaOptionDefinition("path-mtu-plateau-table", 25, .uint16, isArray: true),
        KeaOptionDefinition("interface-mtu", 26, .uint16),
        KeaOptionDefinition("all-subnets-local", 27, .boolean),
        KeaOptionDefinition("broadcast-address", 28, .ipv4Address),
        KeaOptionDefinition("perform-mask-discovery", 29, .boolean),
        KeaOptionDefinition("mask-supplier", 30, .boolean),
        KeaOptionDefinition("router-discovery", 31, .boolean),
        KeaOptionDefinition("router-solicitation-address", 32, .ipv4Address),
        KeaOptionDefinition("static-routes", 33, .ipv4Address, isArray: true),
        KeaOptionDefinition("trailer-encapsulation", 34, .boolean),
        KeaOptionDefinition("arp-cache-timeout", 35, .uint32),
        KeaOptionDefinition("ieee802-3-encapsulation", 36, .boolean),
        KeaOptionDefinition("default-tcp-ttl", 37, .uint8),
        KeaOptionDefinition("tcp-keepalive-interval", 38, .uint32),
        KeaOptionDefinition("tcp-keepalive-garbage", 39, .boolean),
        KeaOptionDefinition("nis-domain", 40, .string),
        KeaOptionDefinition("nis-servers", 41, .ipv4Address, isArray: true),
        KeaOptionDefinition("ntp-servers", 42, .ipv4Address, isArray: true),
        KeaOptionDefinition(
            "vendor-encapsulated-options", 43, .empty, encapsulate: "vendor-encapsulated-options-space"),
        KeaOptionDefinition("netbios-name-servers", 44, .ipv4Address, isArray: true),
        KeaOptionDefinition("netbios-dd-server", 45, .ipv4Address, isArray: true),
        KeaOptionDefinition("netbios-node-type", 46, .uint8),
        KeaOptionDefinition("netbios-scope", 47, .string),
        KeaOptionDefinition("font-servers", 48, .ipv4Address, isArray: true),
        KeaOptionDefinition("x-display-manager", 49, .ipv4Address, isArray: true),
        KeaOptionDefinition("dhcp-requested-address", 50, .ipv4Address),
        KeaOptionDefinition("dhcp-lease-time", 51, .uint32),
        KeaOptionDefinition("dhcp-option-overload", 52, .uint8),
        KeaOptionDefinition("dhcp-message-type", 53, .uint8),
        KeaOptionDefinition("dhcp-server-identifier", 54, .ipv4Address),
        KeaOptionDefinition("dhcp-parameter-request-list", 55, .uint8, isArray: true),
        KeaOptionDefinition("dhcp-message", 56, .string),
        KeaOptionDefinition("dhcp-max-message-size", 57, .uint16),
        KeaOptionDefinition("dhcp-renewal-time", 58, .uint32),
        KeaOptionDefinition("dhcp-rebinding-time", 59, .uint32),
        KeaOptionDefinition("vendor-class-identifier", 60, .string),
        KeaOptionDefinition("dhcp-client-identifier", 61, .binary),
        KeaOptionDefinition("nwip-domain-name", 62, .string),
        KeaOptionDefinition("nwip-suboptions", 63, .binary),
        KeaOptionDefinition("nisplus-domain-name", 64, .string),
        KeaOptionDefinition("nisplus-servers", 65, .ipv4Address, isArray: true),
        KeaOptionDefinition("tftp-server-name", 66, .string),
        KeaOptionDefinition("boot-file-name", 67, .string),
        KeaOptionDefinition("mobile-ip-home-agent", 68, .ipv4Address, isArray: true),
        KeaOptionDefinition("smtp-server", 69, .ipv4Address, isArray: true),
        KeaOptionDefinition("pop-server", 70, .ipv4Address, isArray: true),
        KeaOptionDefinition("nntp-server", 71, .ipv4Address, isArray: true),
        KeaOptionDefinition("www-server", 72, .ipv4Address, isArray: true),
        KeaOptionDefinition("finger-server", 73, .ipv4Address, isArray: true),
        KeaOptionDefinition("irc-server", 74, .ipv4Address, isArray: true),
        KeaOptionDefinition("streettalk-server", 75, .ipv4Address, isArray: true),
        KeaOptionDefinition("streettalk-directory-assistance-server", 76, .ipv4Address, isArray: true),
        KeaOptionDefinition("user-class", 77, .binary),
        KeaOptionDefinition("slp-directory-agent", 78, .record, isArray: true, recordTypes: [.boolean, .ipv4Address]),
        KeaOptionDefinition("slp-service-scope", 79, .record, recordTypes: [.boolean, .string]),
        KeaOptionDefinition("fqdn", 81, .record, recordTypes: [.uint8, .uint8, .uint8, .fqdn]),
        KeaOptionDefinition("dhcp-agent-options", 82, .empty, encapsulate: "dhcp-agent-options-space"),
        KeaOptionDefinition("nds-servers", 85, .ipv4Address, isArray: true),
        KeaOptionDefinition("nds-tree-name", 86, .string),
        KeaOptionDefinition("nds-context", 87, .string),
        KeaOptionDefinition("bcms-controller-names", 88, .fqdn, isArray: true),
        KeaOptionDefinition("bcms-controller-address", 89, .ipv4Address, isArray: true),
        KeaOptionDefinition("authenticate", 90, .binary),
        KeaOptionDefinition("client-last-transaction-time", 91, .uint32),
        KeaOptionDefinition("associated-ip", 92, .ipv4Address, isArray: true),
        KeaOptionDefinition("client-system", 93, .uint16, isArray: true),
        KeaOptionDefinition("client-ndi", 94, .record, recordTypes: [.uint8, .uint8, .uint8]),
        KeaOptionDefinition("uuid-guid", 97, .record, recordTypes: [.uint8, .binary]),
        KeaOptionDefinition("uap-servers", 98, .string),
        KeaOptionDefinition("geoconf-civic", 99, .binary),
        KeaOptionDefinition("pcode", 100, .string),
        KeaOptionDefinition("tcode", 101, .string),
        KeaOptionDefinition("netinfo-server-address", 112, .ipv4Address, isArray: true),
        KeaOptionDefinition("netinfo-server-tag", 113, .string),
        KeaOptionDefinition("auto-config", 116, .uint8),
        KeaOptionDefinition("name-service-search", 117, .uint16, isArray: true),
        KeaOptionDefinition("subnet-selection", 118, .ipv4Address),
        KeaOptionDefinition("domain-search", 119, .fqdn, isArray: true),
        KeaOptionDefinition("vivco-suboptions", 124, .record, recordTypes: [.uint32, .binary]),
        KeaOptionDefinition("vivso-suboptions", 125, .uint32),
        KeaOptionDefinition("pana-agent", 136, .ipv4Address, isArray: true),
        KeaOptionDefinition("v4-lost", 137, .fqdn),
        KeaOptionDefinition("capwap-ac-v4", 138, .ipv4Address, isArray: true),
        KeaOptionDefinition("sip-ua-cs-domains", 141, .fqdn, isArray: true),
        KeaOptionDefinition(
            "rdnss-selection", 146, .record, isArray: true, recordTypes: [.uint8, .ipv4Address, .ipv4Address, .fqdn]),
        KeaOptionDefinition("v4-portparams", 159, .record, recordTypes: [.uint8, .uint8, .uint16]),
        // Kea 2.2 gives 114 to RFC 8910's captive portal; `default-url` and code 160 are unknown to it (checked).
        KeaOptionDefinition("v4-captive-portal", 114, .string),
        KeaOptionDefinition("v4-access-domain", 213, .fqdn),
    ]

    /// DOCSIS 3.0 vendor options in space `vendor-4491` (Kea's `docsis3_option_defs.h`), which Debian's stock
    /// `kea-dhcp4.conf` uses (`tftp-servers`).
    static let docsis: [KeaOptionDefinition] = [
        KeaOptionDefinition(name: "oro", code: 1, type: .uint8, isArray: true, space: "vendor-4491"),
        KeaOptionDefinition(name: "tftp-servers", code: 2, type: .ipv4Address, isArray: true, space: "vendor-4491"),
    ]

    /// The standard definition with `code` in `space`, if any.
    static func definition(space: String, code: UInt8) -> KeaOptionDefinition? {
        switch space {
        case "dhcp4": byCode[code]
        case "vendor-4491": docsis.first { $0.code == code }
        default: nil
        }
    }

    /// The standard definition named `name` in `space`, if any.
    static func definition(space: String, name: String) -> KeaOptionDefinition? {
        switch space {
        case "dhcp4": byName[name]
        case "vendor-4491": docsis.first { $0.name == name }
        default: nil
        }
    }

    static let byCode: [UInt8: KeaOptionDefinition] = Dictionary(
        all.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    static let byName: [String: KeaOptionDefinition] = Dictionary(
        all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
}

extension KeaOptionDefinition {
    /// The table's compact spelling.
    fileprivate init(
        _ name: String, _ code: UInt8, _ type: KeaOptionType, isArray: Bool = false,
        recordTypes: [KeaOptionType] = [], encapsulate: String = ""
    ) {
        self.init(
            name: name, code: code, type: type, isArray: isArray, recordTypes: recordTypes, encapsulate: encapsulate)
    }
}
