/// Why a ``DHCPMessage`` cannot be written to the wire.
public enum DHCPSerializationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `chaddr` longer than 16 bytes, `sname` longer than 64 or `file` longer than 128 (RFC 2131 §2).
    case fieldTooLong(field: String, length: Int, maximum: Int)
    /// Option 0 (pad) or 255 (end) in ``DHCPMessage/options``: they are framing, not options (RFC 2132 §3.1).
    case reservedOptionCode(UInt8)
    /// The options do not fit in the maximum message size, even overloading free `file`/`sname` fields.
    case optionsDoNotFit(needed: Int, available: Int)

    public var description: String {
        switch self {
        case .fieldTooLong(let field, let length, let maximum):
            "DHCP message: \(field) is \(length) bytes, the field holds \(maximum)"
        case .reservedOptionCode(let code):
            "DHCP message: option code \(code) is reserved for padding/end and cannot be sent as an option"
        case .optionsDoNotFit(let needed, let available):
            "DHCP message: options need \(needed) bytes but only \(available) fit; raise the maximum message size or send fewer options"
        }
    }
}
