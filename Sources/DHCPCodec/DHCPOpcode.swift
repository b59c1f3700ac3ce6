/// The `op` field of a BOOTP/DHCP message (RFC 951 §3, RFC 2131 §2): who sent it.
///
/// Clients and relays send `BOOTREQUEST`; servers answer with `BOOTREPLY`. Any other value makes the fixed
/// header malformed, and parsing fails with ``DHCPParseError/Reason/unknownOpcode(_:)``.
public enum DHCPOpcode: UInt8, Hashable, Sendable {
    /// `BOOTREQUEST` (1): from a client or relay agent.
    case request = 1
    /// `BOOTREPLY` (2): from a server.
    case reply = 2
}
