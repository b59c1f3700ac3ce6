import Testing

@testable import SIPTransaction

/// The shared vocabulary: timer values (RFC 3261 Table 4), the inline action list, the armed-timer set.
@Suite struct SupportTypesTests {
    @Test func defaultTimerValuesAreRFC3261s() {
        // §17.1.1.1 and Table 4: T1 = 500 ms, T2 = 4 s, T4 = 5 s; 64·T1 = 32 s; D ≥ 32 s; 100 after 200 ms.
        let timers = SIPTimerValues.rfc3261
        #expect(timers.t1 == ms(500))
        #expect(timers.t2 == sec(4))
        #expect(timers.t4 == sec(5))
        #expect(timers.transactionTimeout == sec(32))
        #expect(timers.timerD == sec(32))
        #expect(timers.tryingDelay == ms(200))
        #expect(SIPTimerValues(t1: sec(1)).transactionTimeout == sec(64))
    }

    @Test func retransmitIntervalsDoubleUpToT2() {
        // §17.1.2.2 and §17.2.1: min(2·interval, T2).
        let timers = SIPTimerValues.rfc3261
        #expect(timers.doubledCappedAtT2(ms(500)) == sec(1))
        #expect(timers.doubledCappedAtT2(sec(2)) == sec(4))
        #expect(timers.doubledCappedAtT2(sec(4)) == sec(4))
    }

    @Test func actionListHoldsItsElementsInOrder() {
        // The actions of one event are performed in order (e.g. send before terminated, §17.2.2).
        var actions = SIPTransactionActions<Int>()
        #expect(actions.isEmpty)
        for value in 1...SIPTransactionActions<Int>.capacity { actions.append(value) }
        #expect(Array(actions) == [1, 2, 3, 4, 5, 6])
        #expect(actions == [1, 2, 3, 4, 5, 6])
        #expect(actions != [1, 2, 3, 4, 5])
        #expect(actions.description == "[1, 2, 3, 4, 5, 6]")
        #expect(Set([actions, [1, 2, 3, 4, 5, 6]]).count == 1)
    }

    @Test func timerSetTracksRunningTimers() {
        // Only a running timer fires or is cancelled: what makes late expiries no-ops.
        var armed = SIPTimerSet()
        var actions = SIPTransactionActions<SIPServerTransactionAction<TestMessage>>()
        armed.start(.g, after: ms(500), into: &actions)
        armed.start(.trying, after: ms(200), into: &actions)
        #expect(armed.contains(.g) && armed.contains(.trying) && !armed.contains(.h))
        armed.cancel(.h, into: &actions)  // not running: no action
        armed.cancel(.trying, into: &actions)
        #expect(actions == [.startTimer(.g, ms(500)), .startTimer(.trying, ms(200)), .cancelTimer(.trying)])
        let firstFire = armed.fire(.g)
        let secondFire = armed.fire(.g)
        let cancelledFire = armed.fire(.trying)
        #expect(firstFire && !secondFire && !cancelledFire)
    }

    @Test func timerNamesAreTheRFCs() {
        // Table 4 names the timers by letter; logs should too.
        #expect(SIPTransactionTimer.a.description == "Timer A")
        #expect(SIPTransactionTimer.m.description == "Timer M")
        #expect(Set(SIPTransactionTimer.allCases.map(\.description)).count == SIPTransactionTimer.allCases.count)
    }

    @Test func transactionsCrossActorsWhenTheMessageIsSendable() async {
        // The glue keeps transactions in an actor or on an event loop; they must be Sendable.
        var transaction = InviteClientTransaction(request: TestMessage.invite, transport: .reliable)
        _ = transaction.start()
        let copy = transaction
        let state = await Task.detached { copy.state }.value
        #expect(state == .calling)
        let server = NonInviteServerTransaction(request: TestMessage.register, transport: .reliable)
        let actions = await Task.detached { () -> SIPTransactionActions<SIPServerTransactionAction<TestMessage>> in
            var server = server
            return server.respond(.response(200), statusCode: 200)
        }.value
        #expect(actions == [.send(.response(200)), .terminated])
    }

    @Test func transactionsAreSmallValues() {
        // Thousands are alive at once: no boxes, just the messages, the stage, the timer values (80 bytes)
        // and a timer bitmask, inline.
        #expect(MemoryLayout<InviteClientTransaction<TestMessage>>.size <= 128)
        #expect(MemoryLayout<NonInviteClientTransaction<TestMessage>>.size <= 128)
        #expect(MemoryLayout<InviteServerTransaction<TestMessage>>.size <= 160)
        #expect(MemoryLayout<NonInviteServerTransaction<TestMessage>>.size <= 160)
    }
}
