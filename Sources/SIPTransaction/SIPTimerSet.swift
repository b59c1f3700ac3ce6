/// The timers a transaction has started and not yet seen fire or cancelled: a bit per
/// ``SIPTransactionTimer``. It is what makes a late `timerFired` a no-op: only an armed timer counts.
@usableFromInline
struct SIPTimerSet: Hashable, Sendable {
    @usableFromInline var bits: UInt16 = 0

    @inlinable init() {}

    @inlinable
    func contains(_ timer: SIPTransactionTimer) -> Bool { bits & Self.bit(timer) != 0 }

    /// Marks `timer` running and asks the glue to schedule it.
    @inlinable
    mutating func start<Action: SIPTimerAction>(
        _ timer: SIPTransactionTimer, after duration: Duration, into actions: inout SIPTransactionActions<Action>
    ) {
        bits |= Self.bit(timer)
        actions.append(.startTimer(timer, duration))
    }

    /// Asks the glue to cancel `timer`, if it is running.
    @inlinable
    mutating func cancel<Action: SIPTimerAction>(
        _ timer: SIPTransactionTimer, into actions: inout SIPTransactionActions<Action>
    ) {
        guard contains(timer) else { return }
        bits &= ~Self.bit(timer)
        actions.append(.cancelTimer(timer))
    }

    /// Whether `timer` was running; it no longer is (a timer fires once, then is started again if needed).
    @inlinable
    mutating func fire(_ timer: SIPTransactionTimer) -> Bool {
        guard contains(timer) else { return false }
        bits &= ~Self.bit(timer)
        return true
    }

    /// Forgets every timer: the glue drops them all with the terminated transaction.
    @inlinable
    mutating func removeAll() { bits = 0 }

    @inlinable
    static func bit(_ timer: SIPTransactionTimer) -> UInt16 { 1 << UInt16(timer.rawValue) }
}
