/// The INVITE server transaction of RFC 3261 §17.2.1, as RFC 6026 §7.1, §8.5 and §8.7 amend it: absorbs
/// retransmitted INVITEs (answering them with the last response), sends 100 (Trying) when the TU is slow,
/// retransmits a non-2xx final response over UDP until the ACK comes, and after a 2xx waits in Accepted,
/// passing ACKs up to the TU. Events in, ``SIPServerTransactionAction``s out; it never reads a clock or
/// touches a socket.
///
/// | state | event | actions | next state |
/// |---|---|---|---|
/// | (new) | ``start()`` | start the 200 ms Trying timer | Proceeding |
/// | Proceeding | Trying timer | send 100 (Trying) | Proceeding |
/// | Proceeding | INVITE | resend the last 1xx (100 if none yet) | Proceeding |
/// | Proceeding | 1xx from TU | send it | Proceeding |
/// | Proceeding | 2xx from TU | send it; start L = 64·T1 | Accepted |
/// | Proceeding | 300–699 from TU | send it; start G = T1 (unreliable), H = 64·T1 | Completed |
/// | Proceeding, Completed, Accepted | transport error | inform TU | Terminated |
/// | Completed | INVITE | resend the final response | Completed |
/// | Completed | Timer G | resend; restart G at min(2·G, T2) | Completed |
/// | Completed | Timer H | inform TU (timed out) | Terminated |
/// | Completed | ACK | cancel G, H; start I = T4 (unreliable) | Confirmed (reliable: Terminated) |
/// | Confirmed | INVITE, ACK | — (absorbed) | Confirmed |
/// | Confirmed | Timer I | — | Terminated |
/// | Accepted | INVITE | — (absorbed) | Accepted |
/// | Accepted | ACK | ACK to TU | Accepted |
/// | Accepted | 2xx from TU | send it | Accepted |
/// | Accepted | Timer L | — | Terminated |
///
/// ```swift
/// var transaction = InviteServerTransaction(request: invite, transport: .unreliable)
/// perform(transaction.start())                  // and pass the INVITE to the TU
/// perform(transaction.respond(ringing, statusCode: 180))
/// perform(transaction.receive(request: retransmittedInvite))
/// perform(transaction.receiveACK(ack))
/// perform(transaction.timerFired(.g))
/// ```
///
/// The 100 (Trying) is the glue's to build (``SIPServerTransactionAction/sendTrying``); the glue may instead
/// answer at once with ``respond(_:statusCode:)``, before or after ``start()``, and no Trying timer runs.
/// An INVITE retransmission in Proceeding before any provisional response went out is answered with a 100
/// at once: the client is retransmitting, so the 200 ms grace is over. The 2xx is retransmitted by the TU
/// (§13.3.1.4), not by this transaction: in Accepted, each 2xx the TU passes down is sent.
public struct InviteServerTransaction<Message> {
    public typealias Action = SIPServerTransactionAction<Message>
    public typealias Actions = SIPTransactionActions<Action>

    /// The states of RFC 3261 Figure 7 with RFC 6026's Accepted, for inspection.
    public enum State: Hashable, Sendable {
        case proceeding
        case completed
        case confirmed
        case accepted
        case terminated
    }

    /// The last provisional response sent in Proceeding, which a retransmitted INVITE gets again.
    @usableFromInline enum Provisional {
        case nothing
        /// The 100 (Trying) the glue built on ``SIPServerTransactionAction/sendTrying``.
        case trying
        case response(Message)
    }

    @usableFromInline enum Stage {
        case proceeding(Provisional)
        /// `interval` is the duration Timer G was last started with.
        case completed(final: Message, interval: Duration)
        case confirmed
        case accepted
        case terminated
    }

    /// The INVITE that created this transaction; the glue builds the 100 (Trying) from it.
    public let request: Message
    public let transport: SIPTransportKind
    public let timers: SIPTimerValues
    @usableFromInline var stage = Stage.proceeding(.nothing)
    @usableFromInline var armed = SIPTimerSet()

    /// A transaction for `request`, in Proceeding (§17.2.1): the glue passes the INVITE to the TU.
    @inlinable
    public init(request: Message, transport: SIPTransportKind, timers: SIPTimerValues = .rfc3261) {
        self.request = request
        self.transport = transport
        self.timers = timers
    }

    @inlinable
    public var state: State {
        switch stage {
        case .proceeding: return .proceeding
        case .completed: return .completed
        case .confirmed: return .confirmed
        case .accepted: return .accepted
        case .terminated: return .terminated
        }
    }

    @inlinable
    public var isTerminated: Bool { state == .terminated }

    // MARK: Events

    /// Starts the Trying timer (§17.2.1: send 100 if the TU won't within 200 ms), unless a response already
    /// went out. A second call returns no action.
    @inlinable
    public mutating func start() -> Actions {
        guard case .proceeding(.nothing) = stage, !armed.contains(.trying) else { return [] }
        var actions = Actions()
        armed.start(.trying, after: timers.tryingDelay, into: &actions)
        return actions
    }

