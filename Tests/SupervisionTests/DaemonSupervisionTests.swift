import CastorCore
import Testing

@testable import Supervision

@Suite struct DaemonSupervisionTests {
    let policy = RestartPolicy(
        initialDelay: .milliseconds(500), maxDelay: .seconds(30), stableAfter: .seconds(10), crashLoopRestarts: 5,
        crashLoopWindow: .seconds(60), stopGracePeriod: .seconds(10))

    func t(_ seconds: Double) -> MonotonicInstant { .seconds(seconds) }

    @Test func startSpawnsAndReadyMakesItUp() {
        var d = DaemonSupervision(name: "api", policy: policy)
        #expect(d.start(now: t(0)) == [.spawn])
        #expect(d.spawned(pid: 42, now: t(0.01)) == [])
        #expect(d.status(now: t(0.5)).state == "starting")
        d.ready(pid: 42, now: t(0.2))
        let status = d.status(now: t(3))
        #expect(status.state == "up")
        #expect(status.pid == 42)
        #expect(status.restarts == 0)
        #expect(status.uptime == 2.99)
    }

    @Test func readyFromAnotherPidIsIgnored() {
        var d = DaemonSupervision(name: "api", policy: policy)
        _ = d.start(now: t(0))
        _ = d.spawned(pid: 42, now: t(0))
        d.ready(pid: 41, now: t(0.1))
        #expect(d.status(now: t(1)).state == "starting")
    }

    @Test func firstRestartIsWithinOneSecondAndDelaysDoubleUpToTheCap() {
        var d = DaemonSupervision(name: "api", policy: policy)
        _ = d.start(now: t(0))
        _ = d.spawned(pid: 1, now: t(0))
        var now = 1.0
        var delays: [Double] = []
        for pid in Int32(2)...12 {
            let actions = d.exited(.signalled(signal: 9), now: t(now))
            guard case .wake(let at)? = actions.first else {
                Issue.record("expected a wake, got \(actions)")
                return
            }
            delays.append((at - t(now)).seconds)
            #expect(d.wake(now: at) == [.spawn])
            _ = d.spawned(pid: pid, now: at)
            now = at.nanoseconds > 0 ? Double(at.nanoseconds) / 1e9 + 0.1 : 0
        }
        #expect(delays.first! <= 1.0)
        #expect(delays.prefix(7) == [0.5, 1, 2, 4, 8, 16, 30])
        #expect(delays.max() == 30)
        #expect(d.status(now: t(now)).restarts == 11)
    }

    @Test func earlyWakeIsRescheduled() {
        var d = DaemonSupervision(name: "api", policy: policy)
        _ = d.start(now: t(0))
        _ = d.spawned(pid: 1, now: t(0))
        #expect(d.exited(.exited(code: 1), now: t(1)) == [.wake(at: t(1.5))])
        #expect(d.wake(now: t(1.2)) == [.wake(at: t(1.5))])
        #expect(d.status(now: t(1.2)).state == "backoff")
        #expect(d.status(now: t(1.2)).lastExit == "exit 1")
    }

    @Test func aStableRunResetsTheBackoff() {
        var d = DaemonSupervision(name: "api", policy: policy)
        _ = d.start(now: t(0))
        _ = d.spawned(pid: 1, now: t(0))
        _ = d.exited(.exited(code: 1), now: t(1))  // failure 1: 0.5 s
        _ = d.wake(now: t(1.5))
        _ = d.spawned(pid: 2, now: t(1.5))
        _ = d.exited(.exited(code: 1), now: t(2))  // failure 2: 1 s
        _ = d.wake(now: t(3))
        _ = d.spawned(pid: 3, now: t(3))
        // Up for 100 s: the next exit counts as a first failure again.
        #expect(d.exited(.exited(code: 1), now: t(103)) == [.wake(at: t(103.5))])
    }

