import SIPTransaction
import Testing

/// RFC 3261 §17.2.2 (Figure 8).
@Suite struct NonInviteServerTransactionTests {
    typealias Transaction = NonInviteServerTransaction<TestMessage>

    static func trying(_ transport: SIPTransportKind = .unreliable) -> TestScheduler<Transaction> {
        TestScheduler(Transaction(request: .register, transport: transport))
    }

    @Test func happyPathOKThenTimerJ() {
        // §17.2.2: Trying → (final from TU) Completed → (Timer J = 64·T1) Terminated.
        var s = Self.trying()
        #expect(s.machine.state == .trying)
        s.advance(to: ms(30))
        #expect(
            s.event { $0.respond(.response(200), statusCode: 200) } == [
                .send(.response(200)), .startTimer(.j, sec(32)),
            ])
        #expect(s.machine.state == .completed)
        s.runUntilIdle()
        #expect(s.terminatedAt == ms(32_030))
    }

    @Test func timerJScalesWithT1() {
        // Table 4: J = 64·T1 for unreliable transports.
        var s = TestScheduler(Transaction(request: .register, transport: .unreliable, timers: .init(t1: ms(250))))
        s.event { $0.respond(.response(200), statusCode: 200) }
        s.runUntilIdle()
        #expect(s.terminatedAt == sec(16))
    }

    @Test func finalOverReliableTerminatesAtOnce() {
        // §17.2.2: Timer J is zero for reliable transports: send, then Terminated.
        var s = Self.trying(.reliable)
        #expect(s.event { $0.respond(.response(200), statusCode: 200) } == [.send(.response(200)), .terminated])
    }

    @Test func retransmissionsInTryingAreAbsorbedThenAnswered() {
        // §17.2.2: in Trying, request retransmissions are discarded; once the TU answers, they get the answer.
        var s = Self.trying()
        #expect(s.event { $0.receive(request: .register) } == [])
        #expect(s.event { $0.receive(request: .register) } == [])
        s.event { $0.respond(.response(401), statusCode: 401) }
        #expect(s.event { $0.receive(request: .register) } == [.send(.response(401))])
    }

    @Test func provisionalMovesToProceedingAndRetransmissionsGetIt() {
        // §17.2.2: 1xx from TU → send, Proceeding; a retransmission in Proceeding → the last 1xx again.
        var s = Self.trying()
        #expect(s.event { $0.respond(.response(100), statusCode: 100) } == [.send(.response(100))])
        #expect(s.machine.state == .proceeding)
        #expect(s.event { $0.receive(request: .register) } == [.send(.response(100))])
        #expect(s.event { $0.respond(.response(182), statusCode: 182) } == [.send(.response(182))])
        #expect(s.event { $0.receive(request: .register) } == [.send(.response(182))])
    }

    @Test func finalInProceedingMovesToCompleted() {
        // §17.2.2: 200–699 from TU in Proceeding → send, Completed with Timer J.
        var s = Self.trying()
        s.event { $0.respond(.response(100), statusCode: 100) }
        #expect(
            s.event { $0.respond(.response(404), statusCode: 404) } == [
                .send(.response(404)), .startTimer(.j, sec(32)),
            ])
        #expect(s.event { $0.receive(request: .register) } == [.send(.response(404))])
    }

    @Test func completedDiscardsFurtherResponsesFromTheTU() {
        // §17.2.2: "Any other final responses passed by the TU ... MUST be discarded while in Completed".
        var s = Self.trying()
        s.event { $0.respond(.response(200), statusCode: 200) }
        #expect(s.event { $0.respond(.response(500), statusCode: 500) } == [])
        #expect(s.event { $0.respond(.response(100), statusCode: 100) } == [])
        #expect(s.event { $0.receive(request: .register) } == [.send(.response(200))])
    }

    @Test func transportErrorsInProceedingAndCompletedInformTheTU() {
        // §17.2.4 and Figure 8: a transport failure → inform TU, Terminated.
        var proceeding = Self.trying()
        proceeding.event { $0.respond(.response(100), statusCode: 100) }
        #expect(proceeding.event { $0.transportError() } == [.transportFailed, .terminated])
        var completed = Self.trying()
        completed.event { $0.respond(.response(200), statusCode: 200) }
        #expect(completed.event { $0.transportError() } == [.transportFailed, .terminated])
        #expect(completed.event { $0.receive(request: .register) } == [])
    }

    @Test func transportErrorInTryingIsIgnored() {
        // Figure 8: nothing has been sent in Trying.
        var s = Self.trying()
        #expect(s.event { $0.transportError() } == [])
        #expect(s.machine.state == .trying)
    }

    @Test func lateTimersAreNoOps() {
        // The glue may race: J before it is started, J twice, any other timer.
        var s = Self.trying()
        #expect(s.event { $0.timerFired(.j) } == [])
        s.event { $0.respond(.response(200), statusCode: 200) }
        for timer in SIPTransactionTimer.allCases where timer != .j {
            #expect(s.event { $0.timerFired(timer) } == [])
        }
        s.advance(to: sec(32))
        #expect(s.event { $0.timerFired(.j) } == [])
        #expect(s.event { $0.respond(.response(200), statusCode: 200) } == [])
    }

    @Test func statusCodesOutsideTheRangeAreIgnored() {
        // §7.2: status codes are 100–699; the TU passing anything else changes nothing.
        var s = Self.trying()
        #expect(s.event { $0.respond(.response(42), statusCode: 42) } == [])
        #expect(s.machine.state == .trying)
    }
}
