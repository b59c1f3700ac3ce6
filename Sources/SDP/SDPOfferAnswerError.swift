/// An offer/answer event that the state of ``SDPOfferAnswer`` does not allow (RFC 3264 §4, RFC 3261 §14),
/// with the SIP response it calls for.
public enum SDPOfferAnswerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The remote party offered while our offer is outstanding: glare; a re-INVITE is answered 491 Request
    /// Pending (RFC 3261 §14.1, §14.2).
    case glare
    /// An offer while the other party's offer awaits our answer: the remote party's is answered 500 with
    /// Retry-After (RFC 3261 §14.2); our own is a programming error.
    case offerPending
    /// An answer, or a rollback, without an outstanding offer (RFC 3264 §4).
    case noOfferOutstanding
    /// The answer does not answer our offer; the state keeps the offer outstanding, so the caller may
    /// ``SDPOfferAnswer/rollback()``.
    case invalidAnswer(SDPNegotiationError)

    public var description: String {
        switch self {
        case .glare: "an offer crossed ours (glare, RFC 3261 §14.1): answer 491"
        case .offerPending: "an offer is already awaiting its answer (RFC 3261 §14.2)"
        case .noOfferOutstanding: "no offer is outstanding (RFC 3264 §4)"
        case .invalidAnswer(let error): "invalid answer: \(error)"
        }
    }
}
