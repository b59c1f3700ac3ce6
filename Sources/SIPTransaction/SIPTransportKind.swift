/// Whether the transport under a transaction delivers messages reliably, which decides which timers run
/// (RFC 3261 §17, Table 4 in Appendix A).
///
/// Over an unreliable transport (UDP) the transaction layer retransmits: Timers A, E and G run, and the
/// linger timers D, I, J and K keep a finished transaction around to absorb the peer's retransmissions.
/// Over a reliable transport (TCP, TLS, SCTP, WebSocket) nothing is retransmitted, and D, I, J and K are
/// zero, so those states end at once.
public enum SIPTransportKind: Hashable, Sendable {
    /// UDP: messages may be lost or duplicated; the transaction retransmits (RFC 3261 §17.1.1.2).
    case unreliable
    /// TCP, TLS, SCTP, WebSocket: the transport retransmits, the transaction does not.
    case reliable
}
