/// Whether a transfer waits for its client's answer by polling its socket before going to sleep, and for
/// how long: the user-space form of Linux's busy polling (`SO_BUSY_POLL`, `net.core.busy_read`, whose
/// documented recommended value is 50 µs), which works on every interface, loopback and veth included.
///
/// Why: lock-step TFTP (RFC 1350) moves one block per round trip, and when the client answers within tens of
/// microseconds (a VM or container on the same host, netboot on a virtual bridge) most of that round trip is
/// the server's thread going to sleep in epoll and being woken again, which on a virtual CPU costs an
/// inter-processor interrupt and a halt exit. Polling for up to ``budget`` keeps the thread awake for the
/// answer that is about to come.
///
/// When the answer does not come within the budget (a phone across a switch answers in hundreds of
/// microseconds), the poll backs off: after the n-th expiry in a row the next 2ⁿ − 1 windows go straight to
/// epoll (at most 1,023), so a slow client costs one budget per thousand blocks at worst. An answer within
/// the budget resets the back-off. The decision is per transfer, pure, and reads no clock: the transport
/// measures the budget and reports ``answered()`` or ``expired()``.
struct TFTPBusyPoll {
    /// How long to poll for an answer, in nanoseconds; 0 never polls.
    let budget: Int64
    /// Expiries in a row (capped at ``maximumBackOff``).
    private var expiries = 0
    /// Windows left to send before the next poll.
    private var skipped = 0

    static let maximumBackOff = 10

    init(budget: Duration) {
        let (seconds, attoseconds) = budget.components
        self.budget = max(0, seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    /// After a window went out: whether to poll for its answer.
    mutating func shouldPoll() -> Bool {
        guard budget > 0 else { return false }
        guard skipped == 0 else {
            skipped -= 1
            return false
        }
        return true
    }

    /// The answer came within the budget.
    mutating func answered() {
        expiries = 0
    }

    /// The budget passed without an answer.
    mutating func expired() {
        expiries = min(expiries + 1, Self.maximumBackOff)
        skipped = (1 << expiries) - 1
    }
}
