/// Lowercase hexadecimal, as digest values travel (RFC 7616 §3.4.1: LHEX) — by table, without Foundation.
enum Hex {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// `bytes` as lowercase hex, two characters per byte.
    static func encode(_ bytes: UnsafeRawBufferPointer) -> String {
        String(unsafeUninitializedCapacity: bytes.count * 2) { output in
            var index = 0
            for byte in bytes where index + 1 < output.count {
                output[index] = digits[Int(byte >> 4)]
                output[index + 1] = digits[Int(byte & 0x0F)]
                index += 2
            }
            return index
        }
    }

    /// The value of one hex digit (either case), or nil.
    static func value(of digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Whether `text` is exactly `count` hex digits (either case).
    static func isHex(_ text: String, count: Int) -> Bool {
        guard text.utf8.count == count else { return false }
        var text = text
        return text.withUTF8 { bytes in
            for byte in bytes where value(of: byte) == nil { return false }
            return true
        }
    }

    /// `text` with A–F folded to a–f (other bytes unchanged).
    static func lowercased(_ text: String) -> String {
        var copy = text
        let hasUppercase = copy.withUTF8 { bytes in
            bytes.contains { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "F") }
        }
        guard hasUppercase else { return text }
        return String(
            decoding: text.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "F") ? $0 | 0x20 : $0 },
            as: UTF8.self)
    }
}

/// Comparisons whose duration does not depend on where the inputs differ, so a forged response or MAC cannot
/// be guessed byte by byte from response times (RFC 7616 §5.8 treats timing as an attack surface).
enum ConstantTime {
    static func equal(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for (x, y) in zip(a, b) { difference |= x ^ y }
        return difference == 0
    }

    /// The same over two strings' UTF-8, on their contiguous storage (no iterator per byte).
    static func equal(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                guard x.count == y.count else { return false }
                var difference: UInt8 = 0
                for index in 0..<x.count { difference |= x[index] ^ y[index] }
                return difference == 0
            }
        }
    }
}
