/// G.711 A-law (ITU-T G.711 §3, Tables 1a/1b): 8-bit codes ↔ 16-bit linear samples. PCMA, RTP payload type 8
/// (RFC 3551 §4.5.14).
///
/// A code is sign (1 = positive), a 3-bit segment and a 4-bit step, with the even bits inverted for
/// transmission (`^ 0x55`). Decoded values are G.711's output values scaled to 16 bits (× 8): `0xD5` is +8,
/// `0x55` is −8, `0xAA` is +32256, `0x2A` is −32256. A-law has no code for 0.
///
/// ```swift
/// ALaw.decode(0xD5)      // 8
/// ALaw.encode(1000)      // 0xFA
/// ```
public enum ALaw {
    /// The linear sample (the middle of the code's quantization interval, 16-bit scale).
    public static func decode(_ code: UInt8) -> Int16 {
        let value = code ^ 0x55
        let step = Int(value & 0x0F) << 4
        let segment = Int((value & 0x70) >> 4)
        let magnitude =
            switch segment {
            case 0: step + 8
            case 1: step + 0x108
            default: (step + 0x108) << (segment - 1)
            }
        return Int16(value & 0x80 != 0 ? magnitude : -magnitude)
    }

    /// The code whose interval holds `sample`; louder samples clip to the largest code.
    public static func encode(_ sample: Int16) -> UInt8 {
        // One's complement for negatives (−1 → 0), as spandsp does: Sun's classic −x − 8 put −1…−7 into the
        // wrong step (pjsip #1301).
        let positive = sample >= 0
        let magnitude = positive ? Int(sample) : Int(~sample)
        let mask: UInt8 = positive ? 0xD5 : 0x55
        // Magnitudes below 256 are segment 0; above, the top bit (8…14) gives segments 1…7.
        let segment = max(Int.bitWidth - (magnitude | 0xFF).leadingZeroBitCount - 1 - 7, 0)
        let step = (magnitude >> (segment == 0 ? 4 : segment + 3)) & 0x0F
        return UInt8(segment << 4 | step) ^ mask
    }
}
