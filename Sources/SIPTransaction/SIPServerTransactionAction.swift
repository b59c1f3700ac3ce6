/// What a server transaction (RFC 3261 §17.2) asks of the glue. Actions come in a
/// ``SIPTransactionActions`` list and are performed in order.
public enum SIPServerTransactionAction<Message> {
    /// Pass this response to the transport: the TU's response, or the last one again for a retransmitted
    /// request (§17.2.1, §17.2.2) or on Timer G.
    case send(Message)
    /// Build a 100 (Trying) for the transaction's request (§8.2.6.1: copy Timestamp, no To tag) and send it.
    /// The INVITE server transaction asks for it when the TU has not answered within 200 ms (§17.2.1), and
    /// again for an INVITE retransmission while it is the last provisional response.
    case sendTrying
    /// Pass this ACK up to the TU: an ACK for the TU's 2xx, received in Accepted (RFC 6026 §8.7).
    case deliver(Message)
    /// Schedule `timer` to fire after the duration, then call `timerFired(_:)`.
    case startTimer(SIPTransactionTimer, Duration)
    /// Cancel `timer`; if it fires anyway, `timerFired(_:)` ignores it.
    case cancelTimer(SIPTransactionTimer)
    /// Timer H fired: the ACK for a non-2xx final response never came; tell the TU (§17.2.1).
    case timedOut
    /// Tell the TU the transport failed to send a response (§17.2.4).
    case transportFailed
    /// The transaction is over: remove it and drop any timer of it still scheduled. Always the last action;
    /// every later event returns no action.
    case terminated
}

extension SIPServerTransactionAction: SIPTimerAction {}
extension SIPServerTransactionAction: Sendable where Message: Sendable {}
extension SIPServerTransactionAction: Equatable where Message: Equatable {}
extension SIPServerTransactionAction: Hashable where Message: Hashable {}
