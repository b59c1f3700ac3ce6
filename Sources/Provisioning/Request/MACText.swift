import CastorCore

/// Finding MAC addresses in file names and User-Agents, where they are one token among others.
enum MACText {
    /// Exactly twelve hex digits, any case (`000413AABB01`, `805ec0aabb10`): the form phones put in file names.
    static func compact<S: StringProtocol>(_ text: S) -> MACAddress? {
        guard text.utf8.count == 12, text.utf8.allSatisfy(isHexDigit) else { return nil }
        return try? MACAddress(parsing: String(text))
    }

    /// Any spelling `MACAddress(parsing:)` accepts (`aa:bb:…`, `aa-bb-…`, `aabb.ccdd.eeff`, twelve digits), for
    /// `?mac=` values and User-Agent tokens.
    static func lenient<S: StringProtocol>(_ text: S) -> MACAddress? {
        let trimmed = text.trimming(" ();,")
        guard (12...17).contains(trimmed.utf8.count) else { return nil }
        return try? MACAddress(parsing: String(trimmed))
    }

    /// The last whitespace-separated token of `text` that is a MAC address.
    static func lastToken<S: StringProtocol>(in text: S) -> MACAddress? {
        for token in text.split(whereSeparator: { $0 == " " || $0 == "\t" }).reversed() {
            if let mac = lenient(token) { return mac }
        }
        return nil
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"),
            UInt8(ascii: "A")...UInt8(ascii: "F"):
            return true
        default:
            return false
        }
    }
}

extension StringProtocol {
    /// `self` without leading and trailing characters from `set`.
    func trimming(_ set: String) -> Substring {
        let characters = Set(set)
        let whole = self[...]
        guard let first = whole.firstIndex(where: { !characters.contains($0) }),
            let last = whole.lastIndex(where: { !characters.contains($0) })
        else { return Substring() }
        return Substring(whole[first...last])
    }
}
