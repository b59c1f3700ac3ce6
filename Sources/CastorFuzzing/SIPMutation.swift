import CastorCore

extension SIPFuzzTarget {
    /// Damages `bytes` in place, `rounds` times, the way SIP goes wrong: bit flips, truncations, insertions and
    /// deletions, bytes the grammar cares about (`: ; , " \ < > % @`, SP, HTAB, CR, LF, NUL), and whole lines
    /// duplicated, dropped or folded.
    public static func mutate(_ bytes: inout [UInt8], rounds: Int, using random: inout SeededRandom) {
        let special: [UInt8] = Array(":;,\"\\<>%@= \t\r\n/?[]0".utf8) + [0, 0xC3, 0xFF]
        for _ in 0..<rounds {
            guard !bytes.isEmpty else {
                bytes = [special.randomElement(using: &random) ?? 0]
                continue
            }
            let index = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<8, using: &random) {
            case 0: bytes[index] ^= 1 << UInt8.random(in: 0..<8, using: &random)
            case 1: bytes = Array(bytes.prefix(index))
            case 2: bytes.insert(special.randomElement(using: &random) ?? 0, at: index)
            case 3: bytes.remove(at: index)
            case 4: bytes[index] = special.randomElement(using: &random) ?? 0
            case 5:
                // A line duplicated in place (a repeated header).
                let line = lineRange(in: bytes, around: index)
                bytes.insert(contentsOf: bytes[line], at: line.lowerBound)
            case 6:
                // A line removed (a missing header).
                bytes.removeSubrange(lineRange(in: bytes, around: index))
            default:
                // A fold: CRLF plus whitespace inside a line.
                bytes.insert(contentsOf: [13, 10, [32, 9].randomElement(using: &random) ?? 32], at: index)
            }
        }
    }

    /// The line holding `index`, with its line end.
    private static func lineRange(in bytes: [UInt8], around index: Int) -> Range<Int> {
        var start = index
        while start > 0, bytes[start - 1] != 10 { start -= 1 }
        var end = index
        while end < bytes.count, bytes[end] != 10 { end += 1 }
        return start..<min(end + 1, bytes.count)
    }
}
