/// G.711 µ-law (ITU-T G.711 §2, Tables 2a/2b): 8-bit codes ↔ 16-bit linear samples. PCMU, RTP payload type 0
/// (RFC 3551 §4.5.14).
///
/// A code is the complement of sign (1 = positive), a 3-bit segment and a 4-bit step; the 14-bit magnitude
/// is biased by 33 so that each segment doubles the step size. Decoded values are G.711's output values
/// scaled to 16 bits (× 4): `0xFF` and `0x7F` are 0, `0x80` is +32124, `0x00` is −32124.
///
/// ```swift
/// MuLaw.decode(0xFF)     // 0
/// MuLaw.encode(1000)     // 0xCE
/// ```
public enum MuLaw {
    /// The 16-bit bias: G.711's 33 in 14 bits, × 4.
    private static let bias = 0x84
    /// The largest magnitude that still encodes without clipping (32767 − bias).
    private static let clip = 32635

    /// The linear sample (the middle of the code's quantization interval, 16-bit scale).
    public static func decode(_ code: UInt8) -> Int16 {
        let value = ~code
        let magnitude = ((Int(value & 0x0F) << 3) + bias) << Int((value & 0x70) >> 4) - bias
        return Int16(value & 0x80 != 0 ? -magnitude : magnitude)
    }

    /// The code whose interval holds `sample`; louder samples clip to the largest code.
    public static func encode(_ sample: Int16) -> UInt8 {
        // Negative samples use the one's complement (−1 → 0), so that −x and x − 1 share intervals the way
        // the decision values of G.711 Table 2b place them.
        let negative = sample < 0
        let magnitude = min(negative ? Int(~sample) : Int(sample), clip) + bias
        // The biased magnitude is 132…32767: its top bit (7…14) gives the segment.
        let segment = Int.bitWidth - magnitude.leadingZeroBitCount - 1 - 7
        let step = (magnitude >> (segment + 3)) & 0x0F
        let code = UInt8(segment << 4 | step)
        return negative ? code ^ 0x7F : code ^ 0xFF
    }
}
