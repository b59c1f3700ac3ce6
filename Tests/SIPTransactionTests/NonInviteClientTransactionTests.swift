import SIPTransaction
import Testing

/// RFC 3261 §17.1.2 (Figure 6).
@Suite struct NonInviteClientTransactionTests {
    typealias Transaction = NonInviteClientTransaction<TestMessage>

    static func started(
        _ transport: SIPTransportKind = .unreliable, timers: SIPTimerValues = .rfc3261
    ) -> TestScheduler<Transaction> {
        var scheduler = TestScheduler(Transaction(request: .register, transport: transport, timers: timers))
        scheduler.event { $0.start() }
        return scheduler
    }

    @Test func happyPathOKThenTimerK() {
        // §17.1.2.2: Trying → (200) Completed → (Timer K = T4) Terminated.
        var s = TestScheduler(Transaction(request: .register, transport: .unreliable))
        #expect(s.machine.state == .trying)
        #expect(s.event { $0.start() } == [.send(.register), .startTimer(.e, ms(500)), .startTimer(.f, sec(32))])
        s.advance(to: ms(200))
        #expect(
            s.event { $0.receive(response: .response(200), statusCode: 200) } == [
                .cancelTimer(.e), .cancelTimer(.f), .deliver(.response(200)), .startTimer(.k, sec(5)),
            ])
        #expect(s.machine.state == .completed)
        s.runUntilIdle()
        #expect(s.terminatedAt == ms(5200))
        #expect(s.count(of: .send(.register)) == 1)
    }

    @Test func timerEDoublesCappedAtT2UntilTimerF() {
        // §17.1.2.2: E = T1, then min(2·E, T2); F = 64·T1 ends it and informs the TU.
        var s = Self.started()
        s.runUntilIdle()
        let sends = [0, 500, 1500, 3500, 7500, 11_500, 15_500, 19_500, 23_500, 27_500, 31_500].map(ms)
        #expect(s.times(of: .send(.register)) == sends)
        #expect(
            Array(s.started.filter { $0.timer == .e }.map(\.duration).prefix(5))
                == [500, 1000, 2000, 4000, 4000].map(ms))
        #expect(s.times(of: .timedOut) == [sec(32)])
        #expect(s.terminatedAt == sec(32))
    }

    @Test func timerEContinuesAtT2InProceeding() {
        // §17.1.2.2: a 1xx moves to Proceeding; the next E retransmits and resets E to T2. F still runs.
        var s = Self.started()
        s.advance(to: ms(700))
        #expect(s.event { $0.receive(response: .response(100), statusCode: 100) } == [.deliver(.response(100))])
        #expect(s.machine.state == .proceeding)
        s.runUntilIdle()
        let sends = [0, 500, 1500, 5500, 9500, 13_500, 17_500, 21_500, 25_500, 29_500].map(ms)
        #expect(s.times(of: .send(.register)) == sends)
        #expect(s.times(of: .timedOut) == [sec(32)])
    }

    @Test func t2CapIsConfigurable() {
        // Table 4: T2 caps the non-INVITE retransmit interval.
        var s = Self.started(timers: SIPTimerValues(t2: sec(2)))
        s.advance(to: ms(9500))
        #expect(s.times(of: .send(.register)) == [0, 500, 1500, 3500, 5500, 7500, 9500].map(ms))
    }

    @Test func noRetransmissionOverReliableTransportButTimerFStillRuns() {
        // §17.1.2.2: Timer E only for unreliable transports; F for both.
        var s = TestScheduler(Transaction(request: .register, transport: .reliable))
        #expect(s.event { $0.start() } == [.send(.register), .startTimer(.f, sec(32))])
        s.runUntilIdle()
        #expect(s.count(of: .send(.register)) == 1)
        #expect(s.times(of: .timedOut) == [sec(32)])
    }

    @Test func finalOverReliableTerminatesAtOnce() {
        // §17.1.2.2: Timer K is zero for reliable transports.
        var s = Self.started(.reliable)
        #expect(
            s.event { $0.receive(response: .response(401), statusCode: 401) } == [
                .deliver(.response(401)), .terminated,
            ])
    }

    @Test func provisionalResponsesGoToTheTU() {
        // §17.1.2.2: 1xx in Trying → TU, Proceeding; further 1xx → TU.
        var s = Self.started(.reliable)
        #expect(s.event { $0.receive(response: .response(100), statusCode: 100) } == [.deliver(.response(100))])
        #expect(s.event { $0.receive(response: .response(180), statusCode: 180) } == [.deliver(.response(180))])
        #expect(s.machine.state == .proceeding)
    }

    @Test func finalInProceedingMovesToCompleted() {
        // §17.1.2.2: a final response in Proceeding → TU, Completed; E and F stop.
        var s = Self.started()
        s.event { $0.receive(response: .response(100), statusCode: 100) }
        #expect(
            s.event { $0.receive(response: .response(404), statusCode: 404) } == [
                .cancelTimer(.e), .cancelTimer(.f), .deliver(.response(404)), .startTimer(.k, sec(5)),
            ])
        #expect(s.machine.state == .completed)
    }

    @Test func completedAbsorbsResponseRetransmissions() {
        // §17.1.2.2: in Completed, retransmitted final responses (and any other response) are absorbed.
        var s = Self.started()
        s.event { $0.receive(response: .response(200), statusCode: 200) }
        #expect(s.event { $0.receive(response: .response(200), statusCode: 200) } == [])
        #expect(s.event { $0.receive(response: .response(100), statusCode: 100) } == [])
        #expect(s.count(of: .deliver(.response(200))) == 1)
    }

    @Test func transportErrorInTryingAndProceedingInformsTheTU() {
        // §17.1.2.2: a transport failure in Trying or Proceeding → inform TU, Terminated.
        var trying = Self.started()
        #expect(trying.event { $0.transportError() } == [.transportFailed, .terminated])
        var proceeding = Self.started()
        proceeding.event { $0.receive(response: .response(100), statusCode: 100) }
        #expect(proceeding.event { $0.transportError() } == [.transportFailed, .terminated])
        #expect(proceeding.machine.isTerminated)
    }

    @Test func transportErrorInCompletedIsIgnored() {
        // Figure 6: Completed sends nothing, so a transport error there is stale.
        var s = Self.started()
        s.event { $0.receive(response: .response(200), statusCode: 200) }
        #expect(s.event { $0.transportError() } == [])
        #expect(s.machine.state == .completed)
    }

    @Test func lateTimersAreNoOps() {
        // The glue may race: E and F after the final response, K twice, anything after Terminated.
        var s = Self.started()
        s.event { $0.receive(response: .response(200), statusCode: 200) }
        #expect(s.event { $0.timerFired(.e) } == [])
        #expect(s.event { $0.timerFired(.f) } == [])
        s.advance(to: sec(5))
        #expect(s.event { $0.timerFired(.k) } == [])
        #expect(s.event { $0.receive(response: .response(200), statusCode: 200) } == [])
        #expect(s.event { $0.transportError() } == [])
    }

    @Test func nothingHappensBeforeStartOrAfterASecondStart() {
        // §17.1.2.2: Trying is entered once, when the TU initiates the transaction; nothing precedes it.
        var transaction = Transaction(request: .register, transport: .reliable)
        #expect(transaction.receive(response: .response(200), statusCode: 200) == [])
        #expect(transaction.timerFired(.f) == [])
        #expect(transaction.transportError() == [])
        #expect(transaction.start() == [.send(.register), .startTimer(.f, sec(32))])
        #expect(transaction.start() == [])
    }
}
