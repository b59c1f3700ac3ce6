/// The URL-safe base64 alphabet without padding (RFC 4648 §5), which RFC 7616 §3.3 suggests for nonces: no
/// character needs escaping inside a quoted-string, and none is a SIP or HTTP delimiter.
enum Base64URL {
    private static let alphabet: [UInt8] = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// The number of characters `byteCount` bytes encode to, without padding.
    static func encodedCount(_ byteCount: Int) -> Int { (byteCount * 8 + 5) / 6 }

    static func encode(_ bytes: [UInt8]) -> String {
        String(unsafeUninitializedCapacity: encodedCount(bytes.count)) { output in
            var written = 0
            var accumulator: UInt32 = 0
            var bits = 0
            for byte in bytes {
                accumulator = accumulator << 8 | UInt32(byte)
                bits += 8
                while bits >= 6, written < output.count {
                    bits -= 6
                    output[written] = alphabet[Int(accumulator >> UInt32(bits) & 0x3F)]
                    written += 1
                }
            }
            if bits > 0, written < output.count {
                output[written] = alphabet[Int(accumulator << UInt32(6 - bits) & 0x3F)]
                written += 1
            }
            return written
        }
    }

    /// The 6-bit value of a base64url digit (RFC 4648 §5, table 2), nil for any other byte.
    @inline(__always)
    static func value(of symbol: UInt8) -> UInt8? {
        switch symbol {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): symbol - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): symbol - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): symbol - UInt8(ascii: "0") + 52
        case UInt8(ascii: "-"): 62
        case UInt8(ascii: "_"): 63
        default: nil
        }
    }

    /// Decodes canonical unpadded base64url: nil on any other byte, on a length no byte count encodes to, or
    /// when the unused low bits of the last digit are not zero (so that each byte string has one spelling).
    static func decode(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count * 6 / 8)
        var accumulator: UInt32 = 0
        var bits = 0
        var text = text
        let valid = text.withUTF8 { symbols in
            for symbol in symbols {
                guard let value = Self.value(of: symbol) else { return false }
                accumulator = (accumulator << 6 | UInt32(value)) & 0xFFF
                bits += 6
                if bits >= 8 {
                    bits -= 8
                    bytes.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                }
            }
            return true
        }
        guard valid else { return nil }
        // Leftover bits: 2 or 4 is a valid tail that must be zero; 6 means a lone final digit (no byte count).
        guard bits < 6, accumulator & ((1 << UInt32(bits)) - 1) == 0 else { return nil }
        return bytes
    }
}
