import CastorTestSupport
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `castor run` with real children: restarts, stops, and what `castor status` says of them.
@Suite(.serialized) struct SupervisorTests {
    func startAppliance(extraSettings: String = "") async throws -> (ChildProcess, String, Int) {
        let dir = try Harness.dataDir()
        let port = Harness.freePort()
        try Harness.writeSettings(
            """
            api:
              listen: 127.0.0.1
              port: \(port)
            pbx:
              listen: 127.0.0.1
              sip_port: \(Harness.freePort())
              tls_port: 0
            supervisor:
              stop_grace_period: 5
            \(extraSettings)
            """, dataDir: dir)
        let process = try Harness.start(["run", "--data-dir", dir], log: dir + "/run.log")
        return (process, dir, port)
    }

    @Test func aKilledDaemonIsRestartedAndStatusShowsIt() async throws {
        let (supervisor, dir, _) = try await startAppliance()
        defer { if supervisor.isRunning { supervisor.terminate() } }

        let first = try await Harness.eventually("api up") { () -> Int32? in
            guard let api = try StatusReport.read(dataDir: dir)?.daemon("api"), api.state == "up" else { return nil }
            return api.pid
        }
        #expect(kill(first, SIGKILL) == 0)

        let restarted = try await Harness.eventually("api restarted") { () -> StatusReport.Daemon? in
            guard let api = try StatusReport.read(dataDir: dir)?.daemon("api"), api.state == "up", api.pid != first
            else { return nil }
            return api
        }
        #expect(restarted.restarts == 1)
        #expect(restarted.lastExit == "killed by SIGKILL")
        #expect(!Harness.isAlive(first))

        // The table form names the same facts.
        let table = try Harness.castor("status", "--data-dir", dir)
        #expect(table.status == 0)
        #expect(table.stdout.contains("api"))
        #expect(table.stdout.contains("killed by SIGKILL"))

        // SIGTERM: the supervisor stops its children and exits 0, leaving none behind.
        let child = try #require(restarted.pid)
        supervisor.terminate()
        await Harness.waitForExit(supervisor)
        #expect(supervisor.terminationStatus == 0)
        #expect(!Harness.isAlive(child))
        #expect(Harness.processes(mentioning: dir).isEmpty)
    }

    @Test func serviceRestartStartsANewProcess() async throws {
        let (supervisor, dir, _) = try await startAppliance()
        defer { if supervisor.isRunning { supervisor.terminate() } }
        let first = try await Harness.eventually("api up") { () -> Int32? in
            guard let api = try StatusReport.read(dataDir: dir)?.daemon("api"), api.state == "up" else { return nil }
            return api.pid
        }
        let output = try Harness.castor("service", "restart", "api", "--data-dir", dir)
        #expect(output.status == 0)
        let second = try await Harness.eventually("api back up") { () -> StatusReport.Daemon? in
            guard let api = try StatusReport.read(dataDir: dir)?.daemon("api"), api.state == "up", api.pid != first
            else { return nil }
            return api
        }
        #expect(second.restarts == 1)
        #expect(second.lastExit == "exit 0")

        let unknown = try Harness.castor("service", "restart", "nosuch", "--data-dir", dir)
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("no daemon named \"nosuch\""))
        supervisor.terminate()
        await Harness.waitForExit(supervisor)
        #expect(supervisor.terminationStatus == 0)
    }

    @Test func aDaemonThatCannotStartIsReportedAsACrashLoop() async throws {
        // Hold the API's port so every start fails to bind and exits non-zero.
        let dir = try Harness.dataDir()
        let port = Harness.freePort()
        let holder = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(holder) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        var one: Int32 = 1
        setsockopt(holder, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(holder, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(bound == 0)
        try #require(listen(holder, 1) == 0)

        try Harness.writeSettings(
            """
            api:
              listen: 127.0.0.1
              port: \(port)
            pbx:
              listen: 127.0.0.1
              sip_port: \(Harness.freePort())
              tls_port: 0
            supervisor:
              restart_delay_initial: 0.1
              restart_delay_max: 0.4
              crash_loop_restarts: 3
              crash_loop_window: 60
            """, dataDir: dir)
        let supervisor = try Harness.start(["run", "--data-dir", dir], log: dir + "/run.log")
        defer { if supervisor.isRunning { supervisor.terminate() } }

        let api = try await Harness.eventually("crash-loop reported") { () -> StatusReport.Daemon? in
            guard let api = try StatusReport.read(dataDir: dir)?.daemon("api"), api.state == "crash-loop" else {
                return nil
            }
            return api
        }
        #expect(api.restarts >= 2)
        #expect(api.lastExit?.hasPrefix("exit ") == true)
        #expect(api.lastExit != "exit 0")
        supervisor.terminate()
        await Harness.waitForExit(supervisor)
        #expect(supervisor.terminationStatus == 0)
    }

    @Test func daemonsDoNotOutliveAKilledSupervisor() async throws {
        let (supervisor, dir, _) = try await startAppliance()
        let child = try await Harness.eventually("api up") { () -> Int32? in
            guard let api = try StatusReport.read(dataDir: dir)?.daemon("api"), api.state == "up" else { return nil }
            return api.pid
        }
        kill(supervisor.processIdentifier, SIGKILL)
        await Harness.waitForExit(supervisor)
        // The kernel SIGTERMs the daemon when its parent dies (PR_SET_PDEATHSIG).
        _ = try await Harness.eventually("daemon gone") { Harness.isAlive(child) ? nil : true }
    }
}
