/// What a client transaction (RFC 3261 §17.1) asks of the glue. Actions come in a
/// ``SIPTransactionActions`` list and are performed in order.
public enum SIPClientTransactionAction<Message> {
    /// Pass the request to the transport: the first transmission, or a retransmission on Timer A or E.
    case send(Message)
    /// Send an ACK for this non-2xx final response to the INVITE, built from the original request and the
    /// response's To (RFC 3261 §17.1.1.3). Sent for the first final response and for every retransmission
    /// of it received in Completed (§17.1.1.2).
    case sendACK(for: Message)
    /// Schedule `timer` to fire after the duration, then call `timerFired(_:)`.
    case startTimer(SIPTransactionTimer, Duration)
    /// Cancel `timer`; if it fires anyway, `timerFired(_:)` ignores it.
    case cancelTimer(SIPTransactionTimer)
    /// Pass this response up to the TU.
    case deliver(Message)
    /// Timer B or F fired: tell the TU the transaction timed out (it treats this as a 408, §8.1.3.1).
    case timedOut
    /// Tell the TU the transport failed (§17.1.1.2, §17.1.2.2); it treats this as a 503 (§8.1.3.1).
    case transportFailed
    /// The transaction is over: remove it and drop any timer of it still scheduled. Always the last action;
    /// every later event returns no action.
    case terminated
}

extension SIPClientTransactionAction: SIPTimerAction {}
extension SIPClientTransactionAction: Sendable where Message: Sendable {}
extension SIPClientTransactionAction: Equatable where Message: Equatable {}
extension SIPClientTransactionAction: Hashable where Message: Hashable {}
