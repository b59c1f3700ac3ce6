extension SDPNegotiation {
    /// Answers `offer` (RFC 3264 §6): the first audio stream over plain RTP that shares a codec with `local`
    /// is accepted, every other m= line is rejected with port 0, and the answer keeps them all in order.
    ///
    /// - The codec is the first of `local.codecs` that the offer holds, so the PBX can put first the codec
    ///   the other leg chose and avoid transcoding; the answer uses the offerer's payload type and fmtp
    ///   (RFC 3264 §6.1).
    /// - telephone-event is accepted only when offered at the codec's clock rate and `local` allows it,
    ///   with the offerer's payload type and fmtp (RFC 4733 §7.1.1).
    /// - The direction is the offered one reversed, intersected with `local.direction` (RFC 3264 §6.1).
    /// - rtcp-mux is echoed when offered and `local.rtcpMux` allows it (RFC 5761 §5.1.1, RFC 8035); ptime
    ///   is `local`'s.
    /// - RTP/SAVP, UDP/TLS/RTP/SAVPF and other encrypted or non-RTP transports are rejected: SRTP is not
    ///   handled yet.
    ///
    /// When ``SDPAnswerResult/isAcceptable`` is false, the caller refuses the offer with 488.
    public static func answer(to offer: SessionDescription, local: SDPLocalMedia, origin: SDPOrigin)
        -> SDPAnswerResult
    {
        var media: [MediaDescription] = []
        var streams: [SDPNegotiatedStream?] = []
        for (index, offered) in offer.media.enumerated() {
            if !streams.contains(where: { $0 != nil }),
                let (answered, stream) = accept(offered, at: index, in: offer, local: local)
            {
                media.append(answered)
                streams.append(stream)
            } else {
                media.append(rejected(offered))
                streams.append(nil)
            }
        }
        let description = SessionDescription(origin: origin, connection: local.connection, media: media)
        return SDPAnswerResult(description: description, streams: streams)
    }

    /// The answer's m= line and the stream for `offered`, or nil when it cannot be accepted.
    private static func accept(
        _ offered: MediaDescription, at index: Int, in offer: SessionDescription, local: SDPLocalMedia
    ) -> (MediaDescription, SDPNegotiatedStream)? {
        guard offered.media == "audio", offered.port != 0, offered.isPlainRTP else { return nil }
        let formats = offered.mediaFormats
        guard
            let format = local.codecs.lazy.compactMap({ codec in formats.first { $0.codec == codec } }).first,
            let codec = format.codec
        else { return nil }
        let telephoneEvent =
            local.telephoneEvent
            ? formats.first { $0.codec?.isTelephoneEvent == true && $0.codec?.clockRate == codec.clockRate } : nil
        let rtcpMux = offered.rtcpMux && local.rtcpMux
        let direction = offer.direction(for: offered).reversed.intersection(local.direction)
        guard
            let stream = SDPNegotiatedStream.remote(
                offered, at: index, in: offer, format: format, telephoneEvent: telephoneEvent, rtcpMux: rtcpMux,
                localDirection: direction)
        else { return nil }
        let chosen = [format] + (telephoneEvent.map { [$0] } ?? [])
        var answered = MediaDescription(
            media: offered.media, port: local.port, proto: offered.proto,
            formats: chosen.map { "\($0.payloadType)" }, attributes: chosen.flatMap(formatAttributes))
        appendLocalAttributes(local, rtcpMux: rtcpMux, direction: direction, to: &answered)
        return (answered, stream)
    }

    /// `offered`, rejected: port 0, the offered formats, no attributes (RFC 3264 §6).
    static func rejected(_ offered: MediaDescription) -> MediaDescription {
        MediaDescription(
            media: offered.media, port: 0, proto: offered.proto,
            formats: offered.formats.isEmpty ? ["0"] : offered.formats)
    }
}
