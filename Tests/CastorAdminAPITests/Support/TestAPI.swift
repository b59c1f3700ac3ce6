import CastorAdminAPI
import CastorModel
import CastorStore
import Foundation
import Hummingbird
import Synchronization

/// A settable wall clock, so a test can expire a token without waiting.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ date: Date = Date(timeIntervalSince1970: 1_750_000_000)) { current = Mutex(date) }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// Counts `onChange` calls.
final class ChangeCounter: Sendable {
    private let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    func increment() { count.withLock { $0 += 1 } }
}

/// A fresh admin API over a real `CastorStore` on a temporary file, holding an administrator and the lab's
/// two contexts (`comptabilite` 1000–1099, `administratif` 2000–2099).
///
/// ```swift
/// let api = try TestAPI()
/// try await api.application.test(.router) { client in
///     let token = try await client.login()
///     let response = try await client.call(.get, "/api/users", token: token)
/// }
/// ```
struct TestAPI: Sendable {
    static let adminUser = "admin"
    static let adminPassword = "correct-horse-battery"
    static let tokenLifetime: Duration = .seconds(3600)

    let directory: URL
    let store: CastorStore
    let metrics = APIMetrics()
    let clock = TestClock()
    let changes = ChangeCounter()

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("castor-api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        store = try CastorStore.open(path: directory.appendingPathComponent("castor.db").path)
        try store.setAdminPassword(username: Self.adminUser, password: Self.adminPassword)
        _ = try store.createContext(
            Context(
                name: "comptabilite", displayName: "Comptabilité",
                ranges: [NumberRange(kind: .user, start: "1000", end: "1099")]))
        _ = try store.createContext(
            Context(
                name: "administratif", displayName: "Administratif",
                ranges: [NumberRange(kind: .user, start: "2000", end: "2099")]))
    }

    /// The API's router, with the test clock and change counter.
    func makeRouter() -> Router<AdminRequestContext> {
        let clock = self.clock
        let changes = self.changes
        return AdminAPI.buildRouter(
            store: store,
            options: AdminAPIOptions(tokenLifetime: Self.tokenLifetime, now: { clock.now }),
            metrics: metrics,
            onChange: { changes.increment() })
    }

    var application: some ApplicationProtocol { Application(router: makeRouter()) }
}
