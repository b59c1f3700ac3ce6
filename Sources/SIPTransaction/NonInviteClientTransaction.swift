/// The non-INVITE client transaction of RFC 3261 §17.1.2 (Figure 6): sends a request other than INVITE or
/// ACK, retransmits it over UDP, passes responses to the TU, and absorbs retransmitted final responses.
/// Events in, ``SIPClientTransactionAction``s out; it never reads a clock or touches a socket.
///
/// | state | event | actions | next state |
/// |---|---|---|---|
/// | (new) | ``start()`` | send request; start E = T1 (unreliable), F = 64·T1 | Trying |
/// | Trying | Timer E | resend; restart E at min(2·E, T2) | Trying |
/// | Trying, Proceeding | Timer F | inform TU (timed out) | Terminated |
/// | Trying, Proceeding | transport error | inform TU | Terminated |
/// | Trying | 1xx | 1xx to TU | Proceeding |
/// | Trying, Proceeding | 200–699 | cancel E, F; to TU; start K = T4 (unreliable) | Completed (reliable: Terminated) |
/// | Proceeding | Timer E | resend; restart E at T2 | Proceeding |
/// | Proceeding | 1xx | 1xx to TU | Proceeding |
/// | Completed | any response | — (absorbed) | Completed |
/// | Completed | Timer K | — | Terminated |
///
/// ```swift
/// var transaction = NonInviteClientTransaction(request: register, transport: .unreliable)
/// perform(transaction.start())
/// perform(transaction.receive(response: response, statusCode: response.statusCode))
/// perform(transaction.timerFired(.e))
/// ```
///
/// Timer E keeps running when a 1xx moves the transaction to Proceeding; its next expiry retransmits and
/// resets it to T2 (§17.1.2.2). Over reliable transports E does not run and K is zero.
public struct NonInviteClientTransaction<Message> {
    public typealias Action = SIPClientTransactionAction<Message>
    public typealias Actions = SIPTransactionActions<Action>

    /// The states of RFC 3261 Figure 6, for inspection.
    public enum State: Hashable, Sendable {
        case trying
        case proceeding
        case completed
        case terminated
    }

    private enum Stage: Hashable, Sendable {
        /// Constructed; ``start()`` not yet called (reported as Trying).
        case idle
        /// `interval` is the duration Timer E was last started with.
        case trying(interval: Duration)
        case proceeding
        case completed
        case terminated
    }

    /// The request this transaction sends.
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
        case .idle, .trying: return .trying
        case .proceeding: return .proceeding
        case .completed: return .completed
        case .terminated: return .terminated
        }
    }

    public var isTerminated: Bool { stage == .terminated }

    // MARK: Events

    /// Enters Trying: sends the request and starts Timers E (unreliable transports only) and F
    /// (§17.1.2.2). A second call returns no action.
    public mutating func start() -> Actions {
        guard stage == .idle else { return [] }
        var actions = Actions()
        actions.append(.send(request))
        stage = .trying(interval: timers.t1)
        if transport == .unreliable { armed.start(.e, after: timers.t1, into: &actions) }
        armed.start(.f, after: timers.transactionTimeout, into: &actions)
        return actions
    }

    /// A response the glue matched to this transaction (§17.1.3). `statusCode` outside 100...699 is ignored.
    public mutating func receive(response: Message, statusCode: Int) -> Actions {
        guard let responseClass = SIPResponseClass(statusCode: statusCode) else { return [] }
        var actions = Actions()
        switch (stage, responseClass) {
        case (.trying, .provisional), (.proceeding, .provisional):
            // §17.1.2.2: pass it up; Timer E keeps running (at T2 from its next expiry).
            stage = .proceeding
            actions.append(.deliver(response))
        case (.trying, _), (.proceeding, _):
            // §17.1.2.2: a final response ends the retransmissions; Completed absorbs retransmissions of it
            // until Timer K (zero when reliable).
            let lingers = transport == .unreliable
            if lingers {
                armed.cancel(.e, into: &actions)
                armed.cancel(.f, into: &actions)
            }
            actions.append(.deliver(response))
            if lingers {
                stage = .completed
                armed.start(.k, after: timers.t4, into: &actions)
            } else {
                terminate(into: &actions)
            }
        case (.idle, _), (.completed, _), (.terminated, _):
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
        case (.trying(let interval), .e):
            // §17.1.2.2: retransmit; E doubles, capped at T2.
            actions.append(.send(request))
            let next = timers.doubledCappedAtT2(interval)
            stage = .trying(interval: next)
            armed.start(.e, after: next, into: &actions)
        case (.proceeding, .e):
            // §17.1.2.2: in Proceeding, retransmit every T2.
            actions.append(.send(request))
            armed.start(.e, after: timers.t2, into: &actions)
        case (.trying, .f), (.proceeding, .f):
            actions.append(.timedOut)
            terminate(into: &actions)
        case (.completed, .k):
            terminate(into: &actions)
        default:
            break
        }
        return actions
    }

    /// The transport could not send the request (§17.1.2.2): inform the TU and end. Ignored in Completed,
    /// where this transaction sends nothing.
    public mutating func transportError() -> Actions {
        switch stage {
        case .trying, .proceeding:
            var actions = Actions()
            actions.append(.transportFailed)
            terminate(into: &actions)
            return actions
        case .idle, .completed, .terminated:
            return []
        }
    }

    private mutating func terminate(into actions: inout Actions) {
        stage = .terminated
        armed.removeAll()
        actions.append(.terminated)
    }
}

extension NonInviteClientTransaction: Sendable where Message: Sendable {}
