/// What ``SDPNegotiation/answer(to:local:origin:)`` decided: the answer, and per offered m= line in order
/// the stream accepted (nil where the answer rejects it with port 0, RFC 3264 §6).
///
/// ```swift
/// let result = SDPNegotiation.answer(to: offer, local: local, origin: origin)
/// guard let stream = result.acceptedStream else { return reply(488) }   // RFC 3261 §21.4.26
/// send(result.description, relayTo: stream.remoteRTP)
/// ```
public struct SDPAnswerResult: Hashable, Sendable {
    /// The answer: every offered m= line, in order.
    public var description: SessionDescription
    /// One entry per offered m= line: the accepted stream, or nil.
    public var streams: [SDPNegotiatedStream?]

    public init(description: SessionDescription, streams: [SDPNegotiatedStream?]) {
        self.description = description
        self.streams = streams
    }

    /// The audio stream accepted, if any.
    public var acceptedStream: SDPNegotiatedStream? { streams.lazy.compactMap { $0 }.first }

    /// False when no audio stream could be accepted: the offer must be refused with 488 Not Acceptable Here
    /// (RFC 3261 §13.3.1.3) rather than answered.
    public var isAcceptable: Bool { acceptedStream != nil }
}
