import SIPTransaction
import Testing

/// RFC 3261 §17.1.1 (Figure 5) with RFC 6026 §7.2 and §8.4.
@Suite struct InviteClientTransactionTests {
    typealias Transaction = InviteClientTransaction<TestMessage>

    static func started(
        _ transport: SIPTransportKind = .unreliable, timers: SIPTimerValues = .rfc3261
    ) -> TestScheduler<Transaction> {
        var scheduler = TestScheduler(Transaction(request: .invite, transport: transport, timers: timers))
        scheduler.event { $0.start() }
        return scheduler
    }

    @Test func happyPathRingingThenOKThenTimerM() {
        // §17.1.1.2 and RFC 6026 §8.4: Calling → Proceeding → Accepted → (Timer M) Terminated.
        var s = TestScheduler(Transaction(request: .invite, transport: .unreliable))
        #expect(s.machine.state == .calling)
        #expect(s.event { $0.start() } == [.send(.invite), .startTimer(.a, ms(500)), .startTimer(.b, sec(32))])
        s.advance(to: ms(100))
        #expect(
            s.event { $0.receive(response: .response(180), statusCode: 180) } == [
                .cancelTimer(.a), .cancelTimer(.b), .deliver(.response(180)),
            ])
        #expect(s.machine.state == .proceeding)
        s.advance(to: sec(3))
        #expect(
            s.event { $0.receive(response: .response(200), statusCode: 200) } == [
                .deliver(.response(200)), .startTimer(.m, sec(32)),
            ])
        #expect(s.machine.state == .accepted)
        s.runUntilIdle()
        #expect(s.terminatedAt == sec(35))
        #expect(s.machine.state == .terminated)
        #expect(s.count(of: .send(.invite)) == 1)
    }

    @Test func timerARetransmitsWithDoublingIntervalsUntilTimerBOverUDP() {
        // §17.1.1.2: A = T1, 2·T1, 4·T1, … (no cap); B = 64·T1 ends it and informs the TU.
        var s = Self.started()
        s.runUntilIdle()
        #expect(s.times(of: .send(.invite)) == [0, 500, 1500, 3500, 7500, 15_500, 31_500].map(ms))
        #expect(
            s.started.filter { $0.timer == .a }.map(\.duration)
                == [500, 1000, 2000, 4000, 8000, 16_000, 32_000].map(ms))
        #expect(s.times(of: .timedOut) == [sec(32)])
        #expect(s.terminatedAt == sec(32))
        #expect(s.machine.isTerminated)
    }

    @Test func noRetransmissionOverReliableTransportButTimerBStillRuns() {
        // §17.1.1.2: Timer A only for unreliable transports; Timer B for both.
        var s = TestScheduler(Transaction(request: .invite, transport: .reliable))
        #expect(s.event { $0.start() } == [.send(.invite), .startTimer(.b, sec(32))])
        s.runUntilIdle()
        #expect(s.count(of: .send(.invite)) == 1)
        #expect(s.times(of: .timedOut) == [sec(32)])
    }

    @Test func timersScaleWithT1() {
        // Table 4: A starts at T1, B is 64·T1.
        var s = Self.started(timers: SIPTimerValues(t1: ms(100)))
        s.runUntilIdle()
        #expect(s.times(of: .send(.invite)) == [0, 100, 300, 700, 1500, 3100, 6300].map(ms))
        #expect(s.times(of: .timedOut) == [ms(6400)])
    }

    @Test func provisionalInCallingStopsRetransmissionsAndTimerB() {
        // §17.1.1.2: in Proceeding the request is no longer retransmitted; Timer B belongs to Calling.
        var s = Self.started()
        s.advance(to: ms(700))
        s.event { $0.receive(response: .response(100), statusCode: 100) }
        s.advance(to: sec(600))
        #expect(s.count(of: .send(.invite)) == 2)
        #expect(s.count(of: .timedOut) == 0)
        #expect(s.machine.state == .proceeding)
        #expect(s.pending.isEmpty)
    }

    @Test func everyProvisionalInProceedingGoesToTheTU() {
        // §17.1.1.2: "Any further provisional responses MUST be passed up to the TU while in Proceeding".
        var s = Self.started()
        s.event { $0.receive(response: .response(100), statusCode: 100) }
        #expect(s.event { $0.receive(response: .response(180), statusCode: 180) } == [.deliver(.response(180))])
        #expect(s.event { $0.receive(response: .response(183), statusCode: 183) } == [.deliver(.response(183))])
        #expect(s.machine.state == .proceeding)
    }

    @Test func okInCallingMovesToAcceptedWithTimerM() {
        // RFC 6026 §8.4: a 2xx in Calling goes to the TU; Accepted, Timer M = 64·T1; A and B stop.
        var s = Self.started()
        #expect(
            s.event { $0.receive(response: .response(200), statusCode: 200) } == [
                .cancelTimer(.a), .cancelTimer(.b), .deliver(.response(200)), .startTimer(.m, sec(32)),
            ])
        #expect(s.machine.state == .accepted)
        s.runUntilIdle()
        #expect(s.count(of: .send(.invite)) == 1)
        #expect(s.count(of: .timedOut) == 0)
    }

    @Test func furtherOKsInAcceptedAreDeliveredNotAbsorbed() {
        // RFC 6026 §8.4: retransmitted 2xx and 2xx from other forks go to the TU while in Accepted.
        var s = Self.started(.reliable)
        s.event { $0.receive(response: .response(200), statusCode: 200) }
        s.advance(to: ms(500))
        #expect(s.event { $0.receive(response: .response(200), statusCode: 200) } == [.deliver(.response(200))])
        #expect(
            s.event { $0.receive(response: .response(200, copy: 2), statusCode: 200) } == [
                .deliver(.response(200, copy: 2))
            ])
        #expect(s.machine.state == .accepted)
    }

    @Test func timerMEndsAcceptedAndLaterOKsAreLeftToTheCore() {
        // RFC 6026 §8.4: Timer M → Terminated; the transaction is then destroyed, so it answers nothing.
        var s = Self.started()
        s.event { $0.receive(response: .response(200), statusCode: 200) }
        s.advance(to: sec(32))
        #expect(s.terminatedAt == sec(32))
        #expect(s.event { $0.receive(response: .response(200), statusCode: 200) } == [])
    }

    @Test func nonSuccessFinalInCallingIsAcknowledgedAndStartsTimerD() {
        // §17.1.1.2: 300–699 in Calling → ACK, response to TU, Completed with Timer D ≥ 32 s.
        var s = Self.started()
        s.advance(to: ms(600))
        #expect(
            s.event { $0.receive(response: .response(486), statusCode: 486) } == [
                .cancelTimer(.a), .cancelTimer(.b), .sendACK(for: .response(486)), .deliver(.response(486)),
                .startTimer(.d, sec(32)),
            ])
        #expect(s.machine.state == .completed)
        s.runUntilIdle()
        #expect(s.terminatedAt == ms(32_600))
        #expect(s.count(of: .send(.invite)) == 2)
    }

    @Test func nonSuccessFinalInProceedingIsAcknowledged() {
        // §17.1.1.2: 300–699 in Proceeding → ACK, response to TU, Completed.
        var s = Self.started()
        s.event { $0.receive(response: .response(180), statusCode: 180) }
        #expect(
            s.event { $0.receive(response: .response(603), statusCode: 603) } == [
                .sendACK(for: .response(603)), .deliver(.response(603)), .startTimer(.d, sec(32)),
            ])
        #expect(s.machine.state == .completed)
    }

    @Test func everyRetransmittedFinalInCompletedIsAcknowledgedAgainButNotDelivered() {
        // §17.1.1.2: retransmissions of the final response in Completed re-send the ACK, never reach the TU.
        var s = Self.started()
        s.event { $0.receive(response: .response(404), statusCode: 404) }
        for second in 1...5 {
            s.advance(to: sec(second))
            #expect(
                s.event { $0.receive(response: .response(404), statusCode: 404) } == [.sendACK(for: .response(404))])
        }
        #expect(s.count(of: .sendACK(for: .response(404))) == 6)
        #expect(s.count(of: .deliver(.response(404))) == 1)
    }

    @Test func timerDIsConfigurable() {
        // §17.1.1.2: Timer D is "at least 32 seconds" for unreliable transports; a deployment may choose more.
        var s = Self.started(timers: SIPTimerValues(timerD: sec(40)))
        s.event { $0.receive(response: .response(500), statusCode: 500) }
        s.runUntilIdle()
        #expect(s.terminatedAt == sec(40))
    }

    @Test func nonSuccessFinalOverReliableTerminatesAtOnce() {
        // §17.1.1.2: Timer D is zero for reliable transports: ACK, to TU, Terminated.
        var s = Self.started(.reliable)
        #expect(
            s.event { $0.receive(response: .response(486), statusCode: 486) } == [
                .sendACK(for: .response(486)), .deliver(.response(486)), .terminated,
            ])
        #expect(s.machine.state == .terminated)
    }

    @Test func strayResponsesAfterAFinalAreDropped() {
        // Figure 5: Completed and Accepted handle only final responses; 1xx there, and 3xx–6xx in Accepted, drop.
        var completed = Self.started()
        completed.event { $0.receive(response: .response(486), statusCode: 486) }
        #expect(completed.event { $0.receive(response: .response(180), statusCode: 180) } == [])
        var accepted = Self.started()
        accepted.event { $0.receive(response: .response(200), statusCode: 200) }
        #expect(accepted.event { $0.receive(response: .response(180), statusCode: 180) } == [])
        #expect(accepted.event { $0.receive(response: .response(486), statusCode: 486) } == [])
        #expect(accepted.machine.state == .accepted)
    }

    @Test func okInCompletedStillReachesTheTU() {
        // §13.2.2.4: every 2xx must reach the TU, which ACKs it; Completed does not swallow one.
        var s = Self.started()
        s.event { $0.receive(response: .response(486), statusCode: 486) }
        #expect(s.event { $0.receive(response: .response(200), statusCode: 200) } == [.deliver(.response(200))])
        #expect(s.machine.state == .completed)
    }

    @Test func transportErrorInCallingInformsTheTUAndTerminates() {
        // §17.1.1.2: a transport failure in Calling → inform TU, Terminated.
        var s = Self.started()
        #expect(s.event { $0.transportError() } == [.transportFailed, .terminated])
        #expect(s.machine.state == .terminated)
    }

    @Test func transportErrorInCompletedInformsTheTUAndTerminates() {
        // Figure 5: a failure to send the ACK in Completed → inform TU, Terminated.
        var s = Self.started()
        s.event { $0.receive(response: .response(486), statusCode: 486) }
        #expect(s.event { $0.transportError() } == [.transportFailed, .terminated])
    }

    @Test func transportErrorIsIgnoredWhereNothingIsSent() {
        // Proceeding and Accepted send nothing (§17.1.1.2, RFC 6026 §8.4): a late error report is stale.
        var proceeding = Self.started()
        proceeding.event { $0.receive(response: .response(180), statusCode: 180) }
        #expect(proceeding.event { $0.transportError() } == [])
        var accepted = Self.started()
        accepted.event { $0.receive(response: .response(200), statusCode: 200) }
        #expect(accepted.event { $0.transportError() } == [])
    }

    @Test func lateTimersAreNoOps() {
        // The glue may race: a timer cancelled, or fired for a state left, changes nothing.
        var s = Self.started()
        s.event { $0.receive(response: .response(180), statusCode: 180) }
        #expect(s.event { $0.timerFired(.a) } == [])
        #expect(s.event { $0.timerFired(.b) } == [])
        #expect(s.event { $0.timerFired(.d) } == [])
        #expect(s.event { $0.timerFired(.m) } == [])
        s.event { $0.receive(response: .response(200), statusCode: 200) }
        #expect(s.event { $0.timerFired(.b) } == [])
        s.advance(to: sec(32))
        #expect(s.event { $0.timerFired(.m) } == [])
        #expect(s.count(of: .send(.invite)) == 1)
    }

    @Test func timerANeverRunsOverReliableTransport() {
        // §17.1.1.2: Timer A is for unreliable transports; an expiry the glue invents changes nothing.
        var s = Self.started(.reliable)
        #expect(s.event { $0.timerFired(.a) } == [])
        #expect(s.count(of: .send(.invite)) == 1)
    }

    @Test func nothingHappensBeforeStartOrAfterASecondStart() {
        // §17.1.1.2: Calling is entered once, when the TU initiates the transaction; nothing precedes it.
        var transaction = Transaction(request: .invite, transport: .unreliable)
        #expect(transaction.receive(response: .response(200), statusCode: 200) == [])
        #expect(transaction.timerFired(.b) == [])
        #expect(transaction.transportError() == [])
        #expect(transaction.start().count == 3)
        #expect(transaction.start() == [])
    }

    @Test func statusCodesOutsideTheRangeAreIgnored() {
        // §7.2: status codes are 100–699; anything else is not a response this machine understands.
        var s = Self.started()
        #expect(s.event { $0.receive(response: .response(99), statusCode: 99) } == [])
        #expect(s.event { $0.receive(response: .response(700), statusCode: 700) } == [])
        #expect(s.machine.state == .calling)
    }
}
