import CastorCore

extension DHCPFuzzTarget {
    /// Damages `bytes` in place, `rounds` times: bit flips, truncations, insertions, deletions, corrupted option
    /// lengths, bytes that matter to the option parser (0 pad, 52 overload, 255 end). For tests that throw
    /// malformed packets at the codec or at a running server.
    public static func mutate(_ bytes: inout [UInt8], rounds: Int, using random: inout SeededRandom) {
        for _ in 0..<rounds {
            guard !bytes.isEmpty else {
                bytes = [UInt8.random(in: 0...255, using: &random)]
                continue
            }
            let index = Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0: bytes[index] ^= 1 << UInt8.random(in: 0..<8, using: &random)
            case 1: bytes = Array(bytes.prefix(index))
            case 2: bytes.insert(UInt8.random(in: 0...255, using: &random), at: index)
            case 3: bytes.remove(at: index)
            case 4:
                // An option length somewhere in the options area set to something else.
                if bytes.count > 241 {
                    let at = Int.random(in: 240..<bytes.count, using: &random)
                    bytes[at] = [0, 1, 255, UInt8(bytes.count - at)].randomElement(using: &random) ?? 0
                }
            default: bytes[index] = [0, 52, 255, 0x80].randomElement(using: &random) ?? 0
            }
        }
    }
}
