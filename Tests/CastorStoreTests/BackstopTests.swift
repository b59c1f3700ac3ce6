import CastorModel
import Foundation
import Testing

@testable import CastorStore

@Suite("Opening races and SQL backstops")
struct BackstopTests {
    @Test("processes opening a new file at once all end up fully migrated")
    func concurrentOpens() throws {
        let fixture = try StoreFixture()
        let path = fixture.directory.appendingPathComponent("race.db").path
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            results.append(Result { () throws(CastorError) in try CastorStore.open(path: path).appliedMigrations })
        }
        let all = results.values
        #expect(all.count == 6)
        for result in all { #expect(try result.get() == Schema.identifiers) }
        #expect(try CastorStore.open(path: path).migrationsRunAtOpen == [])
    }

    @Test("a constraint the code missed comes back as a CastorError, without SQLite's words")
    func uniqueBackstop() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite")
        try fixture.line("1001")
        let error = failure {
            try fixture.store.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO line (username, secret, context_id, codecs, transport, max_contacts)
                        SELECT username, secret, context_id, codecs, transport, max_contacts FROM line
                        """)
            }
        }
        #expect(error == .conflict(field: "username", reason: "this username is already taken"))
        let trigger = failure {
            try fixture.store.write { db in
                try db.execute(
                    sql: "INSERT INTO context (entity_id, name, display_name, type) VALUES (1, 'b', 'B', 'internal')")
                try db.execute(
                    sql:
                        "INSERT INTO extension (context_id, exten, kind, line_id) SELECT id, '1009', 'user', 1 FROM context WHERE name = 'b'"
                )
            }
        }
        #expect(trigger?.field == "context")
        #expect(trigger?.description.contains("SQLITE") == false)
        #expect(try fixture.store.contexts().count == 1)
    }
}

/// Results gathered from concurrent threads.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Result<[String], CastorError>] = []

    func append(_ result: Result<[String], CastorError>) {
        lock.lock()
        defer { lock.unlock() }
        stored.append(result)
    }

    var values: [Result<[String], CastorError>] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
