/// What `api.listen` (and later each daemon's `listen`) accepts: a dotted-quad IPv4 address, an IPv6
/// address without brackets (RFC 4291 §2.2 text forms), or a host name (RFC 1123 §2.1). Checked here so a
/// typo fails when the file is loaded, not when a daemon tries to bind.
enum ListenAddress {
    static func isValid(_ text: String) -> Bool {
        isIPv4(text) || isIPv6(text) || isHostName(text)
    }

    /// Four decimal octets 0-255, without leading zeros (which some resolvers read as octal).
    static func isIPv4(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        return parts.allSatisfy { part in
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCIIDigit), let value = Int(part) else {
                return false
            }
            return value <= 255 && (part.count == 1 || part.first != "0")
        }
    }

    static func isIPv4(_ text: String) -> Bool { isIPv4(text[...]) }

    /// Up to eight groups of 1-4 hex digits, at most one `::`, optionally ending in an embedded IPv4
    /// address (`::ffff:192.0.2.1`). Zone indices (`%eth0`) are not accepted.
    static func isIPv6(_ text: String) -> Bool {
        guard text.contains(":") else { return false }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        var groups = 0
        for (index, half) in halves.enumerated() {
            if half.isEmpty { continue }
            let pieces = half.split(separator: ":", omittingEmptySubsequences: false)
            for (position, piece) in pieces.enumerated() {
                let isLastPiece = index == halves.count - 1 && position == pieces.count - 1
                if isLastPiece, piece.contains(".") {
                    guard isIPv4(piece) else { return false }
                    groups += 2
                } else {
                    guard (1...4).contains(piece.count), piece.allSatisfy(\.isHexDigit) else { return false }
                    groups += 1
                }
            }
        }
        return halves.count == 2 ? groups <= 7 : groups == 8
    }

    /// Labels of letters, digits and inner hyphens, 1-63 characters each, 253 in all. An all-numeric last
    /// label is refused (RFC 3696 §2) so that `256.1.1.1` is a bad address, not a host name.
    static func isHostName(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 253 else { return false }
        let labels = text.split(separator: ".", omittingEmptySubsequences: false)
        let valid = labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                && label.allSatisfy { $0.isASCIIDigit || $0.isASCIILetter || $0 == "-" }
        }
        guard valid, let last = labels.last else { return false }
        return !last.allSatisfy(\.isASCIIDigit)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
    fileprivate var isASCIILetter: Bool { isASCII && isLetter }
}
