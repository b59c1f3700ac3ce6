/// Colon-separated lower-case hex, the way Kea prints hardware addresses and client identifiers
/// (`HWAddr::toText(false)`, `ClientId::toText()`): `00:04:13:aa:bb:01`.
public enum HexBytes {
    private static let digits = Array("0123456789abcdef".utf8)

    public static func colonSeparated(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3)
        appendColonSeparated(bytes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends ``colonSeparated(_:)``'s text, as UTF-8, to `out`.
    public static func appendColonSeparated(_ bytes: [UInt8], to out: inout [UInt8]) {
        for (index, byte) in bytes.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ":")) }
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0f)])
        }
    }

    /// Parses hex with optional `:` separators, as Kea accepts in its lease file. A single hex digit
    /// between separators is a byte with a leading zero (`0:4:13` = `00:04:13`), as Kea's `decodeFormattedHexString`.
    public static func parse(_ text: Substring) -> [UInt8]? {
        if text.isEmpty { return [] }
        var bytes: [UInt8] = []
        if text.contains(":") {
            for group in text.split(separator: ":", omittingEmptySubsequences: false) {
                guard group.count == 1 || group.count == 2, let byte = UInt8(group, radix: 16) else { return nil }
                bytes.append(byte)
            }
            return bytes
        }
        guard text.count % 2 == 0 else { return nil }
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