    @Test func manyExitsInTheWindowAreReportedAsCrashLoop() {
        var d = DaemonSupervision(name: "api", policy: policy)
        _ = d.start(now: t(0))
        var now = 0.0
        for pid in Int32(1)...5 {
            _ = d.spawned(pid: pid, now: t(now))
            let actions = d.exited(.exited(code: 3), now: t(now + 0.1))
            guard case .wake(let at)? = actions.first else { return }
            if pid < 5 {
                #expect(d.status(now: t(now + 0.1)).state == "backoff")
                _ = d.wake(now: at)
                now = Double(at.nanoseconds) / 1e9
            }
        }
        #expect(d.status(now: t(now + 0.2)).state == "crash-loop")
        // Long after, the window has passed: no longer a crash loop.
        #expect(d.isCrashLooping(now: t(500)) == false)
    }

    @Test func stopSendsTermThenKillAtTheDeadline() {
        var d = DaemonSupervision(name: "api", policy: policy)
        _ = d.start(now: t(0))
        _ = d.spawned(pid: 7, now: t(0))
        #expect(d.stop(now: t(5)) == [.signal(pid: 7, signal: 15), .wake(at: t(15))])
        #expect(d.status(now: t(6)).state == "stopping")
        #expect(d.wake(now: t(10)) == [.wake(at: t(15))])
        #expect(d.wake(now: t(15)) == [.signal(pid: 7, signal: 9)])
        #expect(d.exited(.signalled(signal: 9), now: t(15.1)) == [])
        #expect(d.isStopped)
        #expect(d.status(now: t(16)).lastExit == "killed by SIGKILL")
    }

    @Test func stopDuringBackoffCancelsTheRestart() {
        var d = DaemonSupervision(name: "api", policy: policy)
        _ = d.start(now: t(0))
        _ = d.spawned(pid: 7, now: t(0))
        _ = d.exited(.exited(code: 1), now: t(1))
        #expect(d.stop(now: t(1.1)) == [])
        #expect(d.wake(now: t(2)) == [])
        #expect(d.isStopped)
    }

    @Test func aProcessSpawnedWhileStoppingIsTerminated() {
        var d = DaemonSupervision(name: "api", policy: policy)
        _ = d.start(now: t(0))
        _ = d.stop(now: t(0.01))
        #expect(d.spawned(pid: 9, now: t(0.02)) == [.signal(pid: 9, signal: 15)])
    }

    @Test func manualRestartStopsThenStartsAtOnce() {
        var d = DaemonSupervision(name: "api", policy: policy)
        _ = d.start(now: t(0))
        _ = d.spawned(pid: 7, now: t(0))
        d.ready(pid: 7, now: t(0.1))
        #expect(d.restart(now: t(20)) == [.signal(pid: 7, signal: 15), .wake(at: t(30))])
        #expect(d.exited(.signalled(signal: 15), now: t(20.2)) == [.spawn])
        _ = d.spawned(pid: 8, now: t(20.2))
        let status = d.status(now: t(21))
        #expect(status.pid == 8)
        #expect(status.restarts == 1)
        #expect(status.lastExit == "killed by SIGTERM")
    }

    @Test func manualRestartOfACrashLoopStartsNow() {
        var d = DaemonSupervision(name: "api", policy: policy)
        _ = d.start(now: t(0))
        _ = d.spawned(pid: 7, now: t(0))
        _ = d.exited(.exited(code: 1), now: t(0.1))
        #expect(d.restart(now: t(0.2)) == [.spawn])
    }

    @Test func spawnFailureBacksOff() {
        var d = DaemonSupervision(name: "api", policy: policy)
        _ = d.start(now: t(0))
        #expect(d.exited(.spawnFailed(reason: "no such file"), now: t(0)) == [.wake(at: t(0.5))])
        #expect(d.status(now: t(0.1)).lastExit == "could not start: no such file")
    }

    @Test func policyDelays() {
        #expect(policy.delay(afterFailures: 1) == .milliseconds(500))
        #expect(policy.delay(afterFailures: 2) == .seconds(1))
        #expect(policy.delay(afterFailures: 100) == .seconds(30))
    }
}
