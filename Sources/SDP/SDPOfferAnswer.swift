/// The offer/answer state of one leg (RFC 3264 §4, §8), as pjmedia's `sdp_neg`: who has offered, what was
/// agreed, and our origin's version. A value; events in, descriptions and errors out; no clock, no I/O.
///
/// ```
///                        sendOffer                  receiveAnswer
///   idle, established ─────────────▶ localOffer ───────────────────▶ established
///                     ─────────────▶ remoteOffer ──────────────────▶ established
///                       receiveOffer                 sendAnswer
///
///   rollback (a 488 or 491 to the offer): localOffer, remoteOffer → the last established, or idle
///   sendAnswer that accepts nothing: remoteOffer → the last established, or idle
/// ```
///
/// - An answer without an outstanding offer is an error; so is a second offer while one is outstanding
///   (``SDPOfferAnswerError/glare`` when the remote party's offer crosses ours: answer 491).
/// - Our origin keeps its session id; its version goes up by exactly one each time the description we send
///   differs from the last one we sent, and stays when it does not (RFC 3264 §8). A rolled-back offer
///   counts as sent: the next different description takes the next version, never a used one.
///
/// ```swift
/// var leg = SDPOfferAnswer(origin: SDPOrigin(username: "castor", sessionID: 42, sessionVersion: 1,
///                                            address: "192.0.2.1"))
/// try leg.receiveOffer(invite.sdp)
/// let result = try leg.sendAnswer(local)         // established, unless result.isAcceptable is false
/// ```
public struct SDPOfferAnswer: Hashable, Sendable {
    /// Where the exchange stands (RFC 3264 §4: at most one offer outstanding at a time, in either direction).
    public enum State: Hashable, Sendable {
        /// No description exchanged yet.
        case idle
        /// We sent this offer and await the answer.
        case localOffer(SessionDescription)
        /// The remote party sent this offer and awaits our answer.
        case remoteOffer(SessionDescription)
        /// The last exchange completed.
        case established(Agreement)
    }

    /// What the last completed exchange agreed (RFC 3264 §7, §8): both descriptions and the streams, the
    /// session that a rejected new offer leaves unchanged.
    public struct Agreement: Hashable, Sendable {
        /// Our description (offer or answer) as sent.
        public var local: SessionDescription
        /// The remote party's description.
        public var remote: SessionDescription
        /// Per m= line, the negotiated stream, or nil when rejected.
        public var streams: [SDPNegotiatedStream?]
    }

    public internal(set) var state: State = .idle
    /// The last agreement; kept while a new offer is outstanding, for ``rollback()``.
    public internal(set) var agreement: Agreement?
    /// Our origin line, with the version of the last description we sent.
    public internal(set) var origin: SDPOrigin
    /// The last description we sent, to tell whether the next one changed.
    var lastSent: SessionDescription?

    /// A leg whose first description will carry `origin` as it is.
    public init(origin: SDPOrigin) {
        self.origin = origin
    }
}
