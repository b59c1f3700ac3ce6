import CastorTestSupport
import Dispatch
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the built `castor` binary and real programs (curl) for the integration tests.
enum Harness {
    /// `castor`, built beside this test bundle (`swift build --build-tests` builds both).
    static let castor: String = {
        let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        return bundle.appendingPathComponent("castor").path
    }()

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs a program to completion and captures its output (through files: a large output cannot block
    /// the child), with ``CastorTestSupport/Subprocess/start(_:_:stdout:stderr:in:)``'s posix_spawn.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) throws -> Output {
        let directory = NSTemporaryDirectory() + "castor-run-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let process = try Subprocess.start(
            executable, arguments, stdout: directory + "/out", stderr: directory + "/err")
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: (try? String(contentsOfFile: directory + "/out", encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: directory + "/err", encoding: .utf8)) ?? "")
    }

    @discardableResult
    static func castor(_ arguments: String...) throws -> Output { try run(castor, arguments) }

    /// Starts a long-running `castor` command (the supervisor), its output going to a log file.
    static func start(_ arguments: [String], log: String) throws -> ChildProcess {
        try Subprocess.start(castor, arguments, stdout: log, stderr: log)
    }

    /// Waits for a process started with `start` to exit, sleeping rather than spinning.
    static func waitForExit(_ process: some RunningProcess) async {
        while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
    }

    /// A fresh temporary data directory.
    static func dataDir() throws -> String {
        let path = NSTemporaryDirectory() + "castor-it-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A TCP port free on 127.0.0.1 right now (bound to port 0, then released).
    static func freePort() -> Int { LoopbackPort.freeTCP() }

    /// Waits until `condition` holds, polling; fails the test with `what` after `limit`. The limit is a
    /// deadline against hangs, not a measurement: speed is measured by scripts/bench, never asserted here.
    static func eventually<T>(_ what: String, limit: Duration = .seconds(30), _ condition: () throws -> T?) async throws
        -> T
    {
        let deadline = ContinuousClock.now + limit
        var lastError: (any Error)?
        while ContinuousClock.now < deadline {
            do {
                if let value = try condition() { return value }
            } catch {
                lastError = error
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("timed out waiting for \(what)\(lastError.map { ": \($0)" } ?? "")")
        throw CancellationError()
    }

    /// Whether a process with this pid exists (and is not a zombie).
    static func isAlive(_ pid: Int32) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        // Field 3 is the state; Z is a zombie.
        return !(stat.split(separator: ")").last?.trimmingCharacters(in: .whitespaces).hasPrefix("Z") ?? false)
    }

    /// Pids of every process whose command line mentions `text` (a test's unique data dir).
    static func processes(mentioning text: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { pid in
            guard pid != getpid(), let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else {
                return false
            }
            return String(decoding: data, as: UTF8.self).contains(text) && isAlive(pid)
        }
    }

    static func writeSettings(_ yaml: String, dataDir: String) throws {
        try yaml.write(toFile: dataDir + "/castor.yaml", atomically: true, encoding: .utf8)
    }
}

/// `castor status --json`, decoded.
struct StatusReport: Decodable {
    struct Daemon: Decodable {
        var name: String
        var state: String
        var pid: Int32?
        var restarts: Int
        var lastExit: String?

        enum CodingKeys: String, CodingKey {
            case name, state, pid, restarts
            case lastExit = "last_exit"
        }
    }
    var ok: Bool
    var supervisorPID: Int32?
    var daemons: [Daemon]

    enum CodingKeys: String, CodingKey {
        case ok, daemons
        case supervisorPID = "supervisor_pid"
    }

    static func read(dataDir: String) throws -> StatusReport? {
        let output = try Harness.castor("status", "--data-dir", dataDir, "--json")
        guard output.status == 0 else { return nil }
        return try JSONDecoder().decode(StatusReport.self, from: Data(output.stdout.utf8))
    }

    func daemon(_ name: String) -> Daemon? { daemons.first { $0.name == name } }
}
