/// Why bytes are not a DHCPv4 message, and at which byte offset.
///
/// Only damage to the message's framing is an error: the fixed header (RFC 2131 §2), the magic cookie
/// (RFC 2131 §3) and the option TLVs (RFC 2132 §2). An option whose *value* is wrong for its type is not:
/// the message parses, the option stays raw, and ``DHCPOption/decoded`` reports a ``DHCPOptionError``.
///
/// ```swift
/// do { _ = try DHCPMessage(parsing: bytes) } catch { print(error) }
/// // "DHCP message: option 61 at byte 250 claims 7 bytes but the options field has 3 left"
/// ```
public struct DHCPParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        /// Fewer than the 236 fixed bytes plus the 4-byte magic cookie.
        case tooShort(length: Int)
        /// `op` is neither 1 (BOOTREQUEST) nor 2 (BOOTREPLY).
        case unknownOpcode(UInt8)
        /// `hlen` exceeds the 16 bytes of `chaddr`.
        case hardwareAddressTooLong(length: UInt8)
        /// Bytes 236–239 are not 99.130.83.99 (RFC 2131 §3).
        case badMagicCookie(UInt32)
        /// An option code with no room for its length octet.
        case missingOptionLength(code: UInt8, area: DHCPOptionArea)
        /// An option whose length runs past the end of its field.
        case optionOverrunsField(code: UInt8, length: Int, available: Int, area: DHCPOptionArea)
    }

    public let reason: Reason
    /// Byte offset from the start of the DHCP message (the `op` byte) where the problem is.
    public let offset: Int

    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    public var description: String {
        switch reason {
        case .tooShort(let length):
            return "DHCP message: \(length) bytes, shorter than the 240-byte fixed header and magic cookie"
        case .unknownOpcode(let op):
            return "DHCP message: op \(op) at byte \(offset) is neither BOOTREQUEST (1) nor BOOTREPLY (2)"
        case .hardwareAddressTooLong(let length):
            return "DHCP message: hlen \(length) at byte \(offset) exceeds the 16-byte chaddr field"
        case .badMagicCookie(let cookie):
            let hex = String(cookie, radix: 16)
            return "DHCP message: magic cookie 0x\(hex) at byte \(offset), expected 0x63825363 (99.130.83.99)"
        case .missingOptionLength(let code, let area):
            return
                "DHCP message: option \(code) at byte \(offset) has no length octet before the end of \(area.rawValue)"
        case .optionOverrunsField(let code, let length, let available, let area):
            return
                "DHCP message: option \(code) at byte \(offset) claims \(length) bytes but the \(area.rawValue) field has \(available) left"
        }
    }
}
