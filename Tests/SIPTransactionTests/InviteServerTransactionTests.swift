import SIPTransaction
import Testing

/// RFC 3261 §17.2.1 (Figure 7) with RFC 6026 §7.1, §8.5 and §8.7.
@Suite struct InviteServerTransactionTests {
    typealias Transaction = InviteServerTransaction<TestMessage>

    static func started(
        _ transport: SIPTransportKind = .unreliable, timers: SIPTimerValues = .rfc3261
    ) -> TestScheduler<Transaction> {
        var scheduler = TestScheduler(Transaction(request: .invite, transport: transport, timers: timers))
        scheduler.event { $0.start() }
        return scheduler
    }

    /// A transaction in Completed after a 486 from the TU.
    static func completed(_ transport: SIPTransportKind = .unreliable) -> TestScheduler<Transaction> {
        var scheduler = started(transport)
        scheduler.event { $0.respond(.response(486), statusCode: 486) }
        return scheduler
    }

    @Test func happyPathRingingOKAckThenTimerL() {
        // §17.2.1 and RFC 6026 §8.5 and §8.7: Proceeding → (2xx) Accepted → ACK to TU → (Timer L) Terminated.
        var s = TestScheduler(Transaction(request: .invite, transport: .unreliable))
        #expect(s.machine.state == .proceeding)
        #expect(s.event { $0.start() } == [.startTimer(.trying, ms(200))])
        s.advance(to: ms(50))
        #expect(
            s.event { $0.respond(.response(180), statusCode: 180) } == [.cancelTimer(.trying), .send(.response(180))])
        s.advance(to: sec(4))
        #expect(
            s.event { $0.respond(.response(200), statusCode: 200) } == [
                .send(.response(200)), .startTimer(.l, sec(32)),
            ])
        #expect(s.machine.state == .accepted)
        s.advance(to: ms(4100))
        #expect(s.event { $0.receiveACK(.ack) } == [.deliver(.ack)])
        s.runUntilIdle()
        #expect(s.terminatedAt == sec(36))
        #expect(s.count(of: .sendTrying) == 0)
    }

    @Test func tryingTimerSends100WhenTheTUIsSlow() {
        // §17.2.1: "send 100 if TU won't in 200 ms".
        var s = Self.started()
        s.advance(to: sec(1))
        #expect(s.times(of: .sendTrying) == [ms(200)])
        #expect(s.machine.state == .proceeding)
    }

    @Test func tryingDelayIsConfigurable() {
        // §17.2.1: the 200 ms is a SHOULD-level figure; a deployment may shorten it.
        var s = Self.started(timers: SIPTimerValues(tryingDelay: ms(50)))
        s.advance(to: sec(1))
        #expect(s.times(of: .sendTrying) == [ms(50)])
    }

    @Test func noTryingWhenTheTUAnswersBeforeStart() {
        // §17.2.1: no 100 when the TU answers at once; start() then arms nothing.
        var s = TestScheduler(Transaction(request: .invite, transport: .unreliable))
        #expect(s.event { $0.respond(.response(100), statusCode: 100) } == [.send(.response(100))])
        #expect(s.event { $0.start() } == [])
        s.advance(to: sec(10))
        #expect(s.count(of: .sendTrying) == 0)
    }

    @Test func startTwiceArmsOneTimer() {
        // §17.2.1: one 100 (Trying) per transaction from the timer, however often start() is called.
        var s = Self.started()
        #expect(s.event { $0.start() } == [])
        s.advance(to: sec(1))
        #expect(s.event { $0.start() } == [])
        #expect(s.count(of: .sendTrying) == 1)
    }

    @Test func retransmittedInviteInProceedingGetsTheLastProvisional() {
        // §17.2.1: an INVITE retransmission in Proceeding → the most recent provisional response again.
        var s = Self.started()
        s.event { $0.respond(.response(180), statusCode: 180) }
        #expect(s.event { $0.receive(request: .invite) } == [.send(.response(180))])
        s.event { $0.respond(.response(183), statusCode: 183) }
        #expect(s.event { $0.receive(request: .invite) } == [.send(.response(183))])
        #expect(s.machine.state == .proceeding)
    }

    @Test func retransmittedInviteAfterTheAutomaticTryingGetsTryingAgain() {
        // §17.2.1: the 100 sent on the Trying timer is the most recent provisional response.
        var s = Self.started()
        s.advance(to: ms(500))
        #expect(s.event { $0.receive(request: .invite) } == [.sendTrying])
        #expect(s.count(of: .sendTrying) == 2)
    }

    @Test func retransmittedInviteBeforeAnyResponseGetsTryingAtOnce() {
        // §17.2.1: a retransmission shows the client needs an answer; the 100 goes now, not at 200 ms.
        var s = Self.started(timers: SIPTimerValues(t1: ms(100), tryingDelay: ms(200)))
        s.advance(to: ms(100))
        #expect(s.event { $0.receive(request: .invite) } == [.cancelTimer(.trying), .sendTrying])
        s.advance(to: sec(1))
        #expect(s.count(of: .sendTrying) == 1)
    }

    @Test func nonSuccessFinalStartsTimersGAndH() {
        // §17.2.1: 300–699 from the TU → send, Completed, G = T1 (unreliable), H = 64·T1.
        var s = Self.started()
        #expect(
            s.event { $0.respond(.response(486), statusCode: 486) } == [
                .cancelTimer(.trying), .send(.response(486)), .startTimer(.g, ms(500)), .startTimer(.h, sec(32)),
            ])
        #expect(s.machine.state == .completed)
    }

    @Test func timerGRetransmitsCappedAtT2UntilTimerH() {
        // §17.2.1: G doubles to T2; H = 64·T1 without an ACK → Terminated, TU told of the failure.
        var s = Self.completed()
        s.runUntilIdle()
        let sends = [0, 500, 1500, 3500, 7500, 11_500, 15_500, 19_500, 23_500, 27_500, 31_500].map(ms)
        #expect(s.times(of: .send(.response(486))) == sends)
        #expect(
            Array(s.started.filter { $0.timer == .g }.map(\.duration).prefix(5))
                == [500, 1000, 2000, 4000, 4000].map(ms))
        #expect(s.times(of: .timedOut) == [sec(32)])
        #expect(s.terminatedAt == sec(32))
    }

    @Test func timerGStopsWhenTheACKArrives() {
        // §17.2.1: ACK in Completed → Confirmed; G and H stop; I = T4.
        var s = Self.completed()
        s.advance(to: ms(2000))
        #expect(s.event { $0.receiveACK(.ack) } == [.cancelTimer(.g), .cancelTimer(.h), .startTimer(.i, sec(5))])
        #expect(s.machine.state == .confirmed)
        s.runUntilIdle()
        #expect(s.times(of: .send(.response(486))) == [0, 500, 1500].map(ms))
        #expect(s.terminatedAt == sec(7))
        #expect(s.count(of: .timedOut) == 0)
    }

    @Test func reliableTransportHasNoTimerGAndNoTimerI() {
        // §17.2.1: G only for unreliable transports; I is zero for reliable ones.
        var s = Self.completed(.reliable)
        #expect(s.started.map(\.timer) == [.trying, .h])
        s.advance(to: sec(10))
        #expect(s.count(of: .send(.response(486))) == 1)
        #expect(s.event { $0.receiveACK(.ack) } == [.terminated])
    }

    @Test func timerHOverReliableTransport() {
        // §17.2.1: H = 64·T1 on every transport.
        var s = Self.completed(.reliable)
        s.runUntilIdle()
        #expect(s.times(of: .timedOut) == [sec(32)])
    }

    @Test func retransmittedInviteInCompletedGetsTheFinalResponse() {
        // §17.2.1: an INVITE retransmission in Completed → the final response again.
        var s = Self.completed(.reliable)
        #expect(s.event { $0.receive(request: .invite) } == [.send(.response(486))])
        #expect(s.machine.state == .completed)
    }

    @Test func confirmedAbsorbsInvitesAndACKs() {
        // §17.2.1: in Confirmed, further ACKs (and INVITEs) are absorbed.
        var s = Self.completed()
        s.event { $0.receiveACK(.ack) }
        #expect(s.event { $0.receiveACK(.ack) } == [])
        #expect(s.event { $0.receive(request: .invite) } == [])
        #expect(s.event { $0.transportError() } == [])
        #expect(s.machine.state == .confirmed)
    }

    @Test func acceptedAbsorbsRetransmittedInvites() {
        // RFC 6026 §8.7: INVITE retransmissions in Accepted are absorbed, not passed to the TU.
        var s = Self.started()
        s.event { $0.respond(.response(200), statusCode: 200) }
        #expect(s.event { $0.receive(request: .invite) } == [])
        #expect(s.machine.state == .accepted)
    }

    @Test func acceptedPassesEveryACKToTheTU() {
        // RFC 6026 §8.7: ACKs in Accepted go to the TU (the 2xx's ACK is the TU's business, §13.3.1.4).
        var s = Self.started(.reliable)
        s.event { $0.respond(.response(200), statusCode: 200) }
        #expect(s.event { $0.receiveACK(.ack) } == [.deliver(.ack)])
        #expect(s.event { $0.receiveACK(TestMessage("ACK#2")) } == [.deliver(TestMessage("ACK#2"))])
        #expect(s.machine.state == .accepted)
    }

    @Test func acceptedSendsTheTUsOKRetransmissions() {
        // RFC 6026 §8.7: "2xx from TU / send response" in Accepted; other responses are dropped.
        var s = Self.started()
        s.event { $0.respond(.response(200), statusCode: 200) }
        #expect(s.event { $0.respond(.response(200), statusCode: 200) } == [.send(.response(200))])
        #expect(s.event { $0.respond(.response(180), statusCode: 180) } == [])
        #expect(s.event { $0.respond(.response(500), statusCode: 500) } == [])
    }

    @Test func responsesFromTheTUInCompletedAreDropped() {
        // §17.2.1: one final response per transaction.
        var s = Self.completed()
        #expect(s.event { $0.respond(.response(200), statusCode: 200) } == [])
        #expect(s.event { $0.respond(.response(500), statusCode: 500) } == [])
        #expect(s.machine.state == .completed)
    }

    @Test func ackInProceedingIsIgnored() {
        // Figure 7: Proceeding has no ACK transition (no final response has been sent to acknowledge).
        var s = Self.started()
        #expect(s.event { $0.receiveACK(.ack) } == [])
        #expect(s.machine.state == .proceeding)
    }

    @Test func transportErrorsInformTheTUAndTerminate() {
        // §17.2.4 and Figure 7 (RFC 6026): Proceeding, Completed and Accepted → inform TU, Terminated.
        var proceeding = Self.started()
        proceeding.event { $0.respond(.response(180), statusCode: 180) }
        #expect(proceeding.event { $0.transportError() } == [.transportFailed, .terminated])
        var completed = Self.completed()
        #expect(completed.event { $0.transportError() } == [.transportFailed, .terminated])
        var accepted = Self.started()
        accepted.event { $0.respond(.response(200), statusCode: 200) }
        #expect(accepted.event { $0.transportError() } == [.transportFailed, .terminated])
        #expect(accepted.event { $0.receiveACK(.ack) } == [])
    }

    @Test func lateTimersAreNoOps() {
        // The glue may race: Trying after a response, G and H after the ACK, I twice, L after termination.
        var s = Self.started()
        s.event { $0.respond(.response(180), statusCode: 180) }
        #expect(s.event { $0.timerFired(.trying) } == [])
        s.event { $0.respond(.response(486), statusCode: 486) }
        s.event { $0.receiveACK(.ack) }
        #expect(s.event { $0.timerFired(.g) } == [])
        #expect(s.event { $0.timerFired(.h) } == [])
        #expect(s.event { $0.timerFired(.l) } == [])
        s.advance(to: sec(5))
        #expect(s.terminatedAt == sec(5))
        #expect(s.event { $0.timerFired(.i) } == [])
        #expect(s.event { $0.receive(request: .invite) } == [])
    }

    @Test func statusCodesOutsideTheRangeAreIgnored() {
        // §7.2: status codes are 100–699; the TU passing anything else changes nothing.
        var s = Self.started()
        #expect(s.event { $0.respond(.response(0), statusCode: 0) } == [])
        #expect(s.event { $0.respond(.response(1000), statusCode: 1000) } == [])
        #expect(s.machine.state == .proceeding)
    }
}
