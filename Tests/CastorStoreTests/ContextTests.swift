import CastorModel
import Testing

@testable import CastorStore

@Suite("Contexts")
struct ContextTests {
    @Test("a context's name is unique")
    func uniqueName() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite")
        let error = failure { try fixture.context("comptabilite") }
        #expect(error?.isConflict == true)
        #expect(error?.field == "name")
    }

    @Test("ranges are checked, the field says which")
    func badRange() throws {
        let fixture = try StoreFixture()
        let context = Context(
            name: "compta", displayName: "Compta",
            ranges: [
                NumberRange(kind: .user, start: "1000", end: "1099"), NumberRange(kind: .group, start: "1x", end: "19"),
            ])
        #expect(failure { try fixture.store.createContext(context) }?.field == "ranges[1].start")
        #expect(try fixture.store.contexts().isEmpty)
    }

    @Test("an include must name an existing context")
    func unknownInclude() throws {
        let fixture = try StoreFixture()
        let error = failure {
            try fixture.store.createContext(Context(name: "a", displayName: "A", includes: ["ghost"]))
        }
        #expect(error == .invalid(field: "includes[0]", reason: "no context named \"ghost\""))
        #expect(try fixture.store.contexts().isEmpty)
        #expect(failure { try fixture.store.include("ghost", in: "nowhere") }?.isNotFound == true)
    }

    @Test("includes survive renaming either side")
    func includesSurviveRename() throws {
        let fixture = try StoreFixture()
        try fixture.context("administratif", users: "2000", "2099")
        try fixture.context("comptabilite")
        _ = try fixture.store.include("comptabilite", in: "administratif")
        _ = try fixture.store.include("comptabilite", in: "administratif")  // idempotent
        #expect(try fixture.store.context(named: "administratif").includes == ["comptabilite"])

        var compta = try fixture.store.context(named: "comptabilite")
        compta.name = "compta"
        _ = try fixture.store.updateContext(named: "comptabilite", with: compta)
        #expect(try fixture.store.context(named: "administratif").includes == ["compta"])

        var admin = try fixture.store.context(named: "administratif")
        admin.name = "admin"
        let renamed = try fixture.store.updateContext(named: "administratif", with: admin)
        #expect(renamed.includes == ["compta"])
        #expect(failure { try fixture.store.context(named: "administratif") }?.isNotFound == true)
    }

    @Test("lines and extensions follow a renamed context")
    func linesFollowRename() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite")
        try fixture.line("1001")
        var context = try fixture.store.context(named: "comptabilite")
        context.name = "compta"
        _ = try fixture.store.updateContext(named: "comptabilite", with: context)
        #expect(try fixture.store.line(exten: "1001", context: "compta").context == "compta")
    }

    @Test("renaming onto another context's name is a conflict")
    func renameClash() throws {
        let fixture = try StoreFixture()
        try fixture.context("a")
        var b = try fixture.context("b")
        b.name = "a"
        #expect(failure { try fixture.store.updateContext(named: "b", with: b) }?.field == "name")
    }

    @Test("ranges cannot shrink under existing extensions")
    func rangesKeepExtensions() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite")
        try fixture.line("1050")
        var context = try fixture.store.context(named: "comptabilite")
        context.ranges = [NumberRange(kind: .user, start: "1000", end: "1009")]
        let error = failure { try fixture.store.updateContext(named: "comptabilite", with: context) }
        #expect(error?.isConflict == true)
        #expect(error?.field == "ranges")
        #expect(try fixture.store.context(named: "comptabilite").ranges.first?.end == "1099")
    }

    @Test("deleting a context that holds lines or is included says what holds it")
    func deleteRefused() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite")
        try fixture.context("administratif", users: "2000", "2099")
        _ = try fixture.store.include("comptabilite", in: "administratif")
        try fixture.line("1001")
        try fixture.line("1002")
        let error = failure { try fixture.store.deleteContext(named: "comptabilite") }
        #expect(
            error
                == .conflict(
                    field: "name",
                    reason:
                        "context \"comptabilite\" still holds 2 lines (1001, 1002) and is included by \"administratif\""
                ))
        #expect(try fixture.store.lines().count == 2)

        // Only included now.
        for line in try fixture.store.lines() { try fixture.store.deleteLine(id: #require(line.id)) }
        #expect(
            failure { try fixture.store.deleteContext(named: "comptabilite") }
                == .conflict(field: "name", reason: "context \"comptabilite\" is still included by \"administratif\""))

        // The includer goes (its includes with it), then the context can go.
        try fixture.store.deleteContext(named: "administratif")
        try fixture.store.deleteContext(named: "comptabilite")
        #expect(try fixture.store.contexts().isEmpty)
        #expect(failure { try fixture.store.deleteContext(named: "comptabilite") }?.isNotFound == true)
    }

    @Test("voicemail boxes and other extensions hold a context too")
    func deleteRefusedByOthers() throws {
        let fixture = try StoreFixture()
        try fixture.store.createContext(
            Context(
                name: "comptabilite", displayName: "Compta",
                ranges: [NumberRange(kind: .group, start: "1100", end: "1199")]))
        _ = try fixture.store.createExtension(Extension(context: "comptabilite", exten: "1100", kind: .group))
        _ = try fixture.store.createVoicemailBox(
            VoicemailBox(number: "1100", context: "comptabilite", name: "Groupe", pin: "1234"))
        #expect(
            failure { try fixture.store.deleteContext(named: "comptabilite") }?.reason
                == "context \"comptabilite\" still holds 1 extension (1100) and 1 voicemail box (1100)")
    }
}
