extension SDPNegotiation {
    /// Reads `answer`, received for our `offer` (RFC 3264 §6, §7): one entry per m= line, nil where the
    /// answer rejected the stream (port 0).
    ///
    /// For an accepted stream the codec is the answer's first format that the offer holds (matched by codec,
    /// or by payload type for a format without one) and that is neither telephone-event nor comfort noise
    /// (unless the stream carries nothing else), with the answer's payload type: the number the answerer
    /// expects to receive (RFC 3264 §6.1 lets it differ from ours; RFC 4317 §2.3 does). Formats the offer
    /// lacks are allowed and skipped (§6.1). The
    /// direction must be one the offered direction allows; ``SDPNegotiatedStream/localDirection`` is what is
    /// left to us. rtcp-mux counts only when both sides list it (RFC 8035).
    public static func negotiated(offer: SessionDescription, answer: SessionDescription)
        throws(SDPNegotiationError) -> [SDPNegotiatedStream?]
    {
        guard offer.media.count == answer.media.count else {
            throw .mediaCountMismatch(offered: offer.media.count, answered: answer.media.count)
        }
        var streams: [SDPNegotiatedStream?] = []
        for (index, (offered, answered)) in zip(offer.media, answer.media).enumerated() {
            streams.append(try negotiated(offered, in: offer, answered, in: answer, at: index))
        }
        return streams
    }

    private static func negotiated(
        _ offered: MediaDescription, in offer: SessionDescription, _ answered: MediaDescription,
        in answer: SessionDescription, at index: Int
    ) throws(SDPNegotiationError) -> SDPNegotiatedStream? {
        guard offered.media == answered.media else {
            throw .mediaTypeMismatch(mediaIndex: index, offered: offered.media, answered: answered.media)
        }
        guard answered.port != 0 else { return nil }
        guard offered.port != 0 else { throw .acceptedDisabledStream(mediaIndex: index) }
        guard offered.proto.uppercased() == answered.proto.uppercased() else {
            throw .transportMismatch(mediaIndex: index, offered: offered.proto, answered: answered.proto)
        }
        let offeredDirection = offer.direction(for: offered)
        let answeredDirection = answer.direction(for: answered)
        guard answeredDirection.reversed.intersection(offeredDirection) == answeredDirection.reversed else {
            throw .directionNotAllowed(mediaIndex: index, offered: offeredDirection, answered: answeredDirection)
        }
        let offeredFormats = offered.mediaFormats
        let common = answered.mediaFormats.filter { format in
            offeredFormats.contains { Self.matches($0, format) }
        }
        // A stream of telephone-events alone (RFC 4317 §2.4) has no other format to choose.
        let isAudio = { (format: SDPMediaFormat) in
            format.codec?.isTelephoneEvent != true && format.codec?.isComfortNoise != true
        }
        guard let format = common.first(where: isAudio) ?? common.first else {
            throw .noCommonFormat(mediaIndex: index)
        }
        let events = common.filter { $0 != format && $0.codec?.isTelephoneEvent == true }
        let telephoneEvent = events.first { $0.codec?.clockRate == format.codec?.clockRate } ?? events.first
        guard
            let stream = SDPNegotiatedStream.remote(
                answered, at: index, in: answer, format: format, telephoneEvent: telephoneEvent,
                rtcpMux: offered.rtcpMux && answered.rtcpMux, localDirection: answeredDirection.reversed)
        else { throw .missingConnection(mediaIndex: index) }
        return stream
    }

    /// Whether two formats name the same thing: the same codec when both have one, else the same number.
    private static func matches(_ offered: SDPMediaFormat, _ answered: SDPMediaFormat) -> Bool {
        if let offeredCodec = offered.codec, let answeredCodec = answered.codec { return offeredCodec == answeredCodec }
        return offered.payloadType == answered.payloadType
    }
}
