import CastorModel
import Testing

@testable import CastorStore

@Suite("Lines and extensions")
struct LineTests {
    @Test("a line's username is unique")
    func uniqueUsername() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite")
        try fixture.line("1001")
        let error = failure {
            try fixture.store.createLine(Line(username: "1001", secret: "another-secret", context: "comptabilite"))
        }
        #expect(error?.isConflict == true)
        #expect(error?.field == "username")
    }

    @Test("a line's context must exist (400, not 404)")
    func unknownContext() throws {
        let fixture = try StoreFixture()
        let error = failure { try fixture.line("1001", in: "compta") }
        #expect(error == .invalid(field: "context", reason: "no context named \"compta\""))
    }

    @Test("an extension outside its context's range is refused and nothing is written")
    func outsideRange() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite")
        let error = failure { try fixture.line("2001") }
        #expect(error?.isInvalid == true)
        #expect(error?.field == "exten")
        #expect(try fixture.store.lines().isEmpty)
        #expect(try fixture.store.extensions().isEmpty)
    }

    @Test("an extension is unique in its context, not across contexts")
    func uniqueInContext() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite")
        try fixture.context("autre")
        try fixture.line("1001")
        let error = failure { try fixture.store.createExtension(Extension(context: "comptabilite", exten: "1001")) }
        #expect(error?.isConflict == true)
        #expect(error?.field == "exten")
        #expect(error?.reason == "1001 is already taken in context \"comptabilite\" (by line 1001)")
        _ = try fixture.store.createExtension(Extension(context: "autre", exten: "1001"))
    }

    @Test("a line's extension is in the line's context, once")
    func extensionFollowsLine() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite")
        try fixture.context("autre")
        let line = try fixture.store.createLine(Line(username: "bare", secret: "secret-bare", context: "comptabilite"))
        #expect(line.exten == nil)
        let lineID = try #require(line.id)
        let elsewhere = failure {
            try fixture.store.createExtension(Extension(context: "autre", exten: "1005", lineID: lineID))
        }
        #expect(elsewhere?.field == "context")
        let group = failure {
            try fixture.store.createExtension(
                Extension(context: "comptabilite", exten: "1005", kind: .group, lineID: lineID))
        }
        #expect(group?.field == "kind")
        let ext = try fixture.store.createExtension(Extension(context: "comptabilite", exten: "1005", lineID: lineID))
        #expect(try fixture.store.line(id: lineID).exten == "1005")
        let twice = failure {
            try fixture.store.createExtension(Extension(context: "comptabilite", exten: "1006", lineID: lineID))
        }
        #expect(twice?.field == "line_id")
        #expect(twice?.isConflict == true)
        _ = try fixture.store.updateExtension(
            id: #require(ext.id), with: Extension(context: "comptabilite", exten: "1007", lineID: lineID))
        #expect(try fixture.store.line(id: lineID).exten == "1007")
        let missing = failure {
            try fixture.store.createExtension(Extension(context: "comptabilite", exten: "1008", lineID: 999))
        }
        #expect(missing?.field == "line_id")
    }

    @Test("lookup by extension, with and without context")
    func lookup() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite")
        try fixture.context("autre")
        try fixture.line("1001")
        #expect(try fixture.store.line(exten: "1001", context: nil).username == "1001")
        #expect(try fixture.store.line(exten: "1001", context: "comptabilite").context == "comptabilite")
        #expect(failure { try fixture.store.line(exten: "1001", context: "autre") }?.isNotFound == true)
        #expect(failure { try fixture.store.line(exten: "1001", context: "nope") }?.field == "context")
        try fixture.store.createLine(Line(username: "autre-1001", secret: "secret-x1", context: "autre", exten: "1001"))
        #expect(failure { try fixture.store.line(exten: "1001", context: nil) }?.field == "context")
        #expect(failure { try fixture.store.line(id: 999) } == .notFound(kind: "line", key: "999"))
    }

    @Test("moving a line to another context moves its extension")
    func moveLine() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite")
        try fixture.context("administratif", users: "2000", "2099")
        var line = try fixture.line("1001")
        let id = try #require(line.id)
        line.context = "administratif"
        #expect(failure { try fixture.store.updateLine(id: id, with: line) }?.field == "exten")
        line.exten = "2001"
        line.codecs = ["alaw"]
        let moved = try fixture.store.updateLine(id: id, with: line)
        #expect(moved.context == "administratif")
        #expect(moved.exten == "2001")
        #expect(moved.codecs == ["alaw"])
        #expect(try fixture.store.extensions().map(\.context) == ["administratif"])
        line.exten = nil
        #expect(try fixture.store.updateLine(id: id, with: line).exten == nil)
        #expect(try fixture.store.extensions().isEmpty)
    }

    @Test("deleting a line deletes its extension")
    func deleteLine() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite")
        let line = try fixture.line("1001")
        try fixture.store.deleteLine(id: #require(line.id))
        #expect(try fixture.store.extensions().isEmpty)
        #expect(failure { try fixture.store.deleteLine(id: 1) }?.isNotFound == true)
    }

    @Test("a line's user must exist; a user with lines cannot be deleted")
    func usersAndLines() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite")
        let orphan = failure {
            try fixture.store.createLine(
                Line(userID: 42, username: "1001", secret: "secret-1001", context: "comptabilite"))
        }
        #expect(orphan?.field == "user_id")
        let user = try fixture.store.createUser(User(name: "Alice"))
        let userID = try #require(user.id)
        let line = try fixture.store.createLine(
            Line(userID: userID, username: "1001", secret: "secret-1001", context: "comptabilite", exten: "1001"))
        let error = failure { try fixture.store.deleteUser(id: userID) }
        #expect(error?.isConflict == true)
        #expect(error?.field == "id")
        try fixture.store.deleteLine(id: #require(line.id))
        try fixture.store.deleteUser(id: userID)
        #expect(failure { try fixture.store.user(id: userID) }?.isNotFound == true)
    }

    @Test("users are validated and updated")
    func updateUser() throws {
        let fixture = try StoreFixture()
        #expect(failure { try fixture.store.createUser(User(name: "Bob", language: "french")) }?.field == "language")
        let user = try fixture.store.createUser(User(name: "Bob"))
        let updated = try fixture.store.updateUser(
            id: #require(user.id), with: User(name: "Robert", email: "bob@lab.example"))
        #expect(updated.name == "Robert")
        #expect(try fixture.store.users().map(\.name) == ["Robert"])
        #expect(failure { try fixture.store.updateUser(id: 99, with: User(name: "X")) }?.isNotFound == true)
    }

    @Test("a voicemail number is unique in its context")
    func voicemailUnique() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite")
        try fixture.context("autre")
        let box = VoicemailBox(number: "1001", context: "comptabilite", name: "Alice", pin: "1234")
        let created = try fixture.store.createVoicemailBox(box)
        let error = failure { try fixture.store.createVoicemailBox(box) }
        #expect(error?.isConflict == true)
        #expect(error?.field == "number")
        var other = box
        other.context = "autre"
        _ = try fixture.store.createVoicemailBox(other)
        other.context = "ghost"
        #expect(failure { try fixture.store.createVoicemailBox(other) }?.field == "context")
        var changed = box
        changed.pin = "98765"
        #expect(try fixture.store.updateVoicemailBox(id: #require(created.id), with: changed).pin == "98765")
        #expect(
            failure {
                try fixture.store.createVoicemailBox(VoicemailBox(number: "1", context: "autre", name: "X", pin: "12"))
            }?.field == "pin")
    }
}