    /// A response from the TU (§17.2.1). `statusCode` outside 100...699 is ignored, and so is any response
    /// once a final one went out, except a 2xx in Accepted (RFC 6026 §8.7).
    @inlinable
    public mutating func respond(_ response: Message, statusCode: Int) -> Actions {
        guard let responseClass = SIPResponseClass(statusCode: statusCode) else { return [] }
        var actions = Actions()
        switch (stage, responseClass) {
        case (.proceeding, .provisional):
            armed.cancel(.trying, into: &actions)
            stage = .proceeding(.response(response))
            actions.append(.send(response))
        case (.proceeding, .success):
            // RFC 6026 §8.5: Accepted with Timer L, instead of RFC 3261's Terminated.
            armed.cancel(.trying, into: &actions)
            actions.append(.send(response))
            stage = .accepted
            armed.start(.l, after: timers.transactionTimeout, into: &actions)
        case (.proceeding, .failure):
            // §17.2.1: Completed; G retransmits over UDP, H bounds the wait for the ACK.
            armed.cancel(.trying, into: &actions)
            actions.append(.send(response))
            stage = .completed(final: response, interval: timers.t1)
            if transport == .unreliable { armed.start(.g, after: timers.t1, into: &actions) }
            armed.start(.h, after: timers.transactionTimeout, into: &actions)
        case (.accepted, .success):
            // RFC 6026 §8.7: the TU's 2xx retransmissions (§13.3.1.4) go out through this transaction.
            actions.append(.send(response))
        case (.completed, _), (.confirmed, _), (.accepted, _), (.terminated, _):
            break
        }
        return actions
    }

    /// A retransmission of the INVITE (§17.2.3 matched it to this transaction).
    @inlinable
    public mutating func receive(request: Message) -> Actions {
        var actions = Actions()
        switch stage {
        case .proceeding(.response(let provisional)):
            // §17.2.1: the most recent provisional response goes out again.
            actions.append(.send(provisional))
        case .proceeding(.trying):
            actions.append(.sendTrying)
        case .proceeding(.nothing):
            armed.cancel(.trying, into: &actions)
            stage = .proceeding(.trying)
            actions.append(.sendTrying)
        case .completed(let final, _):
            // §17.2.1: the final response goes out again.
            actions.append(.send(final))
        case .confirmed, .accepted, .terminated:
            // §17.2.1 (Confirmed) and RFC 6026 §8.7 (Accepted): absorbed, not passed to the TU.
            break
        }
        return actions
    }

    /// An ACK matched to this transaction (§17.2.3): for the non-2xx final response in Completed, or for the
    /// TU's 2xx in Accepted (RFC 6026 §8.7), which the TU gets.
    @inlinable
    public mutating func receiveACK(_ ack: Message) -> Actions {
        var actions = Actions()
        switch stage {
        case .completed:
            // §17.2.1: Confirmed, absorbing ACK retransmissions for Timer I (zero when reliable).
            if transport == .unreliable {
                armed.cancel(.g, into: &actions)
                armed.cancel(.h, into: &actions)
                stage = .confirmed
                armed.start(.i, after: timers.t4, into: &actions)
            } else {
                terminate(into: &actions)
            }
        case .accepted:
            actions.append(.deliver(ack))
        case .proceeding, .confirmed, .terminated:
            break
        }
        return actions
    }

    /// A timer from a ``SIPServerTransactionAction/startTimer(_:_:)`` expired. A timer that was cancelled,
    /// or whose state is gone, is ignored.
    @inlinable
    public mutating func timerFired(_ timer: SIPTransactionTimer) -> Actions {
        guard armed.fire(timer) else { return [] }
        var actions = Actions()
        switch (stage, timer) {
        case (.proceeding(.nothing), .trying):
            stage = .proceeding(.trying)
            actions.append(.sendTrying)
        case (.completed(let final, let interval), .g):
            // §17.2.1: retransmit; G doubles, capped at T2.
            actions.append(.send(final))
            let next = timers.doubledCappedAtT2(interval)
            stage = .completed(final: final, interval: next)
            armed.start(.g, after: next, into: &actions)
        case (.completed, .h):
            // §17.2.1: the ACK never came; the TU is told of the failure.
            actions.append(.timedOut)
            terminate(into: &actions)
        case (.confirmed, .i), (.accepted, .l):
            terminate(into: &actions)
        default:
            break
        }
        return actions
    }

    /// The transport could not send a response (§17.2.4): inform the TU and end. Ignored in Confirmed,
    /// where this transaction sends nothing.
    @inlinable
    public mutating func transportError() -> Actions {
        switch stage {
        case .proceeding, .completed, .accepted:
            var actions = Actions()
            actions.append(.transportFailed)
            terminate(into: &actions)
            return actions
        case .confirmed, .terminated:
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

extension InviteServerTransaction: Sendable where Message: Sendable {}
extension InviteServerTransaction.Stage: Sendable where Message: Sendable {}
extension InviteServerTransaction.Provisional: Sendable where Message: Sendable {}
