/// Kea's hex spellings of binary data, as `option-data` with `csv-format: false` and host identifiers take them.
///
/// Kea 2.2 (`util::str::decodeFormattedHexString`, checked with `kea-dhcp4 -t`) accepts exactly one form per
/// string:
/// - colon-separated octets of one or two digits: `01:04:c0`, `1:4:c0`;
/// - space-separated octets of one or two digits: `01 04 c0`;
/// - a digit string, optionally after `0x`: `0104c0`, `0x0104c0`; an odd count gets a leading `0` (`104c0`).
///
/// Mixtures (`0x01:04`, `01:04 c0`) are refused, as Kea refuses them.
enum KeaHexText {
    /// The bytes, or `nil` if `text` is not one of the accepted forms.
    static func decode(_ text: String) -> [UInt8]? {
        let utf8 = Array(text.utf8)
        if utf8.contains(UInt8(ascii: ":")) { return decodeSeparated(utf8, by: UInt8(ascii: ":")) }
        if utf8.contains(UInt8(ascii: " ")) { return decodeSeparated(utf8, by: UInt8(ascii: " ")) }
        var digits = utf8[...]
        if digits.count >= 2, digits.first == UInt8(ascii: "0"),
            digits[digits.startIndex + 1] == UInt8(ascii: "x") || digits[digits.startIndex + 1] == UInt8(ascii: "X")
        {
            digits = digits.dropFirst(2)
            if digits.isEmpty { return nil }
        }
        var nibbles: [UInt8] = digits.count % 2 == 1 ? [0] : []
        for byte in digits {
            guard let nibble = nibble(byte) else { return nil }
            nibbles.append(nibble)
        }
        return stride(from: 0, to: nibbles.count, by: 2).map { nibbles[$0] << 4 | nibbles[$0 + 1] }
    }

    private static func decodeSeparated(_ utf8: [UInt8], by separator: UInt8) -> [UInt8]? {
        var bytes: [UInt8] = []
        for part in utf8.split(separator: separator, omittingEmptySubsequences: false) {
            guard (1...2).contains(part.count) else { return nil }
            var value: UInt8 = 0
            for byte in part {
                guard let nibble = nibble(byte) else { return nil }
                value = value << 4 | nibble
            }
            bytes.append(value)
        }
        return bytes
    }

    private static func nibble(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// `00:04:13:aa:bb:01`, as Kea prints a hardware address.
    static func colonSeparated(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            let text = String(byte, radix: 16)
            return text.count == 1 ? "0" + text : text
        }.joined(separator: ":")
    }
}
