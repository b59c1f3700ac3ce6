/// Uncompressed domain names in RFC 1035 §3.1 wire form: each name is length-prefixed labels ending in a
/// zero-length label. Used by option 120 (RFC 3361 §3.1).
enum DomainNameList {
    /// `nil` unless the bytes are one or more complete names with labels of 1–63 bytes.
    static func decode(_ bytes: ArraySlice<UInt8>) -> [String]? {
        var names: [String] = []
        var labels: [String] = []
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let length = Int(bytes[index])
            index += 1
            if length == 0 {
                guard !labels.isEmpty else { return nil }
                names.append(labels.joined(separator: "."))
                labels.removeAll(keepingCapacity: true)
                continue
            }
            // 64 and above are compression pointers or reserved (RFC 1035 §4.1.4): not allowed here.
            guard length <= 63, index + length <= bytes.endIndex else { return nil }
            guard let label = String(validating: bytes[index..<index + length], as: UTF8.self) else { return nil }
            labels.append(label)
            index += length
        }
        guard labels.isEmpty, !names.isEmpty else { return nil }
        return names
    }

    /// Appends each name as labels and a terminating zero. A trailing dot and empty labels are skipped; a
    /// label over 63 bytes (not a valid DNS label) is cut to 63.
    static func encode(_ names: [String], into bytes: inout [UInt8]) {
        for name in names {
            for label in name.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: true) {
                let length = min(label.count, 63)
                bytes.append(UInt8(length))
                bytes.append(contentsOf: label.prefix(length))
            }
            bytes.append(0)
        }
    }
}
