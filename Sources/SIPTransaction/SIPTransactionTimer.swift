/// The timers of the four transaction state machines (RFC 3261 §17 and Table 4; L and M from RFC 6026 §8.7
/// and §8.4).
///
/// A machine asks for a timer with a `startTimer` action carrying its duration; the glue schedules it and
/// calls the machine's `timerFired(_:)` when it expires. A timer is never started while it is running. Firing
/// a timer the machine no longer cares about (cancelled, or its state left) is a harmless no-op.
///
/// Each expiry must reach the machine once: A, E and G restart when they fire, so a duplicated expiry of
/// the old one would count as the new one (a scheduler delivers each scheduled task once; this only matters
/// if the glue itself replays one).
public enum SIPTransactionTimer: UInt8, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// INVITE client: request retransmit interval, unreliable transports only (§17.1.1.2).
    case a
    /// INVITE client: transaction timeout, 64·T1 (§17.1.1.2).
    case b
    /// INVITE client: wait time for response retransmissions in Completed (§17.1.1.2).
    case d
    /// Non-INVITE client: request retransmit interval, unreliable transports only (§17.1.2.2).
    case e
    /// Non-INVITE client: transaction timeout, 64·T1 (§17.1.2.2).
    case f
    /// INVITE server: final response retransmit interval, unreliable transports only (§17.2.1).
    case g
    /// INVITE server: wait time for ACK receipt, 64·T1 (§17.2.1).
    case h
    /// INVITE server: wait time for ACK retransmissions in Confirmed (§17.2.1).
    case i
    /// Non-INVITE server: wait time for request retransmissions in Completed (§17.2.2).
    case j
    /// Non-INVITE client: wait time for response retransmissions in Completed (§17.1.2.2).
    case k
    /// INVITE server: wait time in Accepted for INVITE retransmissions and ACKs (RFC 6026 §8.7).
    case l
    /// INVITE client: wait time in Accepted for 2xx retransmissions (RFC 6026 §8.4).
    case m
    /// INVITE server: 200 ms without a response from the TU, then send 100 (Trying) (§17.2.1).
    case trying

    public var description: String {
        switch self {
        case .a: return "Timer A"
        case .b: return "Timer B"
        case .d: return "Timer D"
        case .e: return "Timer E"
        case .f: return "Timer F"
        case .g: return "Timer G"
        case .h: return "Timer H"
        case .i: return "Timer I"
        case .j: return "Timer J"
        case .k: return "Timer K"
        case .l: return "Timer L"
        case .m: return "Timer M"
        case .trying: return "Timer 100 (Trying)"
        }
    }
}
