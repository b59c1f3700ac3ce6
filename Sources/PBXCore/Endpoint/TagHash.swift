/// A keyed 64-bit hash of a few strings, for To tags that must be the same for the same request (a stateless
/// response, RFC 3261 §8.2.7) and unguessable without the key: FNV-1a over the key and the bytes (each string
/// followed by a 0 byte, so that "ab"+"c" and "a"+"bc" differ), then SplitMix64's finalizer to spread it.
struct TagHash {
    private var state: UInt64

    init(key: UInt64) {
        state = 0xcbf2_9ce4_8422_2325
        for shift in stride(from: 0, to: 64, by: 8) { mix(UInt8(truncatingIfNeeded: key >> UInt64(shift))) }
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes { mix(byte) }
        }
        mix(0)
    }

    private mutating func mix(_ byte: UInt8) {
        state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }

    /// 16 lowercase hex digits.
    var hexDigits: String {
        var value = state
        value = (value ^ (value >> 30)) &* 0xbf58_476d_1ce4_e5b9
        value = (value ^ (value >> 27)) &* 0x94d0_49bb_1331_11eb
        value ^= value >> 31
        let digits: StaticString = "0123456789abcdef"
        return String(unsafeUninitializedCapacity: 16) { buffer in
            for index in 0..<16 {
                buffer[index] = digits.utf8Start[Int((value >> (UInt64(index) * 4)) & 0xF)]
            }
            return 16
        }
    }
}
