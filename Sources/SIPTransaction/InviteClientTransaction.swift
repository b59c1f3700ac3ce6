/// The INVITE client transaction of RFC 3261 §17.1.1, as RFC 6026 §7.2 and §8.4 amend it: a state machine
/// that sends the INVITE, retransmits it over UDP, acknowledges non-2xx final responses, and passes every
/// 2xx to the TU. Events in, ``SIPClientTransactionAction``s out; it never reads a clock or touches a socket.
///
/// | state | event | actions | next state |
/// |---|---|---|---|
/// | (new) | ``start()`` | send INVITE; start A = T1 (unreliable), B = 64·T1 | Calling |
/// | Calling | Timer A | resend INVITE; restart A at twice its value | Calling |
/// | Calling | Timer B | inform TU (timed out) | Terminated |
/// | Calling | 1xx | cancel A, B; 1xx to TU | Proceeding |
/// | Calling, Proceeding | 2xx | cancel A, B; 2xx to TU; start M = 64·T1 | Accepted |
/// | Calling, Proceeding | 300–699 | cancel A, B; ACK; to TU; start D (unreliable) | Completed (reliable: Terminated) |
/// | Calling, Completed | transport error | inform TU | Terminated |
/// | Proceeding | 1xx | 1xx to TU | Proceeding |
/// | Completed | 300–699 | ACK again (not to TU) | Completed |
/// | Completed | Timer D | — | Terminated |
/// | Accepted | 2xx | 2xx to TU | Accepted |
/// | Accepted | Timer M | — | Terminated |
///
/// ```swift
/// var transaction = InviteClientTransaction(request: invite, transport: .unreliable)
/// perform(transaction.start())
/// // for each response the glue matched to this transaction (§17.1.3):
/// perform(transaction.receive(response: response, statusCode: response.statusCode))
/// // when a timer from a `.startTimer` action expires:
/// perform(transaction.timerFired(.a))
/// ```
///
/// Rules, beyond the table (Figure 5 of RFC 3261 as RFC 6026 §7.2 redraws it):
/// - Timer A starts at T1 and doubles without a cap (§17.1.1.2); it runs only over unreliable transports.
///   A 1xx in Calling stops both A and B: a ringing INVITE may last as long as the TU lets it.
/// - A 2xx is never absorbed: the first one and every later one, retransmitted or from another fork, goes
///   to the TU, which sends the ACK (§13.2.2.4). A 2xx in Completed (a broken downstream) goes up too.
/// - A 1xx after a final response, and a non-2xx in Accepted, are dropped.
/// - Timer D is ``SIPTimerValues/timerD`` over unreliable transports and zero over reliable ones: there the
///   first non-2xx final response ends the transaction at once, after its ACK.
public struct InviteClientTransaction<Message> {
    public typealias Action = SIPClientTransactionAction<Message>
    public typealias Actions = SIPTransactionActions<Action>

    /// The states of RFC 3261 Figure 5 with RFC 6026's Accepted, for inspection.
    public enum State: Hashable, Sendable {
        case calling
        case proceeding
        case completed
        case accepted
        case terminated
    }

    private enum Stage: Hashable, Sendable {
        /// Constructed; ``start()`` not yet called (reported as Calling).
        case idle
        /// `interval` is the duration Timer A was last started with.
        case calling(interval: Duration)
        case proceeding
        case completed
        case accepted
        case terminated
    }

    /// The INVITE this transaction sends, and the glue builds ACKs from (§17.1.1.3).
    public let request: Message
    public let transport: SIPTransportKind
    public let timers: SIPTimerValues
    private var stage = Stage.idle
    private var armed = SIPTimerSet()

    public init(request: Message, transport: SIPTransportKind, timers: SIPTimerValues = .rfc3261) {
        self.request = request
        self.transport = transport
        self.timers = timers
    }

    public var state: State {
        switch stage {
        case .idle, .calling: return .calling
        case .proceeding: return .proceeding
        case .completed: return .completed
        case .accepted: return .accepted
        case .terminated: return .terminated
        }
    }

    public var isTerminated: Bool { stage == .terminated }

    // MARK: Events

