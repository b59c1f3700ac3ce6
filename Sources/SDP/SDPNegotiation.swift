/// The offer/answer model (RFC 3264) for a B2BUA that terminates SDP on each leg and relays one audio
/// stream: build an offer, answer an offer, read the answer to an offer. Pure functions; the per-leg state
/// (versions, glare, rollback) is ``SDPOfferAnswer``'s.
///
/// ```swift
/// let local = SDPLocalMedia(address: "192.0.2.1", port: 40000, codecs: [.pcmu, .pcma])
/// let offer = SDPNegotiation.offer(local: local, origin: origin)
/// // … the callee answers …
/// let streams = try SDPNegotiation.negotiated(offer: offer, answer: answer)
/// ```
public enum SDPNegotiation {
    /// The dynamic payload type of telephone-event in our offers (the common choice; RFC 4733 §7.1.1 leaves
    /// it to the offerer).
    public static let telephoneEventPayloadType: UInt8 = 101

    /// An offer of one audio stream (RFC 3264 §5): the codecs in `local`'s order with RFC 3551's static
    /// payload types (0 PCMU, 8 PCMA…) or dynamic ones from 96, telephone-event as 101 with `a=fmtp:101
    /// 0-16`, an rtpmap for every format, then ptime, rtcp-mux when asked, and the direction.
    ///
    /// ```
    /// m=audio 40000 RTP/AVP 0 8 101
    /// a=rtpmap:0 PCMU/8000
    /// a=rtpmap:8 PCMA/8000
    /// a=rtpmap:101 telephone-event/8000
    /// a=fmtp:101 0-16
    /// a=ptime:20
    /// a=sendrecv
    /// ```
    public static func offer(local: SDPLocalMedia, origin: SDPOrigin) -> SessionDescription {
        var formats: [SDPMediaFormat] = []
        var nextDynamic: UInt8 = 96
        for codec in local.codecs where !formats.contains(where: { $0.codec == codec }) && !codec.isTelephoneEvent {
            if let payloadType = codec.staticPayloadType {
                formats.append(SDPMediaFormat(payloadType: payloadType, codec: codec))
                continue
            }
            if local.telephoneEvent, nextDynamic == telephoneEventPayloadType { nextDynamic += 1 }
            guard nextDynamic <= 127 else { break }
            formats.append(SDPMediaFormat(payloadType: nextDynamic, codec: codec))
            nextDynamic += 1
        }
        if local.telephoneEvent {
            formats.append(
                SDPMediaFormat(payloadType: telephoneEventPayloadType, codec: .telephoneEvent, fmtp: "0-16"))
        }
        var stream = MediaDescription(
            media: "audio", port: local.port, proto: "RTP/AVP", formats: formats.map { "\($0.payloadType)" },
            attributes: formats.flatMap(formatAttributes))
        appendLocalAttributes(local, rtcpMux: local.rtcpMux, direction: local.direction, to: &stream)
        return SessionDescription(origin: origin, connection: local.connection, media: [stream])
    }

    /// The rtpmap and, when it has parameters, the fmtp of `format`.
    static func formatAttributes(_ format: SDPMediaFormat) -> [SDPAttribute] {
        var attributes: [SDPAttribute] = []
        if let codec = format.codec {
            attributes.append(SDPAttribute(name: "rtpmap", value: "\(format.payloadType) \(codec)"))
        }
        if let fmtp = format.fmtp {
            attributes.append(SDPAttribute(name: "fmtp", value: "\(format.payloadType) \(fmtp)"))
        }
        return attributes
    }

    /// a=ptime, a=rtcp-mux and the direction, in that order.
    static func appendLocalAttributes(
        _ local: SDPLocalMedia, rtcpMux: Bool, direction: SDPDirection, to stream: inout MediaDescription
    ) {
        if let ptime = local.ptime { stream.attributes.append(SDPAttribute(name: "ptime", value: "\(ptime)")) }
        if rtcpMux { stream.attributes.append(SDPAttribute(name: "rtcp-mux")) }
        stream.attributes.append(direction.attribute)
    }
}
