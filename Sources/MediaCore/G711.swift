/// Direct µ-law ↔ A-law conversion (ITU-T G.711 Tables 3 and 4), for a relay between a PCMU phone and a PCMA
/// trunk: one table lookup per byte, in place, without going through linear samples.
///
/// ```swift
/// G711.transcode(payload, .muLawToALaw)     // payload: UnsafeMutableRawBufferPointer, rewritten in place
/// G711.muLawToALaw[0xFF]                     // 0xD5: µ-law +0 becomes A-law +8
/// ```
///
/// The tables are G.711's, not `encode(decode(x))`: G.711 defines the conversion so that a double conversion
/// is transparent except in bit 8 — µ→A→µ changes only the µ-law values 0, 2, 4 … 14 (Table 3 note 2), and
/// A→µ→A only the A-law values 26, 28, 30, 32, 45, 47, 63 and 80 (Table 4 note 2).
public enum G711 {
    /// Which way ``transcode(_:_:)`` converts.
    public enum Conversion: Hashable, Sendable {
        case muLawToALaw
        case aLawToMuLaw
    }

    /// The A-law code for each µ-law code (256 entries).
    public static let muLawToALaw: [UInt8] = (0...255).map { code in
        // G.711 numbers µ-law values 0…127 by magnitude (the complemented code without its sign bit) and
        // A-law values 1…128 (the code with its even bits re-inverted, without the sign, plus one).
        let value = UInt8(code) ^ 0xFF
        let aLawNumber = table3[Int(value & 0x7F)]
        return (value & 0x80 | (aLawNumber - 1)) ^ 0xD5
    }

    /// The µ-law code for each A-law code (256 entries).
    public static let aLawToMuLaw: [UInt8] = (0...255).map { code in
        let value = UInt8(code) ^ 0xD5
        let muLawNumber = table4[Int(value & 0x7F)]
        return (value & 0x80 | muLawNumber) ^ 0xFF
    }

    /// The table for `conversion`.
    public static func table(_ conversion: Conversion) -> [UInt8] {
        switch conversion {
        case .muLawToALaw: muLawToALaw
        case .aLawToMuLaw: aLawToMuLaw
        }
    }

    /// Converts every byte of `payload` in place. Does not allocate.
    public static func transcode(_ payload: UnsafeMutableRawBufferPointer, _ conversion: Conversion) {
        table(conversion).withUnsafeBufferPointer { table in
            for index in payload.indices {
                payload[index] = table[Int(payload[index])]
            }
        }
    }

    /// Converts the bytes of `payload` in place.
    public static func transcode(_ payload: inout [UInt8], _ conversion: Conversion) {
        payload.withUnsafeMutableBytes { transcode($0, conversion) }
    }

    /// G.711 Table 3: the A-law decoder output value number (1…128) for each µ-law number (0…127).
    private static let table3: [UInt8] = [
        1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8,
        9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
        25, 27, 29, 31, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44,
        46, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62,
        64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79,
        81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96,
        97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111, 112,
        113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127, 128,
    ]

    /// G.711 Table 4: the µ-law decoder output value number (0…127) for each A-law number (1…128, at index
    /// number − 1).
    private static let table4: [UInt8] = [
        1, 3, 5, 7, 9, 11, 13, 15, 16, 17, 18, 19, 20, 21, 22, 23,
        24, 25, 26, 27, 28, 29, 30, 31, 32, 32, 33, 33, 34, 34, 35, 35,
        36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 48, 49, 49,
        50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 64,
        65, 66, 67, 68, 69, 70, 71, 72, 73, 74, 75, 76, 77, 78, 79, 79,
        80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,
        96, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
        112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 126, 127,
    ]
}
