import Synchronization

/// The ports `castor provd` bound, gathered as each server comes up (TFTP at once, HTTP and HTTPS when
/// Hummingbird reports them, in either order); `ready` runs once, when all are known, so the one
/// "provd listening" line names every port and the supervisor hears "ready" only when phones can fetch.
///
/// ```swift
/// let listening = ProvdListening(https: true) { ports in logger.info("provd listening", …) }
/// listening.bound(tftp: 69); listening.bound(https: 8668); listening.bound(http: 8667)   // ready runs here
/// ```
final class ProvdListening: Sendable {
    struct Ports: Sendable {
        var tftp: Int
        var http: Int
        /// nil when HTTPS is off.
        var https: Int?
    }

    private struct State {
        var tftp: Int?
        var http: Int?
        var https: Int?
        var reported = false
    }

    private let state = Mutex(State())
    private let expectsHTTPS: Bool
    private let ready: @Sendable (Ports) -> Void

    init(https: Bool, ready: @escaping @Sendable (Ports) -> Void) {
        self.expectsHTTPS = https
        self.ready = ready
    }

    func bound(tftp port: Int) { record { $0.tftp = port } }
    func bound(http port: Int) { record { $0.http = port } }
    func bound(https port: Int) { record { $0.https = port } }

    private func record(_ change: (inout State) -> Void) {
        let complete: Ports? = state.withLock { state in
            change(&state)
            guard !state.reported, let tftp = state.tftp, let http = state.http,
                !expectsHTTPS || state.https != nil
            else { return nil }
            state.reported = true
            return Ports(tftp: tftp, http: http, https: state.https)
        }
        if let complete { ready(complete) }
    }
}
