import CastorAdminAPI
import CastorTestSupport
import Foundation
import Hummingbird
import Logging
import Testing

/// One real-socket scenario: the application on 127.0.0.1, driven by curl.
@Suite("Live server")
struct LiveServerTests {
    @Test(.timeLimit(.minutes(1)))
    func curlLogsInAndListsUsers() async throws {
        let api = try TestAPI()
        _ = try api.store.createUser(.init(name: "Alice"))
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        // Cancelling the server at the end logs "Waiting on child channel: CancellationError()".
        var logger = Logger(label: "castor.api.test")
        logger.logLevel = .critical
        let app = AdminAPI.makeApplication(
            store: api.store, options: AdminAPIOptions(logger: logger), metrics: APIMetrics(), host: "127.0.0.1",
            port: 0,
            onChange: {}, onServerRunning: { port in portContinuation.yield(port) })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var iterator = ports.makeAsyncIterator()
            let port = try #require(await iterator.next())
            #expect(port > 0)

            let login = try Self.curl(
                "-X", "POST", "-H", "Content-Type: application/json",
                "-d", #"{"username":"admin","password":"correct-horse-battery"}"#,
                "http://127.0.0.1:\(port)/api/auth/login")
            let token = try #require(
                (try JSONSerialization.jsonObject(with: login) as? [String: Any])?["token"] as? String)

            let users = try Self.curl("-H", "Authorization: Bearer \(token)", "http://127.0.0.1:\(port)/api/users")
            let list = try #require(try JSONSerialization.jsonObject(with: users) as? [String: Any])
            #expect(list["total"] as? Int == 1)
            #expect((list["items"] as? [[String: Any]])?.first?["name"] as? String == "Alice")

            group.cancelAll()
        }
    }

    /// Runs `/usr/bin/curl -sS --fail-with-body ARGS` and returns its standard output.
    static func curl(_ arguments: String...) throws -> Data {
        let directory = NSTemporaryDirectory() + "castor-curl-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let process = try Subprocess.start(
            "/usr/bin/curl", ["-sS", "--fail-with-body", "--max-time", "10"] + arguments,
            stdout: directory + "/out", stderr: directory + "/err")
        process.waitUntilExit()
        let data = (try? Data(contentsOf: URL(fileURLWithPath: directory + "/out"))) ?? Data()
        try #require(process.terminationStatus == 0, "curl \(arguments): \(String(decoding: data, as: UTF8.self))")
        return data
    }
}
