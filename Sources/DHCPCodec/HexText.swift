/// Lower-case hex with colons, the form Kea uses for client ids, circuit ids and hardware addresses.
enum HexText {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    static func colonSeparated(_ bytes: some Collection<UInt8>) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 3)
        for byte in bytes {
            if !text.isEmpty { text.append(UInt8(ascii: ":")) }
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