    /// Enters Calling: sends the INVITE and starts Timers A (unreliable transports only) and B (§17.1.1.2).
    /// A second call returns no action.
    public mutating func start() -> Actions {
        guard stage == .idle else { return [] }
        var actions = Actions()
        actions.append(.send(request))
        stage = .calling(interval: timers.t1)
        if transport == .unreliable { armed.start(.a, after: timers.t1, into: &actions) }
        armed.start(.b, after: timers.transactionTimeout, into: &actions)
        return actions
    }

    /// A response the glue matched to this transaction (§17.1.3). `statusCode` outside 100...699 is ignored.
    public mutating func receive(response: Message, statusCode: Int) -> Actions {
        guard let responseClass = SIPResponseClass(statusCode: statusCode) else { return [] }
        var actions = Actions()
        switch (stage, responseClass) {
        case (.calling, .provisional):
            // §17.1.1.2: no more retransmissions; Timer B belongs to Calling alone.
            armed.cancel(.a, into: &actions)
            armed.cancel(.b, into: &actions)
            stage = .proceeding
            actions.append(.deliver(response))
        case (.proceeding, .provisional), (.accepted, .success), (.completed, .success):
            // §17.1.1.2: further 1xx go to the TU; RFC 6026 §8.4: so does every 2xx in Accepted.
            actions.append(.deliver(response))
        case (.calling, .success), (.proceeding, .success):
            // RFC 6026 §8.4: Accepted, with Timer M, instead of RFC 3261's Terminated.
            armed.cancel(.a, into: &actions)
            armed.cancel(.b, into: &actions)
            actions.append(.deliver(response))
            stage = .accepted
            armed.start(.m, after: timers.transactionTimeout, into: &actions)
        case (.calling, .failure), (.proceeding, .failure):
            // §17.1.1.2: ACK it and pass it up, then linger in Completed for Timer D (zero when reliable).
            let lingers = transport == .unreliable
            if lingers {
                armed.cancel(.a, into: &actions)
                armed.cancel(.b, into: &actions)
            }
            actions.append(.sendACK(for: response))
            actions.append(.deliver(response))
            if lingers {
                stage = .completed
                armed.start(.d, after: timers.timerD, into: &actions)
            } else {
                terminate(into: &actions)
            }
        case (.completed, .failure):
            // §17.1.1.2: a retransmitted final response is acknowledged again, not passed up.
            actions.append(.sendACK(for: response))
        case (.idle, _), (.terminated, _), (.completed, .provisional), (.accepted, .provisional),
            (.accepted, .failure):
            break
        }
        return actions
    }

    /// A timer from a ``SIPClientTransactionAction/startTimer(_:_:)`` expired. A timer that was cancelled,
    /// or whose state is gone, is ignored.
    public mutating func timerFired(_ timer: SIPTransactionTimer) -> Actions {
        guard armed.fire(timer) else { return [] }
        var actions = Actions()
        switch (stage, timer) {
        case (.calling(let interval), .a):
            // §17.1.1.2: retransmit, and reset A with twice its value (no cap; B ends it).
            actions.append(.send(request))
            let next = interval * 2
            stage = .calling(interval: next)
            armed.start(.a, after: next, into: &actions)
        case (.calling, .b):
            // §17.1.1.2: the TU is told of the timeout (a 408, §8.1.3.1).
            actions.append(.timedOut)
            terminate(into: &actions)
        case (.completed, .d), (.accepted, .m):
            terminate(into: &actions)
        default:
            break
        }
        return actions
    }

    /// The transport could not send the INVITE or an ACK (§17.1.1.2): inform the TU and end. Ignored in
    /// Proceeding and Accepted, where this transaction sends nothing.
    public mutating func transportError() -> Actions {
        switch stage {
        case .calling, .completed:
            var actions = Actions()
            actions.append(.transportFailed)
            terminate(into: &actions)
            return actions
        case .idle, .proceeding, .accepted, .terminated:
            return []
        }
    }

    /// Enters Terminated; the glue drops the transaction with every timer of it (RFC 6026 §8.4: destroyed
    /// at once).
    private mutating func terminate(into actions: inout Actions) {
        stage = .terminated
        armed.removeAll()
        actions.append(.terminated)
    }
}

extension InviteClientTransaction: Sendable where Message: Sendable {}
