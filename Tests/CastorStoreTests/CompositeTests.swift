import CastorModel
import Testing

@testable import CastorStore

@Suite("addUser and the lab scenario")
struct CompositeTests {
    @Test("addUser writes the user, line, extension and voicemail box")
    func addUser() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite")
        let summary = try fixture.store.addUser(
            name: "Alice", context: "comptabilite", exten: "1001", secret: nil, email: "alice@lab.example")
        #expect(summary.user.name == "Alice")
        #expect(summary.exten == "1001")
        #expect(summary.context == "comptabilite")
        #expect(summary.voicemail == "1001")
        #expect(summary.deviceMAC == nil)
        let line = try #require(summary.line)
        #expect(line.username == "1001")
        #expect(line.secret.count == 20)
        #expect(line.userID == summary.user.id)
        let box = try #require(fixture.store.voicemailBoxes().first)
        #expect(box.number == "1001")
        #expect(box.pin.count == 6 && box.pin.allSatisfy(\.isNumber))
        #expect(box.email == "alice@lab.example")
        #expect(box.userID == summary.user.id)
        #expect(try fixture.store.userSummaries() == [summary])

        let given = try fixture.store.addUser(
            name: "Bob", context: "comptabilite", exten: "1002", secret: "bob-secret-1", email: nil)
        #expect(given.line?.secret == "bob-secret-1")
    }

    @Test("addUser with a bad exten leaves nothing half-written")
    func addUserAllOrNothing() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite")
        let outside = failure {
            try fixture.store.addUser(name: "Alice", context: "comptabilite", exten: "2001", secret: nil, email: nil)
        }
        #expect(outside?.isInvalid == true)
        #expect(outside?.field == "exten")
        let noContext = failure {
            try fixture.store.addUser(name: "Alice", context: "compta", exten: "1001", secret: nil, email: nil)
        }
        #expect(noContext == .invalid(field: "context", reason: "no context named \"compta\""))
        #expect(
            failure {
                try fixture.store.addUser(
                    name: "Alice", context: "comptabilite", exten: "1001", secret: "short", email: nil)
            }?
            .field == "secret")

        // A voicemail box already on 1001 makes the whole addUser fail after the user and line were written.
        _ = try fixture.store.createVoicemailBox(
            VoicemailBox(number: "1001", context: "comptabilite", name: "Old", pin: "1234"))
        let clash = failure {
            try fixture.store.addUser(name: "Alice", context: "comptabilite", exten: "1001", secret: nil, email: nil)
        }
        #expect(clash?.isConflict == true)
        #expect(clash?.field == "exten")
        #expect(try fixture.store.users().isEmpty)
        #expect(try fixture.store.lines().isEmpty)
        #expect(try fixture.store.extensions().isEmpty)
        #expect(try fixture.store.voicemailBoxes().count == 1)
    }

    @Test("addUser on a taken exten is a conflict on exten")
    func addUserTwice() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite")
        _ = try fixture.store.addUser(name: "Alice", context: "comptabilite", exten: "1001", secret: nil, email: nil)
        let error = failure {
            try fixture.store.addUser(
                name: "Alice bis", context: "comptabilite", exten: "1001", secret: nil, email: nil)
        }
        #expect(error?.isConflict == true)
        #expect(error?.field == "exten")
        #expect(try fixture.store.users().count == 1)
    }

    @Test("applying the lab twice creates it once and changes nothing the second time")
    func labTwice() throws {
        let fixture = try StoreFixture()
        let created = try fixture.store.apply(.standard)
        #expect(
            created == [
                "context comptabilite", "context administratif",
                "user 1001 Alice", "user 1002 Bob", "user 2001 Claire", "user 2002 David",
                "device 00:04:13:aa:bb:01 Snom D715 (line 1001)", "device 00:04:13:aa:bb:02 Snom D715 (line 1002)",
            ])
        let linesBefore = try fixture.store.lines()
        let boxesBefore = try fixture.store.voicemailBoxes()

        #expect(try fixture.store.apply(.standard) == [])
        #expect(try fixture.store.lines() == linesBefore)
        #expect(try fixture.store.voicemailBoxes() == boxesBefore)

        let summaries = try fixture.store.userSummaries()
        #expect(summaries.map(\.user.name) == ["Alice", "Bob", "Claire", "David"])
        #expect(summaries.map(\.exten) == ["1001", "1002", "2001", "2002"])
        #expect(summaries.map(\.deviceMAC) == ["00:04:13:aa:bb:01", "00:04:13:aa:bb:02", nil, nil])
        let devices = try fixture.store.devices()
        #expect(devices.count == 2)
        #expect(devices.allSatisfy { $0.state == .configured && $0.vendor == "Snom" && $0.model == "D715" })
        #expect(devices.map { $0.lines.map(\.username) } == [["1001"], ["1002"]])
        #expect(try fixture.store.contexts().map(\.name) == ["administratif", "comptabilite"])
        #expect(try fixture.store.context(named: "comptabilite").ranges.count == 3)
        #expect(try fixture.store.entities().map(\.name) == ["lab"])
    }

    @Test("the lab fills in what is missing")
    func labPartial() throws {
        let fixture = try StoreFixture()
        _ = try fixture.store.apply(.standard)
        let bob = try fixture.store.line(exten: "1002", context: nil)
        let device = try fixture.store.device(mac: "00:04:13:aa:bb:02")
        try fixture.store.deleteDevice(id: #require(device.id))
        try fixture.store.deleteLine(id: #require(bob.id))
        try fixture.store.deleteUser(id: #require(bob.userID))
        #expect(try fixture.store.voicemailBoxes().count == 3)
        #expect(
            try fixture.store.apply(.standard) == [
                "user 1002 Bob", "device 00:04:13:aa:bb:02 Snom D715 (line 1002)",
            ])
    }
}
