import SDP

/// The B2BUA's side of offer/answer (RFC 3264): the PBX terminates SDP on each leg, offering and answering
/// with the relay's address and ports, and carries only G.711 (PCMU, PCMA) and RFC 4733 telephone-events,
/// which the relay can pass or translate between the laws.
extension SIPEndpoint {
    /// The G.711 laws a line allows (XiVO's `ulaw`, `alaw`), in its order; all of them when it names none.
    static func laws(allowed codecs: [String]) -> [CallMediaLeg.Law] {
        let laws = codecs.compactMap { codec -> CallMediaLeg.Law? in
            switch codec.lowercased() {
            case "ulaw", "pcmu", "g711u": .pcmu
            case "alaw", "pcma", "g711a": .pcma
            default: nil
            }
        }
        return laws.isEmpty ? [.pcmu, .pcma] : laws
    }

    static func sdpCodec(_ law: CallMediaLeg.Law) -> SDPCodec { law == .pcmu ? .pcmu : .pcma }

    static func law(of codec: SDPCodec?) -> CallMediaLeg.Law? {
        guard let codec else { return nil }
        if codec == .pcmu { return .pcmu }
        if codec == .pcma { return .pcma }
        return nil
    }

    /// The laws of the first audio stream of an offer that the line allows, in the offer's order.
    static func relayableLaws(in offer: SessionDescription, allowed: [String]) -> [CallMediaLeg.Law] {
        let allowedLaws = laws(allowed: allowed)
        guard let audio = offer.media.first(where: { $0.media == "audio" && $0.port != 0 }) else { return [] }
        var found: [CallMediaLeg.Law] = []
        for format in audio.mediaFormats {
            if let law = law(of: format.codec), allowedLaws.contains(law), !found.contains(law) { found.append(law) }
        }
        return found
    }

    static func offersTelephoneEvent(_ offer: SessionDescription) -> Bool {
        offer.media.first { $0.media == "audio" }?.mediaFormats.contains { $0.codec == .telephoneEvent } ?? false
    }

    /// The callee's codecs: the caller's laws first (so the relay need not translate), then any other law
    /// the callee's line allows.
    static func orderedLaws(preferring first: [CallMediaLeg.Law], allowed: [String]) -> [CallMediaLeg.Law] {
        let allowedLaws = laws(allowed: allowed)
        return first.filter(allowedLaws.contains) + allowedLaws.filter { !first.contains($0) }
    }

    static func origin(sessionID: UInt64, version: UInt64, address: String) -> SDPOrigin {
        SDPOrigin(
            username: "castor", sessionID: sessionID, sessionVersion: version, networkType: "IN",
            addressType: "IP4", address: address)
    }

    /// The PBX's offer to the callee: the relay's leg-B port, the laws in order, telephone-event when the
    /// caller can send it.
    static func relayOffer(
        laws: [CallMediaLeg.Law], telephoneEvent: Bool, address: String, port: Int, sessionID: UInt64,
        version: UInt64
    ) -> SessionDescription {
        let local = SDPLocalMedia(
            address: address, port: port, codecs: laws.map(sdpCodec), telephoneEvent: telephoneEvent, ptime: 20,
            rtcpMux: false, direction: .sendrecv)
        return SDPNegotiation.offer(
            local: local, origin: origin(sessionID: sessionID, version: version, address: address))
    }

    /// Leg B's media from the callee's answer to our offer; nil when the answer is unusable.
    static func calleeMedia(offer: SessionDescription, answer body: [UInt8]) -> CallMediaLeg? {
        guard let answer = try? SessionDescription(parsing: body),
            let streams = try? SDPNegotiation.negotiated(offer: offer, answer: answer),
            let stream = streams.compactMap({ $0 }).first
        else { return nil }
        return leg(stream)
    }

    /// Our answer to an offer (the caller's INVITE, or a re-INVITE from either phone), choosing `preferring`
    /// when offered, else the first law both allow; nil when no audio stream can be accepted (488).
    static func callerAnswer(
        offer: SessionDescription, preferring law: CallMediaLeg.Law, allowed: [String], address: String, port: Int,
        sessionID: UInt64, version: UInt64
    ) -> (SessionDescription, CallMediaLeg)? {
        let order = orderedLaws(preferring: [law], allowed: allowed)
        let local = SDPLocalMedia(
            address: address, port: port, codecs: order.map(sdpCodec), telephoneEvent: true, ptime: 20,
            rtcpMux: true, direction: .sendrecv)
        let result = SDPNegotiation.answer(
            to: offer, local: local, origin: origin(sessionID: sessionID, version: version, address: address))
        guard let stream = result.streams.compactMap({ $0 }).first, let leg = leg(stream) else { return nil }
        return (result.description, leg)
    }

    /// The relay's view of a negotiated stream.
    static func leg(_ stream: SDPNegotiatedStream) -> CallMediaLeg? {
        guard let law = law(of: stream.format.codec) else { return nil }
        let receives = !stream.onHold && (stream.localDirection == .sendrecv || stream.localDirection == .sendonly)
        return CallMediaLeg(
            address: stream.remoteAddress, rtpPort: stream.remotePort, rtcpAddress: stream.remoteRTCP.address,
            rtcpPort: stream.remoteRTCP.port, rtcpMux: stream.rtcpMux, law: law,
            payloadType: stream.format.payloadType, telephoneEvent: stream.telephoneEvent?.payloadType,
            receives: receives)
    }
}
