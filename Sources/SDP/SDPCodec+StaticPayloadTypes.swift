extension SDPCodec {
    /// The codec a static RTP payload type stands for when no rtpmap names it: RFC 3551 Table 4 (audio) and
    /// Table 5 (video). Nil for a dynamic, reserved or unassigned number.
    public static func staticPayloadType(_ payloadType: UInt8) -> SDPCodec? {
        staticTable[payloadType]
    }

    /// The static payload type RFC 3551 assigns to `codec`, if any (0 for PCMU, 8 for PCMA…).
    public var staticPayloadType: UInt8? {
        Self.staticTable.filter { $0.value == self }.map(\.key).min()
    }

    private static let staticTable: [UInt8: SDPCodec] = [
        0: .pcmu,
        3: SDPCodec(name: "GSM", clockRate: 8000),
        4: SDPCodec(name: "G723", clockRate: 8000),
        5: SDPCodec(name: "DVI4", clockRate: 8000),
        6: SDPCodec(name: "DVI4", clockRate: 16000),
        7: SDPCodec(name: "LPC", clockRate: 8000),
        8: .pcma,
        9: .g722,
        10: SDPCodec(name: "L16", clockRate: 44100, channels: 2),
        11: SDPCodec(name: "L16", clockRate: 44100),
        12: SDPCodec(name: "QCELP", clockRate: 8000),
        13: .comfortNoise,
        14: SDPCodec(name: "MPA", clockRate: 90000),
        15: SDPCodec(name: "G728", clockRate: 8000),
        16: SDPCodec(name: "DVI4", clockRate: 11025),
        17: SDPCodec(name: "DVI4", clockRate: 22050),
        18: .g729,
        25: SDPCodec(name: "CelB", clockRate: 90000),
        26: SDPCodec(name: "JPEG", clockRate: 90000),
        28: SDPCodec(name: "nv", clockRate: 90000),
        31: SDPCodec(name: "H261", clockRate: 90000),
        32: SDPCodec(name: "MPV", clockRate: 90000),
        33: SDPCodec(name: "MP2T", clockRate: 90000),
        34: SDPCodec(name: "H263", clockRate: 90000),
    ]
}
