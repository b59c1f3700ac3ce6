extension SDPOfferAnswer {
    /// Sends an offer of `local`'s audio (``SDPNegotiation/offer(local:origin:)``), with our origin.
    public mutating func sendOffer(_ local: SDPLocalMedia) throws(SDPOfferAnswerError) -> SessionDescription {
        try sendOffer(SDPNegotiation.offer(local: local, origin: origin))
    }

    /// Sends `description` as an offer: its origin is replaced by ours, the version bumped when the
    /// description changed since the last one we sent (RFC 3264 §8).
    public mutating func sendOffer(_ description: SessionDescription) throws(SDPOfferAnswerError)
        -> SessionDescription
    {
        switch state {
        case .localOffer, .remoteOffer: throw .offerPending
        case .idle, .established: break
        }
        let offer = stamp(description)
        state = .localOffer(offer)
        return offer
    }

    /// Receives the answer to our outstanding offer and establishes what it agrees. An answer that does not
    /// answer the offer throws ``SDPOfferAnswerError/invalidAnswer(_:)`` and leaves the offer outstanding.
    public mutating func receiveAnswer(_ answer: SessionDescription) throws(SDPOfferAnswerError)
        -> [SDPNegotiatedStream?]
    {
        guard case .localOffer(let offer) = state else { throw .noOfferOutstanding }
        let streams: [SDPNegotiatedStream?]
        do {
            streams = try SDPNegotiation.negotiated(offer: offer, answer: answer)
        } catch {
            throw .invalidAnswer(error)
        }
        establish(Agreement(local: offer, remote: answer, streams: streams))
        return streams
    }

    /// Receives an offer (INVITE, re-INVITE, UPDATE, or the ACK of a 2xx that carried our offer is an
    /// answer instead). Throws ``SDPOfferAnswerError/glare`` while our offer is outstanding and
    /// ``SDPOfferAnswerError/offerPending`` while a previous remote offer awaits our answer.
    public mutating func receiveOffer(_ offer: SessionDescription) throws(SDPOfferAnswerError) {
        switch state {
        case .localOffer: throw .glare
        case .remoteOffer: throw .offerPending
        case .idle, .established: state = .remoteOffer(offer)
        }
    }

    /// Answers the outstanding remote offer with `local` (``SDPNegotiation/answer(to:local:origin:)``) and
    /// establishes it. When nothing can be accepted (``SDPAnswerResult/isAcceptable`` false) the offer is
    /// rejected instead: the state returns to the last agreement, our version does not move, and the caller
    /// refuses the offer with 488.
    public mutating func sendAnswer(_ local: SDPLocalMedia) throws(SDPOfferAnswerError) -> SDPAnswerResult {
        guard case .remoteOffer(let offer) = state else { throw .noOfferOutstanding }
        var result = SDPNegotiation.answer(to: offer, local: local, origin: origin)
        guard result.isAcceptable else {
            restoreAgreement()
            return result
        }
        result.description = stamp(result.description)
        establish(Agreement(local: result.description, remote: offer, streams: result.streams))
        return result
    }

    /// Abandons the outstanding offer, ours or the remote party's (a 488 or 491 to a re-INVITE, a CANCEL):
    /// back to the last agreement, or to idle when there is none (RFC 3261 §14.1: the session is
    /// unchanged).
    public mutating func rollback() throws(SDPOfferAnswerError) {
        switch state {
        case .localOffer, .remoteOffer: restoreAgreement()
        case .idle, .established: throw .noOfferOutstanding
        }
    }

    /// The streams of the last agreement, or none.
    public var streams: [SDPNegotiatedStream?] { agreement?.streams ?? [] }

    private mutating func establish(_ agreement: Agreement) {
        self.agreement = agreement
        state = .established(agreement)
    }

    private mutating func restoreAgreement() {
        state = agreement.map(State.established) ?? .idle
    }

    /// `description` with our origin, the version incremented by one when it differs from the last
    /// description we sent (RFC 3264 §8); remembered as sent.
    private mutating func stamp(_ description: SessionDescription) -> SessionDescription {
        var stamped = description
        stamped.origin = origin
        if let lastSent, lastSent != stamped {
            origin.sessionVersion &+= 1
            stamped.origin = origin
        }
        lastSent = stamped
        return stamped
    }
}
