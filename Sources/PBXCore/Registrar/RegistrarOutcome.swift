import CastorModel
import SIPCodec

/// What the registrar decided for one REGISTER: the response, the binding changes to store before that
/// response may leave (an acknowledged registration survives `kill -9`), and what happened, for logs and
/// metrics.
public struct RegistrarOutcome: Sendable {
    public enum Event: Sendable, Equatable {
        /// No (usable) credentials: challenged with 401. `stale` when the nonce had expired or was replayed.
        case challenged(stale: Bool)
        /// Credentials did not verify (wrong password, unknown user, forged nonce): 401 again or 403.
        case authenticationFailed(username: String, failures: Int, forbidden: Bool)
        /// Authenticated, but the request was refused (400, 403, 423, 500…).
        case refused(username: String, status: Int)
        /// Authenticated and applied: the line now has `contacts` bindings.
        case registered(username: String, contacts: Int, added: Int, removed: Int)
    }

    public var response: SIPResponse
    public var changes: [SIPBindingChange]
    public var event: Event

    public init(response: SIPResponse, changes: [SIPBindingChange] = [], event: Event) {
        self.response = response
        self.changes = changes
        self.event = event
    }
}
