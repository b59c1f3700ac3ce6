import CastorCore
import CastorModel
import Foundation
import Testing

@testable import CastorStore

/// Provisioning codes, autoprov accounts, a device bound by a code, pending resync requests, and migration v5.
@Suite("Store: phones that provision themselves")
struct AutoprovStoreTests {
    static let stranger = ProvisioningStoreTests.stranger

    static func seen(_ fixture: StoreFixture, _ mac: MACAddress, ip: String = "10.20.0.11") throws -> Device {
        var sighting = ProvisioningStoreTests.sighting(mac, at: "2026-11-24T10:00:00Z")
        sighting.ip = ip
        return try #require(try fixture.store.recordSighting(sighting, create: true))
    }

    @Test("every line gets six random digits, unique, shown with the line and kept across updates")
    func codes() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite", users: "1000", "1099")
        var codes: Set<String> = []
        for number in 1000...1059 {
            let line = try fixture.line(String(number))
            let code = try #require(line.provisioningCode)
            #expect(code.count == 6 && code.allSatisfy(\.isNumber))
            codes.insert(code)
        }
        #expect(codes.count == 60)
        var line = try fixture.store.line(exten: "1001", context: nil)
        let code = line.provisioningCode
        line.secret = "another-secret-1001"
        line.provisioningCode = "000000"  // ignored on write
        #expect(try fixture.store.updateLine(id: line.id ?? 0, with: line).provisioningCode == code)
        #expect(try fixture.store.provisioningCodes()[code ?? ""] == line.id)
        #expect(try fixture.store.provisioningCodes().count == 60)
    }

    @Test("an unassigned device gets its own ap… account, made once and kept; gone from its data once bound")
    func autoprovAccount() throws {
        let fixture = try StoreFixture()
        _ = try fixture.store.apply(.standard)
        let device = try Self.seen(fixture, Self.stranger)
        let data = try #require(try fixture.store.provisioning(mac: Self.stranger))
        let account = try #require(data.autoprovAccount)
        #expect(AutoprovAccount.isAutoprovName(account.username))
        #expect(account.secret.count == 20)
        #expect(try fixture.store.provisioning(mac: Self.stranger)?.autoprovAccount == account)
        #expect(try fixture.store.autoprovAccounts() == [device.id ?? 0: account])
        // Nobody's line: the lab's phones (with lines) get none.
        #expect(try fixture.store.provisioning(mac: ProvisioningStoreTests.snom1)?.autoprovAccount == nil)
        // A line may not take the account's name.
        let clash = failure {
            try fixture.store.createLine(
                Line(username: account.username, secret: "secret-clash", context: "comptabilite"))
        }
        #expect(clash?.isConflict == true)

        let line = try fixture.store.line(exten: "2001", context: nil)
        _ = try fixture.store.bindLine(lineID: line.id ?? 0, toDevice: device.id ?? 0, position: nil)
        #expect(try fixture.store.provisioning(mac: Self.stranger)?.autoprovAccount == nil)
        #expect(try fixture.store.autoprovAccounts().isEmpty)
    }

    @Test("a code binds the device at the first position and records a resync; the line moves off another phone")
    func bindByCode() throws {
        let fixture = try StoreFixture()
        _ = try fixture.store.apply(.standard)
        let device = try Self.seen(fixture, Self.stranger, ip: "10.20.0.77")
        let free = try fixture.store.line(exten: "2001", context: nil)
        let bound = try fixture.store.bindByProvisioningCode(
            deviceID: device.id ?? 0, lineID: free.id ?? 0, at: "2026-11-24T10:01:00.250Z")
        #expect(bound.line == "2001")
        #expect(bound.device.lineIDs == [free.id ?? 0])
        #expect(bound.device.lastSeenIP == "10.20.0.77")
        #expect(bound.device.requestedAt == "2026-11-24T10:01:00.250Z")
        #expect(bound.previousDevice == nil)
        let stored = try fixture.store.device(id: device.id ?? 0)
        #expect(stored.state == .configured && stored.lines.map(\.position) == [1])
        #expect(try fixture.store.pendingResyncs().map(\.deviceID) == [device.id ?? 0])

        // A second phone dials 1001's code: 1001 leaves the lab phone, which is asked to resync too.
        let other = try Self.seen(fixture, ProvisioningStoreTests.mac("00:04:13:AA:BB:EE"))
        let alice = try fixture.store.line(exten: "1001", context: nil)
        let moved = try fixture.store.bindByProvisioningCode(
            deviceID: other.id ?? 0, lineID: alice.id ?? 0, at: "2026-11-24T10:02:00Z")
        let previous = try #require(moved.previousDevice)
        #expect(previous.mac == "00:04:13:aa:bb:01" && previous.lineIDs.isEmpty)
        #expect(try fixture.store.device(mac: "00:04:13:aa:bb:01").state == .autoprov)
        #expect(Set(try fixture.store.pendingResyncs().map(\.mac)).contains("00:04:13:aa:bb:01"))

        // A device with a line is not in autoprov: refused.
        let again = failure {
            try fixture.store.bindByProvisioningCode(
                deviceID: device.id ?? 0, lineID: alice.id ?? 0, at: "2026-11-24T10:03:00Z")
        }
        #expect(again?.isConflict == true)
    }

    @Test("the file itself refuses two lines with one code (unique index)")
    func codesAreUniqueInTheFile() throws {
        let fixture = try StoreFixture()
        let path = fixture.directory.appendingPathComponent("dup.db").path
        #expect(throws: (any Error).self) {
            try Schema.createFile(
                path: path, upTo: "v5",
                then: """
                    INSERT INTO context (entity_id, name, display_name, type) VALUES (1, 'c', 'C', 'internal');
                    INSERT INTO line (username, secret, context_id, codecs, transport, max_contacts, provisioning_code)
                        VALUES ('1001', 'secret-1001', 1, 'ulaw', 'udp', 3, '123456');
                    INSERT INTO line (username, secret, context_id, codecs, transport, max_contacts, provisioning_code)
                        VALUES ('1002', 'secret-1002', 1, 'ulaw', 'udp', 3, '123456');
                    """)
        }
    }

    @Test("migration v5 gives the lines of a v4 file unique codes and devices room for an account")
    func migrationFromV4() throws {
        let fixture = try StoreFixture()
        let path = fixture.directory.appendingPathComponent("v4.db").path
        var lines = ""
        for number in 1000...1019 {
            lines += """
                INSERT INTO line (username, secret, context_id, codecs, transport, max_contacts)
                    VALUES ('\(number)', 'secret-\(number)', 1, 'ulaw,alaw', 'udp', 3);
                INSERT INTO extension (context_id, exten, kind, line_id) VALUES (1, '\(number)', 'user', \(number - 999));

                """
        }
        try Schema.createFile(
            path: path, upTo: "v4",
            then: """
                INSERT INTO context (entity_id, name, display_name, type)
                    VALUES (1, 'comptabilite', 'Comptabilité', 'internal');
                INSERT INTO context_range (context_id, kind, start, "end") VALUES (1, 'user', '1000', '1099');
                INSERT INTO device (mac, vendor, model, plugin, state) VALUES ('00:04:13:aa:bb:ff', 'Snom', 'D715', 'snom', 'autoprov');
                \(lines)
                """)
        let store = try CastorStore.open(path: path)
        #expect(store.migrationsRunAtOpen == ["v5"])
        let codes = try store.lines().compactMap(\.provisioningCode)
        #expect(codes.count == 20 && Set(codes).count == 20)
        #expect(codes.allSatisfy { $0.count == 6 && $0.allSatisfy(\.isNumber) })
        let data = try #require(try store.provisioning(mac: Self.stranger))
        #expect(data.autoprovAccount != nil)
        // Kept: reopening changes nothing.
        #expect(try CastorStore.open(path: path).lines().compactMap(\.provisioningCode) == codes)
    }
}
