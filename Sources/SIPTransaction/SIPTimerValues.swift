/// The timer values of RFC 3261 Table 4 (Appendix A), with RFC 6026's Timers L (§8.7) and M (§8.4), all
/// derived from T1, T2 and T4.
///
/// | timer | value (unreliable) | value (reliable) | meaning |
/// |---|---|---|---|
/// | A | T1, doubling | — | INVITE request retransmit (§17.1.1.2) |
/// | B | 64·T1 | 64·T1 | INVITE transaction timeout |
/// | D | ≥ 32 s (``timerD``) | 0 | wait for response retransmissions |
/// | E | T1, doubling to T2 | — | non-INVITE request retransmit (§17.1.2.2) |
/// | F | 64·T1 | 64·T1 | non-INVITE transaction timeout |
/// | G | T1, doubling to T2 | — | INVITE final response retransmit (§17.2.1) |
/// | H | 64·T1 | 64·T1 | wait for ACK receipt |
/// | I | T4 | 0 | wait for ACK retransmissions |
/// | J | 64·T1 | 0 | wait for non-INVITE request retransmissions (§17.2.2) |
/// | K | T4 | 0 | wait for response retransmissions (§17.1.2.2) |
/// | L | 64·T1 | 64·T1 | wait for INVITE retransmissions after a 2xx (RFC 6026 §8.7) |
/// | M | 64·T1 | 64·T1 | wait for 2xx retransmissions (RFC 6026 §8.4) |
/// | trying | 200 ms (``tryingDelay``) | 200 ms | send 100 (Trying) if the TU has not answered (§17.2.1) |
///
/// ```swift
/// var timers = SIPTimerValues.rfc3261
/// timers.t1 = .milliseconds(250)  // a LAN where round trips are known to be short (§17.1.1.1)
/// ```
///
/// T2 is expected to be at least T1: it caps the doubling of Timers E and G.
public struct SIPTimerValues: Hashable, Sendable {
    /// The round-trip time estimate (§17.1.1.1): 500 ms by default.
    public var t1: Duration
    /// The maximum retransmit interval for non-INVITE requests and INVITE responses: 4 s by default.
    public var t2: Duration
    /// The maximum time a message can remain in the network: 5 s by default.
    public var t4: Duration
    /// Timer D over an unreliable transport: "at least 32 seconds" (§17.1.1.2), 32 s by default.
    public var timerD: Duration
    /// How long an INVITE server transaction waits for the TU's first response before sending 100 (Trying)
    /// itself (§17.2.1): 200 ms by default.
    public var tryingDelay: Duration

    public init(
        t1: Duration = .milliseconds(500), t2: Duration = .seconds(4), t4: Duration = .seconds(5),
        timerD: Duration = .seconds(32), tryingDelay: Duration = .milliseconds(200)
    ) {
        self.t1 = t1
        self.t2 = t2
        self.t4 = t4
        self.timerD = timerD
        self.tryingDelay = tryingDelay
    }

    /// The values RFC 3261 recommends.
    public static let rfc3261 = SIPTimerValues()

    /// 64·T1, the value of Timers B, F, H, J (unreliable), L and M.
    public var transactionTimeout: Duration { t1 * 64 }

    /// The next retransmit interval of Timers E and G after `interval`: doubled, capped at T2 (§17.1.2.2,
    /// §17.2.1). Timer A doubles without a cap (``t1`` · 2ⁿ, §17.1.1.2).
    @inlinable
    func doubledCappedAtT2(_ interval: Duration) -> Duration { min(interval * 2, t2) }
}
