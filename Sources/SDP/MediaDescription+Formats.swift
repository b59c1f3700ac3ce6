extension MediaDescription {
    /// The RTP payload formats of this stream, in the m= line's order (the offerer's preference, RFC 3264
    /// §5.1). A format that is not a payload type number (0–127) is left out; a number without a valid
    /// rtpmap takes RFC 3551's static codec, if any. When an rtpmap or fmtp repeats, the first (valid) one
    /// counts.
    public var mediaFormats: [SDPMediaFormat] {
        var rtpmaps: [UInt8: SDPCodec] = [:]
        var fmtps: [UInt8: String] = [:]
        for attribute in attributes {
            guard attribute.name == "rtpmap" || attribute.name == "fmtp", let value = attribute.value,
                let (payloadType, rest) = Self.splitPayloadType(value)
            else { continue }
            if attribute.name == "rtpmap", rtpmaps[payloadType] == nil {
                rtpmaps[payloadType] = try? SDPCodec(parsing: rest)
            } else if attribute.name == "fmtp", fmtps[payloadType] == nil {
                fmtps[payloadType] = rest
            }
        }
        return formats.compactMap { format -> SDPMediaFormat? in
            guard let number = SDPText.integer(format[...], maximum: 127) else { return nil }
            let payloadType = UInt8(number)
            let codec = rtpmaps[payloadType] ?? SDPCodec.staticPayloadType(payloadType)
            return SDPMediaFormat(payloadType: payloadType, codec: codec, fmtp: fmtps[payloadType])
        }
    }

    /// The format of `payloadType`, if the m= line lists it.
    public func mediaFormat(_ payloadType: UInt8) -> SDPMediaFormat? {
        mediaFormats.first { $0.payloadType == payloadType }
    }

    /// `"<payload type> <rest>"` split at the first run of spaces, as rtpmap and fmtp values are written.
    static func splitPayloadType(_ value: String) -> (UInt8, String)? {
        let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2, let number = SDPText.integer(parts[0], maximum: 127) else { return nil }
        return (UInt8(number), String(parts[1].drop { $0 == " " }))
    }
}
