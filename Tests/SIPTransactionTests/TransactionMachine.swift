import SIPTransaction

/// What the test scheduler needs of a machine: a way to fire its timers.
protocol TransactionMachine {
    associatedtype Action: TimerInspectable & Equatable
    var isTerminated: Bool { get }
    mutating func timerFired(_ timer: SIPTransactionTimer) -> SIPTransactionActions<Action>
}

/// The timer and lifetime actions, read uniformly from client and server actions.
protocol TimerInspectable {
    var startedTimer: (SIPTransactionTimer, Duration)? { get }
    var cancelledTimer: SIPTransactionTimer? { get }
    var isTerminated: Bool { get }
}

extension SIPClientTransactionAction: TimerInspectable {
    var startedTimer: (SIPTransactionTimer, Duration)? {
        if case .startTimer(let timer, let duration) = self { return (timer, duration) }
        return nil
    }
    var cancelledTimer: SIPTransactionTimer? {
        if case .cancelTimer(let timer) = self { return timer }
        return nil
    }
    var isTerminated: Bool {
        if case .terminated = self { return true }
        return false
    }
}

extension SIPServerTransactionAction: TimerInspectable {
    var startedTimer: (SIPTransactionTimer, Duration)? {
        if case .startTimer(let timer, let duration) = self { return (timer, duration) }
        return nil
    }
    var cancelledTimer: SIPTransactionTimer? {
        if case .cancelTimer(let timer) = self { return timer }
        return nil
    }
    var isTerminated: Bool {
        if case .terminated = self { return true }
        return false
    }
}

extension InviteClientTransaction: TransactionMachine where Message == TestMessage {}
extension NonInviteClientTransaction: TransactionMachine where Message == TestMessage {}
extension InviteServerTransaction: TransactionMachine where Message == TestMessage {}
extension NonInviteServerTransaction: TransactionMachine where Message == TestMessage {}
