/// Option overload, option 52 (RFC 2132 §9.3): which fixed fields also carry options.
///
/// ```
///  Code   Len  Value
/// +-----+-----+-----+
/// |  52 |  1  |1/2/3|     1 = file, 2 = sname, 3 = both
/// +-----+-----+-----+
/// ```
///
/// The option must sit in the `options` field. Options are read from `options`, then `file`, then `sname`
/// (RFC 2131 §4.1). Parsing consumes a valid option 52: ``DHCPMessage/options`` holds the options from every
/// field in that order, and the overloaded fields read as empty. Serializing adds it back when options do not
/// fit (see ``DHCPMessage/serialized(maximumMessageSize:minimumLength:)``).
public enum DHCPOverload: UInt8, Hashable, Sendable {
    /// The `file` field holds options.
    case file = 1
    /// The `sname` field holds options.
    case sname = 2
    /// Both hold options: `file` first, then `sname`.
    case both = 3

    var includesFile: Bool { self != .sname }
    var includesSname: Bool { self != .file }
}
