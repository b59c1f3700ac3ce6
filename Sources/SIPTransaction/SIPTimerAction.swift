/// The actions ``SIPTimerSet`` emits, shared by client and server actions (enum cases satisfy these).
@usableFromInline
protocol SIPTimerAction {
    static func startTimer(_ timer: SIPTransactionTimer, _ duration: Duration) -> Self
    static func cancelTimer(_ timer: SIPTransactionTimer) -> Self
}
