/// The non-INVITE server transaction of RFC 3261 §17.2.2 (Figure 8): answers retransmitted requests with
/// the last response, and lingers in Completed over UDP to keep doing so. Events in,
/// ``SIPServerTransactionAction``s out; it never reads a clock or touches a socket.
///
/// | state | event | actions | next state |
/// |---|---|---|---|
/// | Trying | request | — (absorbed) | Trying |
/// | Trying, Proceeding | 1xx from TU | send it | Proceeding |
/// | Trying, Proceeding | 200–699 from TU | send it; start J = 64·T1 (unreliable) | Completed (reliable: Terminated) |
/// | Proceeding | request | resend the last 1xx | Proceeding |
/// | Proceeding, Completed | transport error | inform TU | Terminated |
/// | Completed | request | resend the final response | Completed |
/// | Completed | response from TU | — (discarded) | Completed |
/// | Completed | Timer J | — | Terminated |
///
/// ```swift
/// var transaction = NonInviteServerTransaction(request: register, transport: .unreliable)
/// // pass the request to the TU, then:
/// perform(transaction.respond(ok, statusCode: 200))
/// perform(transaction.receive(request: retransmittedRegister))
/// perform(transaction.timerFired(.j))
/// ```
///
/// No action is needed to start it: the transaction is in Trying from construction, with no timer.
public struct NonInviteServerTransaction<Message> {
    public typealias Action = SIPServerTransactionAction<Message>
    public typealias Actions = SIPTransactionActions<Action>

    /// The states of RFC 3261 Figure 8, for inspection.
    public enum State: Hashable, Sendable {
        case trying
        case proceeding
        case completed
        case terminated
    }

    @usableFromInline enum Stage {
        case trying
        case proceeding(provisional: Message)
        case completed(final: Message)
        case terminated
    }

    /// The request that created this transaction.
    public let request: Message
    public let transport: SIPTransportKind
    public let timers: SIPTimerValues
    @usableFromInline var stage = Stage.trying
    @usableFromInline var armed = SIPTimerSet()

    /// A transaction for `request`, in Trying (§17.2.2): the glue passes the request to the TU.
    @inlinable
    public init(request: Message, transport: SIPTransportKind, timers: SIPTimerValues = .rfc3261) {
        self.request = request
        self.transport = transport
        self.timers = timers
    }

    @inlinable
    public var state: State {
        switch stage {
        case .trying: return .trying
        case .proceeding: return .proceeding
        case .completed: return .completed
        case .terminated: return .terminated
        }
    }

    @inlinable
    public var isTerminated: Bool { state == .terminated }

    // MARK: Events

    /// A response from the TU (§17.2.2). `statusCode` outside 100...699 is ignored; in Completed, any
    /// response is discarded.
    @inlinable
    public mutating func respond(_ response: Message, statusCode: Int) -> Actions {
        guard let responseClass = SIPResponseClass(statusCode: statusCode) else { return [] }
        var actions = Actions()
        switch (stage, responseClass) {
        case (.trying, .provisional), (.proceeding, .provisional):
            stage = .proceeding(provisional: response)
            actions.append(.send(response))
        case (.trying, _), (.proceeding, _):
            // §17.2.2: Completed, answering retransmissions until Timer J (zero when reliable).
            actions.append(.send(response))
            if transport == .unreliable {
                stage = .completed(final: response)
                armed.start(.j, after: timers.transactionTimeout, into: &actions)
            } else {
                terminate(into: &actions)
            }
        case (.completed, _), (.terminated, _):
            break
        }
        return actions
    }

    /// A retransmission of the request (§17.2.3 matched it to this transaction).
    @inlinable
    public mutating func receive(request: Message) -> Actions {
        var actions = Actions()
        switch stage {
        case .trying, .terminated:
            // §17.2.2: in Trying the TU has not answered yet; the retransmission is discarded.
            break
        case .proceeding(let provisional):
            actions.append(.send(provisional))
        case .completed(let final):
            actions.append(.send(final))
        }
        return actions
    }

    /// A timer from a ``SIPServerTransactionAction/startTimer(_:_:)`` expired. A timer that was cancelled,
    /// or whose state is gone, is ignored.
    @inlinable
    public mutating func timerFired(_ timer: SIPTransactionTimer) -> Actions {
        guard armed.fire(timer) else { return [] }
        var actions = Actions()
        if case .completed = stage, timer == .j { terminate(into: &actions) }
        return actions
    }

    /// The transport could not send a response (§17.2.4): inform the TU and end. Ignored in Trying, where
    /// this transaction has sent nothing.
    @inlinable
    public mutating func transportError() -> Actions {
        switch stage {
        case .proceeding, .completed:
            var actions = Actions()
            actions.append(.transportFailed)
            terminate(into: &actions)
            return actions
        case .trying, .terminated:
            return []
        }
    }

    @inlinable
    mutating func terminate(into actions: inout Actions) {
        stage = .terminated
        armed.removeAll()
        actions.append(.terminated)
    }
}

extension NonInviteServerTransaction: Sendable where Message: Sendable {}
extension NonInviteServerTransaction.Stage: Sendable where Message: Sendable {}
