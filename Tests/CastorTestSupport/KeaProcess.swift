import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The real kea-dhcp4 2.2 (Debian's kea-dhcp4-server, with the lease_cmds hook), run in a directory of its
/// own with a control socket: the reference Castor is compared with.
///
/// ```swift
/// let kea = try await KeaProcess.start(directory: dir, members: #""subnet4": [ … ]"#)
/// defer { kea.stop() }
/// let reply = try await kea.control.command(#"{"command": "lease4-get-all"}"#)
/// ```
public final class KeaProcess: Sendable {
    public static let binary = "/usr/sbin/kea-dhcp4"
    public static let hook = "/usr/lib/x86_64-linux-gnu/kea/hooks/libdhcp_lease_cmds.so"
    public static var available: Bool {
        FileManager.default.isExecutableFile(atPath: binary) && FileManager.default.fileExists(atPath: hook)
    }

    let process: ChildProcess
    public let control: KeaControlClient
    public let directory: String

    private init(process: ChildProcess, socket: String, directory: String) {
        self.process = process
        self.control = KeaControlClient(path: socket)
        self.directory = directory
    }

    public var log: String { (try? String(contentsOfFile: directory + "/kea.log", encoding: .utf8)) ?? "" }
    public var configPath: String { directory + "/kea-dhcp4.conf" }

    /// Starts `kea-dhcp4 -c <directory>/kea-dhcp4.conf [arguments]` with `members` (the `Dhcp4` map's own
    /// entries, without `control-socket`, `hooks-libraries` and `loggers`, which are added here).
    public static func start(directory: String, members: String, arguments: [String] = []) async throws -> KeaProcess {
        let socket = directory + "/kea.sock"
        let config = """
            {
              "Dhcp4": {
                \(members),
                "control-socket": { "socket-type": "unix", "socket-name": "\(socket)" },
                "hooks-libraries": [ { "library": "\(hook)" } ],
                "loggers": [ { "name": "kea-dhcp4", "output_options": [ { "output": "\(directory)/kea.log" } ], "severity": "INFO" } ]
              }
            }
            """
        try config.write(toFile: directory + "/kea-dhcp4.conf", atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["KEA_PIDFILE_DIR"] = directory
        environment["KEA_LOCKFILE_DIR"] = directory
        let process = try Subprocess.start(
            binary, ["-c", directory + "/kea-dhcp4.conf"] + arguments, environment: environment,
            stdout: "/dev/null", stderr: "/dev/null")
        let kea = KeaProcess(process: process, socket: socket, directory: directory)
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if let reply = try? await kea.control.command(#"{"command": "version-get"}"#), reply["result"] as? Int == 0
            {
                return kea
            }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        kea.stop()
        throw TestFailure("kea-dhcp4 did not answer on its control socket; log:\n\(kea.log)")
    }

    /// Stops Kea with its `shutdown` command. (SIGTERM is not enough: with no interface configured, Kea
    /// 2.2's main loop never wakes up to look at the signals it blocked.) SIGKILL after 10 s, as a last resort.
    public func stop() {
        guard process.isRunning else { return }
        _ = try? control.commandBlocking(#"{"command": "shutdown"}"#)
        let deadline = ContinuousClock.now + .seconds(10)
        while process.isRunning && ContinuousClock.now < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        while process.isRunning { usleep(10_000) }
    }
}
