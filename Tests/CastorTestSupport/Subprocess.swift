import CCastorShims
import Foundation
import Synchronization

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

    /// Starts a program with its output going to files (one file when both paths are equal), through
    /// posix_spawn (``ChildProcess``), not Foundation's `Process`: its `run()` over-reads the entries of
    /// /proc/self/fd on Linux (swift-corelibs-foundation PR #5472) and crashed fresh-clone runs of this suite.
    /// The child gets no blocked signal and every signal at its default action, and no descriptor but 0–2.
    /// `environment` replaces this process's (nil: inherited); `stdin` is a descriptor the child reads as its
    /// standard input (nil: inherited).
    public static func start(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, stdin: Int32? = nil,
        stdout: String, stderr: String, in workingDirectory: String? = nil
    ) throws -> ChildProcess {
        try ChildProcess(
            executable, arguments, environment: environment, stdin: stdin, stdout: stdout, stderr: stderr,
            in: workingDirectory)
    }

    /// Waits for a process to exit, sleeping rather than spinning; SIGKILLs it after `limit`.
    public static func waitForExit(_ process: some RunningProcess, limit: Duration = .seconds(20)) async {
        let deadline = ContinuousClock.now + limit
        while process.isRunning {
            if ContinuousClock.now > deadline { kill(process.processIdentifier, SIGKILL) }
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}

/// What the tests ask of a child, whether a ``ChildProcess`` or a Foundation `Process`.
public protocol RunningProcess: AnyObject {
    var isRunning: Bool { get }
    var processIdentifier: Int32 { get }
    /// The exit status, or the number of the signal that ended it.
    var terminationStatus: Int32 { get }
}

extension Process: RunningProcess {}

/// A child started with posix_spawn: the part of Foundation's `Process` the tests use (``isRunning`` reaps it
/// with `waitpid(WNOHANG)`).
public final class ChildProcess: RunningProcess, Sendable {
    public let processIdentifier: Int32
    /// The raw wait status once reaped.
    private let status = Mutex<Int32?>(nil)

    init(
        _ executable: String, _ arguments: [String], environment: [String: String]?, stdin: Int32?, stdout: String,
        stderr: String, in workingDirectory: String?
    ) throws {
        func cStrings(_ strings: [String]) -> [UnsafeMutablePointer<CChar>?] { strings.map { strdup($0) } + [nil] }
        var argv = cStrings([executable] + arguments)
        var envp = environment.map { cStrings($0.map { "\($0.key)=\($0.value)" }) }
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp ?? [] { free(pointer) }
        }
        var pid: Int32 = -1
        let result: Int32
        if envp != nil {
            result = castor_spawn(executable, &argv, &envp!, workingDirectory, stdin ?? -1, stdout, stderr, &pid)
        } else {
            result = castor_spawn(executable, &argv, nil, workingDirectory, stdin ?? -1, stdout, stderr, &pid)
        }
        guard result == 0 else {
            throw CocoaError(
                .fileReadUnknown,
                userInfo: [
                    NSLocalizedDescriptionKey: "cannot start \(executable): \(String(cString: strerror(result)))"
                ])
        }
        processIdentifier = pid
    }

    public var isRunning: Bool {
        status.withLock { status in
            guard status == nil else { return false }
            var raw: Int32 = 0
            let reaped = waitpid(processIdentifier, &raw, WNOHANG)
            if reaped == processIdentifier || (reaped < 0 && errno == ECHILD) {
                status = reaped == processIdentifier ? raw : 0
                return false
            }
            return true
        }
    }

    public var terminationStatus: Int32 {
        guard !isRunning, let raw = status.withLock({ $0 }) else { return -1 }
        // WIFSIGNALED: the low 7 bits are the signal (neither 0, exited, nor 0x7F, stopped).
        let signal = raw & 0x7F
        return signal == 0 ? (raw >> 8) & 0xFF : signal
    }

    /// Blocks this thread until the child exits (for synchronous helpers; async code polls ``isRunning``).
    public func waitUntilExit() {
        status.withLock { status in
            guard status == nil else { return }
            var raw: Int32 = 0
            while true {
                let reaped = waitpid(processIdentifier, &raw, 0)
                if reaped == processIdentifier {
                    status = raw
                    return
                }
                if reaped < 0, errno != EINTR {
                    status = 0
                    return
                }
            }
        }
    }

    /// SIGTERM, as Foundation's `terminate()`.
    public func terminate() { kill(processIdentifier, SIGTERM) }

    /// SIGINT, as Foundation's `interrupt()`.
    public func interrupt() { kill(processIdentifier, SIGINT) }
}
