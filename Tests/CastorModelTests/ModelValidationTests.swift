import CastorCore
import Testing

@testable import CastorModel

@Suite struct NumberRangeTests {
    let users = NumberRange(kind: .user, start: "1000", end: "1099")

    @Test func rangesCompareNumbersOfTheSameWidth() {
        #expect(users.contains("1000"))
        #expect(users.contains("1042"))
        #expect(users.contains("1099"))
        #expect(!users.contains("1100"))
        #expect(!users.contains("999"))
        #expect(!users.contains("10420"))
        #expect(!users.contains("10a1"))
    }

    @Test func badRangesNameTheirEnd() {
        #expect(
            throws: CastorError.invalid(
                field: "r.end", reason: "\"100\" must have as many digits as the start \"1000\"")
        ) {
            try NumberRange(kind: .user, start: "1000", end: "100").validate(field: "r")
        }
        #expect(throws: CastorError.self) {
            try NumberRange(kind: .user, start: "2000", end: "1000").validate(field: "r")
        }
        #expect(throws: CastorError.self) {
            try NumberRange(kind: .user, start: "1x00", end: "1999").validate(field: "r")
        }
    }

    @Test func overlappingRangesOfOneKindAreRefused() {
        let context = Context(
            name: "compta", displayName: "Compta",
            ranges: [
                users, NumberRange(kind: .user, start: "1050", end: "1150"),
                NumberRange(kind: .group, start: "1050", end: "1060"),
            ])
        do {
            try context.validate()
            Issue.record("expected an overlap error")
        } catch {
            #expect(error.field == "ranges[1]")
        }
    }
}

@Suite struct ExtensionValidationTests {
    let context = Context(
        name: "comptabilite", displayName: "Comptabilité",
        ranges: [
            NumberRange(kind: .user, start: "1000", end: "1099"), NumberRange(kind: .group, start: "1100", end: "1199"),
        ])

    @Test func anExtensionMustFallInARangeOfItsKind() throws {
        try Extension(context: "comptabilite", exten: "1001").validate(in: context)
        try Extension(context: "comptabilite", exten: "1100", kind: .group).validate(in: context)
        do {
            try Extension(context: "comptabilite", exten: "1100").validate(in: context)
            Issue.record("a user extension in the group range must be refused")
        } catch {
            #expect(error.field == "exten")
            #expect(error.description.contains("1000-1099"))
        }
        #expect(throws: CastorError.self) {
            try Extension(context: "comptabilite", exten: "3000", kind: .ivr).validate(in: context)
        }
    }
}

@Suite struct FieldValidationTests {
    @Test(arguments: ["comptabilite", "ctx-2", "a_b", "x"])
    func goodIdentifiers(name: String) throws { try Validate.identifier(name, field: "name") }

    @Test(arguments: ["", "Compta", "-x", "a b", "é", String(repeating: "a", count: 40)])
    func badIdentifiers(name: String) {
        #expect(throws: CastorError.self) { try Validate.identifier(name, field: "name") }
    }

    @Test func linesCheckEveryField() throws {
        try Line(username: "1001", secret: "s3cretPass", context: "comptabilite", exten: "1001").validate()
        let bad: [(Line, String)] = [
            (Line(username: "10 01", secret: "s3cretPass", context: "c"), "username"),
            (Line(username: "1001", secret: "short", context: "c"), "secret"),
            (Line(username: "1001", secret: "with\"quote", context: "c"), "secret"),
            (Line(username: "1001", secret: "s3cretPass", context: "c", codecs: ["mp3"]), "codecs[0]"),
            (Line(username: "1001", secret: "s3cretPass", context: "c", codecs: []), "codecs"),
            (Line(username: "1001", secret: "s3cretPass", context: "c", maxContacts: 0), "max_contacts"),
            (Line(username: "1001", secret: "s3cretPass", context: "c", position: 1), "position"),
        ]
        for (line, field) in bad {
            do {
                try line.validate()
                Issue.record("\(field) should be refused")
            } catch {
                #expect(error.field == field)
            }
        }
    }

    @Test func usersAndVoicemail() throws {
        try User(name: "Zoé & Co <R&D>", email: "zoe@lab.example").validate()
        #expect(throws: CastorError.self) { try User(name: "  ").validate() }
        #expect(throws: CastorError.self) { try User(name: "A", email: "not-an-email").validate() }
        #expect(throws: CastorError.self) { try User(name: "A", language: "french").validate() }
        try VoicemailBox(number: "1001", context: "c", name: "Alice", pin: "1234").validate()
        #expect(throws: CastorError.self) {
            try VoicemailBox(number: "1001", context: "c", name: "Alice", pin: "12").validate()
        }
        #expect(throws: CastorError.self) {
            try VoicemailBox(number: "1001", context: "c", name: "Alice", pin: "12a4").validate()
        }
    }

    @Test func vendorFromModelOrOUI() throws {
        #expect(Device.vendor(forModel: "D715", mac: try MACAddress(parsing: "00:04:13:00:00:01")) == "Snom")
        #expect(Device.vendor(forModel: "T46U", mac: try MACAddress(parsing: "80:5e:c0:00:00:01")) == "Yealink")
    }
}

@Suite struct LabScenarioTests {
    @Test func theGuidesLab() throws {
        let lab = LabScenario.standard
        #expect(lab.contexts.map(\.name) == ["comptabilite", "administratif"])
        for context in lab.contexts { try context.validate() }
        #expect(lab.people.map(\.exten) == ["1001", "1002", "2001", "2002"])
        for person in lab.people {
            let context = try #require(lab.contexts.first { $0.name == person.context })
            try Extension(context: person.context, exten: person.exten).validate(in: context)
        }
        #expect(lab.phones.map(\.mac.description) == ["00:04:13:aa:bb:01", "00:04:13:aa:bb:02"])
    }
}
