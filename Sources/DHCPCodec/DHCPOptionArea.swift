/// Where in a DHCP message an option was read from (RFC 2131 §4.1, RFC 2132 §9.3).
public enum DHCPOptionArea: String, Hashable, Sendable {
    /// The variable `options` field, after the magic cookie (byte 240 on).
    case options
    /// The 128-byte `file` field (bytes 108–235), when option 52 says so.
    case file
    /// The 64-byte `sname` field (bytes 44–107), when option 52 says so.
    case sname
}
