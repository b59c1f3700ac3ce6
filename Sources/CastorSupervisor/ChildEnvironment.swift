import CCastorShims
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What a supervised daemon learns from its environment, and the few things it does about it.
///
/// The supervisor sets `CASTOR_SUPERVISOR_SOCKET` (where to send the readiness notice),
/// `CASTOR_SUPERVISOR_PID` and `CASTOR_DAEMON` (its name in `castor status`).
public enum ChildEnvironment {
    public static let socketVariable = "CASTOR_SUPERVISOR_SOCKET"
    public static let pidVariable = "CASTOR_SUPERVISOR_PID"
    public static let nameVariable = "CASTOR_DAEMON"

    /// Asks the kernel to SIGTERM this process when the supervisor dies, even by `kill -9`, so no daemon
    /// outlives it (prctl(2) PR_SET_PDEATHSIG). If the supervisor is already gone, exits now.
    public static func followSupervisor() {
        let environment = ProcessInfo.processInfo.environment
        guard let text = environment[pidVariable], let supervisor = Int32(text) else { return }
        _ = castor_set_parent_death_signal(SIGTERM)
        // The supervisor may have died before prctl took effect: then our parent is no longer it.
        if getppid() != supervisor { exit(0) }
    }

    /// Tells the supervisor (if there is one) that this daemon is ready: its sockets are bound.
    public static func notifyReady() {
        let environment = ProcessInfo.processInfo.environment
        guard let path = environment[socketVariable], let name = environment[nameVariable] else { return }
        let request = SupervisorRequest(command: "ready", name: name, pid: getpid())
        _ = try? SupervisorClient(socketPath: path).send(request)
    }

    /// Tells the supervisor (if one runs with this run dir) that the data changed, so the other daemons reload.
    public static func notifyChanged(runDir: String, except: String? = nil) {
        let path = Supervisor.socketPath(runDir: runDir)
        guard FileManager.default.fileExists(atPath: path) else { return }
        _ = try? SupervisorClient(socketPath: path).send(SupervisorRequest(command: "reload", except: except))
    }
}

extension ChildEnvironment {
    /// Calls `handler` on each SIGHUP (the supervisor's reload), instead of the default action, which would
    /// end the process. Keep the returned value alive as long as the handler should run.
    public static func onReload(_ handler: @escaping @Sendable () -> Void) -> AnyObject {
        let signals = SignalStream(signals: [SIGHUP])
        Task {
            for await _ in signals.stream { handler() }
        }
        return signals
    }
}
