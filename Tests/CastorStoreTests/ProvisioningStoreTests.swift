import CastorCore
import CastorModel
import Testing

@testable import CastorStore

@Suite("Store: what provisioning reads and records")
struct ProvisioningStoreTests {
    static let snom1 = mac("00:04:13:AA:BB:01")
    static let stranger = mac("00:04:13:AA:BB:FF")

    static func mac(_ text: String) -> MACAddress {
        guard let mac = try? MACAddress(parsing: text) else { preconditionFailure("a valid MAC literal") }
        return mac
    }

    static func sighting(_ mac: MACAddress, at time: String, own: Bool = true) -> DeviceSighting {
        DeviceSighting(
            mac: mac, vendor: "Snom", model: "D715", plugin: "snom", ip: "10.20.0.11", firmware: "10.1.215.13",
            userAgent: "Mozilla/4.0 (compatible; snomD715-SIP 10.1.215.13)",
            file: "snomD715-\(mac.compactUppercase).htm",
            at: time, isOwnConfiguration: own)
    }

    @Test("1001's phone gets its line, Alice, her voicemail box and BLF keys on the rest of comptabilite only")
    func labDevice() throws {
        let fixture = try StoreFixture()
        _ = try fixture.store.apply(.standard)
        let data = try #require(try fixture.store.provisioning(mac: Self.snom1))
        #expect(data.lines.map(\.line.username) == ["1001"])
        #expect(data.lines.first?.position == 1)
        #expect(data.lines.first?.user?.name == "Alice")
        #expect(data.lines.first?.voicemail?.number == "1001")
        #expect(data.colleagues == [.init(exten: "1002", name: "Bob")])
        #expect(data.adminPassword.count == 16)
        // Made once, then kept.
        #expect(try fixture.store.provisioning(mac: Self.snom1)?.adminPassword == data.adminPassword)
        #expect(try fixture.store.provisioning(mac: Self.stranger) == nil)
    }

    @Test("a sighting creates an unknown phone unassigned, or not at all; then updates first/last seen")
    func sightings() throws {
        let fixture = try StoreFixture()
        _ = try fixture.store.apply(.standard)
        #expect(
            try fixture.store.recordSighting(Self.sighting(Self.stranger, at: "2026-11-24T10:00:00Z"), create: false)
                == nil)
        #expect(throws: CastorError.self) { try fixture.store.device(mac: Self.stranger.description) }

        let created = try #require(
            try fixture.store.recordSighting(Self.sighting(Self.stranger, at: "2026-11-24T10:00:00Z"), create: true))
        #expect(created.state == .autoprov && created.model == "D715" && created.ip == "10.20.0.11")
        #expect(created.firstSeen == "2026-11-24T10:00:00Z" && created.lastSeen == created.firstSeen)
        let again = try #require(
            try fixture.store.recordSighting(Self.sighting(Self.stranger, at: "2026-11-24T10:05:00Z"), create: true))
        #expect(again.firstSeen == "2026-11-24T10:00:00Z" && again.lastSeen == "2026-11-24T10:05:00Z")
        #expect(try fixture.store.devices().count == 3)
    }

    @Test("a resync request stays until the phone fetches its own file after it; admin edits keep sightings")
    func resync() throws {
        let fixture = try StoreFixture()
        _ = try fixture.store.apply(.standard)
        let device = try fixture.store.device(mac: Self.snom1.description)
        let requested = try fixture.store.requestResync(deviceID: try #require(device.id), at: "2026-11-24T10:00:00Z")
        #expect(requested.resyncRequested == "2026-11-24T10:00:00Z")
        _ = try fixture.store.recordSighting(
            Self.sighting(Self.snom1, at: "2026-11-24T10:01:00Z", own: false), create: true)
        #expect(try fixture.store.device(mac: Self.snom1.description).resyncRequested != nil)
        _ = try fixture.store.recordSighting(Self.sighting(Self.snom1, at: "2026-11-24T10:02:00Z"), create: true)
        let fetched = try fixture.store.device(mac: Self.snom1.description)
        #expect(fetched.resyncRequested == nil && fetched.lastFetch == "snomD715-000413AABB01.htm")

        var edited = fetched
        edited.description = "bureau 12"
        edited.lastSeen = nil
        let updated = try fixture.store.updateDevice(id: try #require(fetched.id), with: edited)
        #expect(updated.lastSeen == "2026-11-24T10:02:00Z" && updated.description == "bureau 12")
    }
}
