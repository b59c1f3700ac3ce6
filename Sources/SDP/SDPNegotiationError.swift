/// Why an answer does not answer our offer (RFC 3264 §6, §6.1). The SIP side's remedy is to end the
/// dialog's session (ACK, then BYE, RFC 3261 §13.2.2.4) or offer again.
public enum SDPNegotiationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The answer does not have exactly the offer's m= lines (RFC 3264 §6).
    case mediaCountMismatch(offered: Int, answered: Int)
    /// An answer m= line of another media type than the offer's at the same index (RFC 3264 §6).
    case mediaTypeMismatch(mediaIndex: Int, offered: String, answered: String)
    /// An accepted answer m= line with another transport than the offer's (RFC 3264 §6).
    case transportMismatch(mediaIndex: Int, offered: String, answered: String)
    /// The answer accepts a stream the offer disabled with port 0 (RFC 3264 §6).
    case acceptedDisabledStream(mediaIndex: Int)
    /// An accepted stream without any codec from the offer (RFC 3264 §6.1).
    case noCommonFormat(mediaIndex: Int)
    /// A direction the offered one does not allow, such as sendonly to sendonly (RFC 3264 §6.1).
    case directionNotAllowed(mediaIndex: Int, offered: SDPDirection, answered: SDPDirection)
    /// An accepted stream without a connection address (RFC 8866 §5.7).
    case missingConnection(mediaIndex: Int)

    public var description: String {
        switch self {
        case .mediaCountMismatch(let offered, let answered):
            "the answer has \(answered) m= lines for the offer's \(offered) (RFC 3264 §6)"
        case .mediaTypeMismatch(let index, let offered, let answered):
            "m= line \(index): \(answered) answers \(offered) (RFC 3264 §6)"
        case .transportMismatch(let index, let offered, let answered):
            "m= line \(index): transport \(answered) answers \(offered) (RFC 3264 §6)"
        case .acceptedDisabledStream(let index):
            "m= line \(index): the answer accepts a stream the offer disabled (RFC 3264 §6)"
        case .noCommonFormat(let index):
            "m= line \(index): no codec of the offer in the answer (RFC 3264 §6.1)"
        case .directionNotAllowed(let index, let offered, let answered):
            "m= line \(index): \(answered) does not answer \(offered) (RFC 3264 §6.1)"
        case .missingConnection(let index):
            "m= line \(index): no connection address (RFC 8866 §5.7)"
        }
    }
}
