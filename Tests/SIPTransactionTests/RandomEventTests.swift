import CastorCore
import SIPTransaction
import Testing

/// Every machine, fed long random sequences of events, keeps the contract the glue relies on (checked by
/// ``TestScheduler``): no timer started twice, only running timers cancelled, `terminated` last and once,
/// nothing after it, and never more actions than ``SIPTransactionActions/capacity``. A timer expiry the
/// scheduler does not hold (a late or invented one) must produce no action.
@Suite struct RandomEventTests {
    typealias Step<Machine: TransactionMachine> = (inout TestScheduler<Machine>, inout SeededRandom) -> Void

    static let statusCodes = [100, 180, 183, 200, 202, 302, 401, 486, 500, 603]

    static func run<Machine: TransactionMachine>(
        _ make: () -> TestScheduler<Machine>, steps: [Step<Machine>], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for seed in UInt64(0)..<300 {
            var random = SeededRandom(seed: seed)
            var scheduler = make()
            for _ in 0..<30 {
                let step = Int(random.next() % UInt64(steps.count + 2))
                if step < steps.count {
                    steps[step](&scheduler, &random)
                } else if step == steps.count {
                    scheduler.advance(by: .milliseconds(Int(random.next() % 8000)))
                } else {
                    // A late expiry: any timer the scheduler is not holding.
                    let timer = SIPTransactionTimer.allCases[Int(random.next() % 13)]
                    guard scheduler.pending[timer] == nil else { continue }
                    let actions = scheduler.event({ $0.timerFired(timer) }, sourceLocation: sourceLocation)
                    #expect(
                        actions.isEmpty, "seed \(seed): late \(timer) produced \(actions)",
                        sourceLocation: sourceLocation)
                }
            }
        }
    }

    static func statusCode(_ random: inout SeededRandom) -> Int { statusCodes[Int(random.next() % 10)] }

    @Test(arguments: [SIPTransportKind.unreliable, .reliable])
    func inviteClient(_ transport: SIPTransportKind) {
        Self.run(
            {
                var s = TestScheduler(InviteClientTransaction(request: TestMessage.invite, transport: transport))
                s.event { $0.start() }
                return s
            },
            steps: [
                { s, random in
                    let code = Self.statusCode(&random)
                    s.event { $0.receive(response: .response(code), statusCode: code) }
                },
                { s, _ in s.event { $0.transportError() } },
                { s, _ in s.event { $0.start() } },
            ])
    }

    @Test(arguments: [SIPTransportKind.unreliable, .reliable])
    func nonInviteClient(_ transport: SIPTransportKind) {
        Self.run(
            {
                var s = TestScheduler(NonInviteClientTransaction(request: TestMessage.register, transport: transport))
                s.event { $0.start() }
                return s
            },
            steps: [
                { s, random in
                    let code = Self.statusCode(&random)
                    s.event { $0.receive(response: .response(code), statusCode: code) }
                },
                { s, _ in s.event { $0.transportError() } },
            ])
    }

    @Test(arguments: [SIPTransportKind.unreliable, .reliable])
    func inviteServer(_ transport: SIPTransportKind) {
        Self.run(
            {
                var s = TestScheduler(InviteServerTransaction(request: TestMessage.invite, transport: transport))
                s.event { $0.start() }
                return s
            },
            steps: [
                { s, random in
                    let code = Self.statusCode(&random)
                    s.event { $0.respond(.response(code), statusCode: code) }
                },
                { s, _ in s.event { $0.receive(request: .invite) } },
                { s, _ in s.event { $0.receiveACK(.ack) } },
                { s, _ in s.event { $0.transportError() } },
                { s, _ in s.event { $0.start() } },
            ])
    }

    @Test(arguments: [SIPTransportKind.unreliable, .reliable])
    func nonInviteServer(_ transport: SIPTransportKind) {
        Self.run(
            { TestScheduler(NonInviteServerTransaction(request: TestMessage.register, transport: transport)) },
            steps: [
                { s, random in
                    let code = Self.statusCode(&random)
                    s.event { $0.respond(.response(code), statusCode: code) }
                },
                { s, _ in s.event { $0.receive(request: .register) } },
                { s, _ in s.event { $0.transportError() } },
            ])
    }
}
