import SIPTransaction
import Testing

/// A machine driven by a fake clock: it performs the machine's timer actions as the glue would (schedule on
/// `startTimer`, drop on `cancelTimer`, drop all on `terminated`), records every action with the time it
/// happened, and, as time advances, fires the earliest due timer first.
///
/// It also checks the contract the glue relies on: a timer is never started while running, only a running
/// timer is cancelled, `terminated` comes last and once, and nothing follows it.
struct TestScheduler<Machine: TransactionMachine> {
    typealias Action = Machine.Action

    var machine: Machine
    private(set) var now = Duration.zero
    /// Running timers and when they are due.
    private(set) var pending: [SIPTransactionTimer: Duration] = [:]
    /// Every action, with the time it was produced.
    private(set) var log: [(at: Duration, action: Action)] = []
    /// Every timer started, with its duration, in order.
    private(set) var started: [(timer: SIPTransactionTimer, duration: Duration)] = []
    private(set) var cancelled: [SIPTransactionTimer] = []
    private(set) var fired: [(at: Duration, timer: SIPTransactionTimer)] = []
    private(set) var terminatedAt: Duration?

    init(_ machine: Machine) { self.machine = machine }

    /// Applies an event to the machine now, performs and records its actions, and returns them.
    @discardableResult
    mutating func event(
        _ body: (inout Machine) -> SIPTransactionActions<Action>, sourceLocation: SourceLocation = #_sourceLocation
    ) -> SIPTransactionActions<Action> {
        let actions = body(&machine)
        perform(actions, sourceLocation: sourceLocation)
        return actions
    }

    /// Fires, in order, every timer due up to `time`, then sets the clock to `time`.
    mutating func advance(to time: Duration) {
        while let (timer, due) = nextDue(), due <= time {
            now = due
            pending[timer] = nil
            fired.append((due, timer))
            perform(machine.timerFired(timer))
        }
        now = max(now, time)
    }

    mutating func advance(by duration: Duration) { advance(to: now + duration) }

    /// Fires timers until none is left (or `limit` is reached, which is recorded as an issue).
    mutating func runUntilIdle(limit: Duration = .seconds(3600), sourceLocation: SourceLocation = #_sourceLocation) {
        advance(to: limit)
        #expect(pending.isEmpty, "timers still running at \(limit): \(pending)", sourceLocation: sourceLocation)
    }

    /// The times at which `action` was produced.
    func times(of action: Action) -> [Duration] { log.filter { $0.action == action }.map(\.at) }

    /// How many times `action` was produced.
    func count(of action: Action) -> Int { log.count { $0.action == action } }

    private func nextDue() -> (SIPTransactionTimer, Duration)? {
        pending.min { ($0.value, $0.key.rawValue) < ($1.value, $1.key.rawValue) }.map { ($0.key, $0.value) }
    }

    private mutating func perform(
        _ actions: SIPTransactionActions<Action>, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for (index, action) in actions.enumerated() {
            #expect(terminatedAt == nil, "\(action) after the transaction terminated", sourceLocation: sourceLocation)
            log.append((now, action))
            if let (timer, duration) = action.startedTimer {
                #expect(pending[timer] == nil, "\(timer) started while running", sourceLocation: sourceLocation)
                #expect(duration > .zero, "\(timer) started with \(duration)", sourceLocation: sourceLocation)
                pending[timer] = now + duration
                started.append((timer, duration))
            } else if let timer = action.cancelledTimer {
                #expect(pending[timer] != nil, "\(timer) cancelled while not running", sourceLocation: sourceLocation)
                pending[timer] = nil
                cancelled.append(timer)
            } else if action.isTerminated {
                #expect(index == actions.count - 1, "terminated is not the last action", sourceLocation: sourceLocation)
                terminatedAt = now
                pending.removeAll()
            }
        }
        #expect(
            machine.isTerminated == (terminatedAt != nil), "isTerminated disagrees with the actions",
            sourceLocation: sourceLocation)
    }
}
