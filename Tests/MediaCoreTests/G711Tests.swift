import Testing

@testable import MediaCore

/// G.711 against its tables: known codes, round trips, and the µ-law ↔ A-law conversion of Tables 3 and 4.
@Suite struct G711Tests {
    @Test func muLawKnownValues() {
        #expect(MuLaw.decode(0xFF) == 0)  // +0
        #expect(MuLaw.decode(0x7F) == 0)  // −0
        #expect(MuLaw.decode(0xFE) == 8)
        #expect(MuLaw.decode(0x7E) == -8)
        #expect(MuLaw.decode(0x80) == 32124)  // G.711 Table 2a's largest output, 8031 × 4
        #expect(MuLaw.decode(0x00) == -32124)
        #expect(MuLaw.decode(0xEF) == 132)  // first step of segment 1 (33 × 4)
        #expect(MuLaw.encode(0) == 0xFF)
        #expect(MuLaw.encode(-1) == 0x7F)
        #expect(MuLaw.encode(1000) == 0xCE)
        #expect(MuLaw.encode(.max) == 0x80)
        #expect(MuLaw.encode(.min) == 0x00)
    }

    @Test func aLawKnownValues() {
        #expect(ALaw.decode(0xD5) == 8)  // the smallest positive output (1 × 8)
        #expect(ALaw.decode(0x55) == -8)
        #expect(ALaw.decode(0xAA) == 32256)  // G.711 Table 1a's largest output, 4032 × 8
        #expect(ALaw.decode(0x2A) == -32256)
        #expect(ALaw.encode(0) == 0xD5)
        #expect(ALaw.encode(-1) == 0x55)
        #expect(ALaw.encode(1000) == 0xFA)
        #expect(ALaw.encode(.max) == 0xAA)
        #expect(ALaw.encode(.min) == 0x2A)
    }

    @Test func everyCodeSurvivesDecodeThenEncode() {
        for code in UInt8.min...UInt8.max {
            // µ-law has two zeros; both decode to 0, which encodes as +0.
            #expect(MuLaw.encode(MuLaw.decode(code)) == (code == 0x7F ? 0xFF : code))
            #expect(ALaw.encode(ALaw.decode(code)) == code)
        }
    }

    @Test func linearRoundTripErrorIsWithinHalfAStep() {
        // Both laws keep about 5 bits of mantissa: the error is at most ~1/32 of the sample, 8 near zero.
        for sample in Int16.min...Int16.max where abs(Int(sample)) <= 32000 {
            let bound = max(8, abs(Int(sample)) / 32 + 8)
            #expect(abs(Int(MuLaw.decode(MuLaw.encode(sample))) - Int(sample)) <= bound, "µ-law \(sample)")
            #expect(abs(Int(ALaw.decode(ALaw.encode(sample))) - Int(sample)) <= bound, "A-law \(sample)")
        }
    }

    @Test func encodingIsMonotonic() {
        var previous = (mu: Int16.min, a: Int16.min)
        for sample in Int16.min...Int16.max {
            let decoded = (mu: MuLaw.decode(MuLaw.encode(sample)), a: ALaw.decode(ALaw.encode(sample)))
            #expect(decoded.mu >= previous.mu && decoded.a >= previous.a, "\(sample)")
            previous = decoded
        }
    }

    @Test func directTablesMatchTheirKnownEnds() {
        #expect(G711.muLawToALaw.count == 256 && G711.aLawToMuLaw.count == 256)
        #expect(G711.muLawToALaw[0xFF] == 0xD5 && G711.muLawToALaw[0x7F] == 0x55)  // ±0 → ±8
        #expect(G711.muLawToALaw[0x80] == 0xAA && G711.muLawToALaw[0x00] == 0x2A)  // full scale
        #expect(G711.aLawToMuLaw[0xD5] == 0xFE && G711.aLawToMuLaw[0xAA] == 0x80)
        // The values karip/audio-codec-algorithms#2 checked against G.711 Table 3 by hand.
        #expect(G711.muLawToALaw[47] == 5 && G711.muLawToALaw[175] == 133)
        #expect(G711.aLawToMuLaw[26] == 48 && G711.aLawToMuLaw[154] == 176)
    }

    @Test func muLawToALawToMuLawIsTransparentBut8Values() {
        // G.711 Table 3 note 2: only the µ-law values 0, 2, 4 … 14 change, each by bit 8 alone.
        let changing: Set<UInt8> = [0, 2, 4, 6, 8, 10, 12, 14]
        for code in UInt8.min...UInt8.max {
            let number = (code ^ 0xFF) & 0x7F
            let back = G711.aLawToMuLaw[Int(G711.muLawToALaw[Int(code)])]
            #expect(back == (changing.contains(number) ? code ^ 0x01 : code), "µ-law 0x\(String(code, radix: 16))")
        }
    }

    @Test func aLawToMuLawToALawIsTransparentBut8Values() {
        // G.711 Table 4 note 2: only the A-law values 26, 28, 30, 32, 45, 47, 63 and 80 change, in bit 8.
        let changing: Set<UInt8> = [26, 28, 30, 32, 45, 47, 63, 80]
        for code in UInt8.min...UInt8.max {
            let number = ((code ^ 0xD5) & 0x7F) + 1
            let back = G711.muLawToALaw[Int(G711.aLawToMuLaw[Int(code)])]
            #expect(back == (changing.contains(number) ? code ^ 0x01 : code), "A-law 0x\(String(code, radix: 16))")
        }
    }

    @Test func everyConversionKeepsSignAndLevel() {
        for code in UInt8.min...UInt8.max {
            let mu = Int(MuLaw.decode(code))
            let a = Int(ALaw.decode(G711.muLawToALaw[Int(code)]))
            // Same sign (µ-law zero becomes the smallest A-law value), and within one A-law step (1/16).
            #expect(mu == 0 ? abs(a) == 8 : (mu < 0) == (a < 0), "µ-law 0x\(String(code, radix: 16))")
            #expect(abs(a - mu) <= max(16, abs(mu) / 16), "µ-law 0x\(String(code, radix: 16)): \(mu) → \(a)")
            let back = Int(MuLaw.decode(G711.aLawToMuLaw[Int(code)]))
            let original = Int(ALaw.decode(code))
            #expect((back < 0) == (original < 0) || back == 0, "A-law 0x\(String(code, radix: 16))")
            #expect(abs(back - original) <= max(16, abs(original) / 16), "A-law 0x\(String(code, radix: 16))")
        }
    }

    @Test func transcodesInPlace() {
        var payload: [UInt8] = [0xFF, 0x7F, 0x80, 0x00, 0xCE]
        G711.transcode(&payload, .muLawToALaw)
        #expect(payload == [0xD5, 0x55, 0xAA, 0x2A, G711.muLawToALaw[0xCE]])
        G711.transcode(&payload, .aLawToMuLaw)
        #expect(payload == [0xFE, 0x7E, 0x80, 0x00, 0xCE])  // ±0 came back as ±8 (Table 3 note 2)
        var empty: [UInt8] = []
        G711.transcode(&empty, .aLawToMuLaw)
        #expect(empty.isEmpty)
    }
}
