import CastorModel
import Foundation
import Testing

@testable import CastorStore

@Suite("Opening the database and migrations")
struct OpeningTests {
    @Test("a new file gets every migration; reopening runs nothing and keeps the data")
    func migrationsRunOnce() throws {
        let fixture = try StoreFixture()
        #expect(fixture.store.appliedMigrations == Schema.identifiers)
        #expect(fixture.store.migrationsRunAtOpen == Schema.identifiers)
        #expect(Schema.identifiers == ["v1", "v2", "v3", "v4", "v5"])
        try fixture.context("comptabilite")

        let reopened = try CastorStore.open(path: fixture.path)
        #expect(reopened.appliedMigrations == Schema.identifiers)
        #expect(reopened.migrationsRunAtOpen == [])
        #expect(try reopened.contexts().map(\.name) == ["comptabilite"])
    }

    @Test("v1 seeds the entity lab")
    func defaultEntity() throws {
        let fixture = try StoreFixture()
        #expect(try fixture.store.entities().map(\.name) == ["lab"])
        let entity = try fixture.store.createEntity(Entity(name: "ecole", displayName: "École"))
        #expect(entity.id != nil)
        #expect(failure { try fixture.store.createEntity(Entity(name: "lab", displayName: "Lab")) }?.field == "name")
    }

    @Test("the file is created readable by its owner only")
    func fileMode() throws {
        let fixture = try StoreFixture()
        let attributes = try FileManager.default.attributesOfItem(atPath: fixture.path)
        let mode = (attributes[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
    }

    @Test("a file that is not a database is refused with a message naming it")
    func notADatabase() throws {
        let fixture = try StoreFixture()
        let path = fixture.directory.appendingPathComponent("notes.db").path
        try String(repeating: "this is not SQLite\n", count: 200).write(toFile: path, atomically: true, encoding: .utf8)
        let error = failure { try CastorStore.open(path: path) }
        #expect(error?.field == "database")
        #expect(error?.isInvalid == true)
        #expect(error?.description.contains(path) == true)
        #expect(error?.description.contains("not a Castor database") == true)
    }

    @Test("a missing directory is refused with a message naming it")
    func missingDirectory() throws {
        let fixture = try StoreFixture()
        let path = fixture.directory.appendingPathComponent("nowhere/castor.db").path
        let error = failure { try CastorStore.open(path: path) }
        #expect(error?.field == "database")
        #expect(error?.description.contains(path) == true)
    }

    @Test("two stores on one file (two processes) see each other's writes")
    func twoStores() throws {
        let fixture = try StoreFixture()
        let other = try CastorStore.open(path: fixture.path)
        try fixture.context("comptabilite")
        #expect(try other.context(named: "comptabilite").name == "comptabilite")
        let summary = try other.addUser(
            name: "Alice", context: "comptabilite", exten: "1001", secret: nil, email: nil)
        #expect(try fixture.store.line(exten: "1001", context: nil).userID == summary.user.id)
        // A constraint holds across them: the second writer sees the first's row.
        #expect(failure { try fixture.line("1001") }?.field == "username")
    }
}
