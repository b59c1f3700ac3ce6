import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Real programs for the tests (the built `castor`, perfdhcp, kea-dhcp4, ip, dhclient…). Never `waitUntilExit()` (it spins a core on
/// Linux): exits are awaited by polling `isRunning` with sleeps.
public enum Subprocess {
    /// `castor`, built beside this test bundle (as Tests/CastorIntegrationTests/Harness.swift finds it).
    public static let castor: String = {
        let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        return bundle.appendingPathComponent("castor").path
    }()

    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs a program to completion (within `limit`, then SIGKILL) and captures its output through files.
    public static func run(
        _ executable: String, _ arguments: [String], limit: Duration = .seconds(60), in workingDirectory: String? = nil
    ) async throws -> Output {
        let directory = NSTemporaryDirectory() + "castor-dhcp-run-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let process = try start(
            executable, arguments, stdout: directory + "/out", stderr: directory + "/err", in: workingDirectory)
        let deadline = ContinuousClock.now + limit
        while process.isRunning {
            if ContinuousClock.now > deadline { kill(process.processIdentifier, SIGKILL) }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return Output(
            status: process.terminationStatus,
            stdout: (try? String(contentsOfFile: directory + "/out", encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOfFile: directory + "/err", encoding: .utf8)) ?? "")
    }

    /// Starts a program with its output going to files (one file when both paths are equal).
    public static func start(
        _ executable: String, _ arguments: [String], stdout: String, stderr: String, in workingDirectory: String? = nil
    ) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        process.arguments = arguments
        _ = FileManager.default.createFile(atPath: stdout, contents: nil)
        let out = try FileHandle(forWritingTo: URL(fileURLWithPath: stdout))
        process.standardOutput = out
        if stderr == stdout {
            process.standardError = out
        } else {
            _ = FileManager.default.createFile(atPath: stderr, contents: nil)
            process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderr))
        }
        try withDefaultSignalMask { try process.run() }
        return process
    }

    /// Runs `body` (a spawn) with no signal blocked on this thread: a child inherits the spawning thread's
    /// mask, and Dispatch's worker threads block nearly every signal, which would leave a client deaf to the
    /// SIGUSR1/SIGUSR2/SIGHUP the tests send it.
    public static func withDefaultSignalMask<T>(_ body: () throws -> T) rethrows -> T {
        var none = sigset_t()
        var saved = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, &saved)
        defer { pthread_sigmask(SIG_SETMASK, &saved, nil) }
        return try body()
    }

    /// Waits for a process to exit, sleeping rather than spinning; SIGKILLs it after `limit`.
    public static func waitForExit(_ process: Process, limit: Duration = .seconds(20)) async {
        let deadline = ContinuousClock.now + limit
        while process.isRunning {
            if ContinuousClock.now > deadline { kill(process.processIdentifier, SIGKILL) }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}
