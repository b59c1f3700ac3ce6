/// One DHCPv4 option as carried on the wire: a code and its raw value (RFC 2132 §2).
///
/// ```
///  Code   Len   Value (Len octets)
/// +-----+-----+-----+-----+---
/// |  c  |  n  |  v1 |  v2 | ...
/// +-----+-----+-----+-----+---
/// ```
///
/// The value is always kept raw, so an option a server relays or echoes (61, 82) goes back byte for byte.
/// ``decoded`` gives the typed view, or a ``DHCPOptionError`` when the value is malformed for its type.
/// A value longer than 255 bytes is split into consecutive options of the same code on the wire, and those
/// are joined again on parse (RFC 3396 §5–§7), so ``value`` is never limited to 255 bytes.
///
/// ```swift
/// let option = DHCPOption(.leaseTime(3600))      // code 51, value [0, 0, 14, 16]
/// if case .success(.leaseTime(let seconds)) = option.decoded { … }
/// ```
public struct DHCPOption: Hashable, Sendable {
    public var code: UInt8
    public var value: [UInt8]

    public init(code: UInt8, value: [UInt8]) {
        self.code = code
        self.value = value
    }

    /// The option carrying a typed value.
    public init(_ typed: DHCPOptionValue) {
        self.init(code: typed.code, value: typed.encoded)
    }

    /// The typed value, `.other` for codes without a type here, or why the value is malformed.
    public var decoded: Result<DHCPOptionValue, DHCPOptionError> {
        do throws(DHCPOptionError) {
            return .success(try DHCPOptionValue(code: code, value: value))
        } catch {
            return .failure(error)
        }
    }

    /// Bytes this option takes on the wire, with RFC 3396 splitting: 2 + n, plus 2 per extra 255-byte chunk.
    var wireLength: Int {
        value.isEmpty ? 2 : value.count + 2 * ((value.count + 254) / 255)
    }
}
