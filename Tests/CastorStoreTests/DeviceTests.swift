import CastorCore
import CastorModel
import Testing

@testable import CastorStore

@Suite("Devices")
struct DeviceTests {
    func snom(_ mac: String, lines: [DeviceLine] = [], state: Device.State = .autoprov) throws -> Device {
        Device(mac: try MACAddress(parsing: mac), vendor: "Snom", model: "D715", state: state, lines: lines)
    }

    @Test("a MAC is unique whatever its spelling, and stored canonical")
    func uniqueMAC() throws {
        let fixture = try StoreFixture()
        let device = try fixture.store.createDevice(snom("00:04:13:AA:BB:01"))
        #expect(device.mac.description == "00:04:13:aa:bb:01")
        for spelling in ["00-04-13-aa-bb-01", "000413AABB01", "0004.13aa.bb01"] {
            let error = failure { try fixture.store.createDevice(snom(spelling)) }
            #expect(error?.isConflict == true)
            #expect(error?.field == "mac")
        }
        #expect(try fixture.store.device(mac: "000413aabb01").id == device.id)
        #expect(failure { try fixture.store.device(mac: "zz") }?.field == "mac")
        #expect(failure { try fixture.store.device(mac: "00:04:13:aa:bb:09") }?.isNotFound == true)
    }

    @Test("a line is on one device at most")
    func lineOnTwoDevices() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite")
        let lineID = try #require(fixture.line("1001").id)
        let first = try fixture.store.createDevice(
            snom("00:04:13:aa:bb:01", lines: [DeviceLine(position: 1, lineID: lineID)]))
        #expect(first.lines == [DeviceLine(position: 1, lineID: lineID, username: "1001")])
        let error = failure {
            try fixture.store.createDevice(snom("00:04:13:aa:bb:02", lines: [DeviceLine(position: 1, lineID: lineID)]))
        }
        #expect(error?.isConflict == true)
        #expect(error?.field == "lines[0].line_id")
        #expect(try fixture.store.devices().count == 1)

        let secondID = try #require(fixture.store.createDevice(snom("00:04:13:aa:bb:02")).id)
        let bind = failure { try fixture.store.bindLine(lineID: lineID, toDevice: secondID, position: nil) }
        #expect(bind?.isConflict == true)
        #expect(bind?.field == "line_id")
        #expect(try fixture.store.line(id: lineID).deviceID == first.id)
    }

    @Test("a position holds one line")
    func positions() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite")
        let a = try #require(fixture.line("1001").id)
        let b = try #require(fixture.line("1002").id)
        let c = try #require(fixture.line("1003").id)
        let twice = failure {
            try fixture.store.createDevice(
                snom(
                    "00:04:13:aa:bb:01",
                    lines: [DeviceLine(position: 1, lineID: a), DeviceLine(position: 1, lineID: b)]))
        }
        #expect(twice?.field == "lines[1].position")
        #expect(twice?.isConflict == true)
        #expect(
            failure {
                try fixture.store.createDevice(snom("00:04:13:aa:bb:01", lines: [DeviceLine(position: 0, lineID: a)]))
            }?
            .field == "lines[0].position")
        #expect(
            failure {
                try fixture.store.createDevice(snom("00:04:13:aa:bb:01", lines: [DeviceLine(position: 1, lineID: 99)]))
            }?
            .field == "lines[0].line_id")

        let device = try fixture.store.createDevice(
            snom("00:04:13:aa:bb:01", lines: [DeviceLine(position: 1, lineID: a)]))
        let deviceID = try #require(device.id)
        let taken = failure { try fixture.store.bindLine(lineID: b, toDevice: deviceID, position: 1) }
        #expect(taken?.field == "position")
        #expect(taken?.isConflict == true)
        let bound = try fixture.store.bindLine(lineID: b, toDevice: deviceID, position: nil)
        #expect(bound.lines.map(\.position) == [1, 2])
        #expect(bound.lines.map(\.username) == ["1001", "1002"])
        #expect(failure { try fixture.store.bindLine(lineID: c, toDevice: 99, position: nil) }?.isNotFound == true)

        // A line given with a device_id takes a place on it the same way.
        let viaLine = failure {
            try fixture.store.createLine(
                Line(username: "1004", secret: "secret-1004", context: "comptabilite", deviceID: deviceID, position: 2))
        }
        #expect(viaLine?.field == "position")
    }

    @Test("the store decides the state: configured with lines, autoprov without")
    func state() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite")
        let lineID = try #require(fixture.line("1001").id)
        let bare = try fixture.store.createDevice(snom("00:04:13:aa:bb:01", state: .configured))
        #expect(bare.state == .autoprov)
        let deviceID = try #require(bare.id)
        #expect(try fixture.store.bindLine(lineID: lineID, toDevice: deviceID, position: 3).state == .configured)
        #expect(try fixture.store.line(id: lineID).position == 3)

        // updateDevice replaces the bindings.
        var device = try fixture.store.device(id: deviceID)
        device.lines = []
        device.state = .configured
        device.description = "bureau 12"
        let updated = try fixture.store.updateDevice(id: deviceID, with: device)
        #expect(updated.state == .autoprov)
        #expect(updated.description == "bureau 12")
        #expect(try fixture.store.line(id: lineID).deviceID == nil)

        device.lines = [DeviceLine(position: 2, lineID: lineID)]
        #expect(try fixture.store.updateDevice(id: deviceID, with: device).state == .configured)

        // Deleting the line leaves the device in autoprov.
        try fixture.store.deleteLine(id: lineID)
        #expect(try fixture.store.device(id: deviceID).state == .autoprov)
    }

    @Test("deleting a device turns its lines into softphone lines")
    func deleteDevice() throws {
        let fixture = try StoreFixture()
        try fixture.context("comptabilite")
        let lineID = try #require(fixture.line("1001").id)
        let device = try fixture.store.createDevice(
            snom("00:04:13:aa:bb:01", lines: [DeviceLine(position: 1, lineID: lineID)]))
        try fixture.store.deleteDevice(id: #require(device.id))
        let line = try fixture.store.line(id: lineID)
        #expect(line.deviceID == nil)
        #expect(line.position == nil)
        #expect(try fixture.store.devices().isEmpty)
    }

    @Test("updating a device onto another's MAC is a conflict")
    func updateMAC() throws {
        let fixture = try StoreFixture()
        _ = try fixture.store.createDevice(snom("00:04:13:aa:bb:01"))
        let second = try fixture.store.createDevice(snom("00:04:13:aa:bb:02"))
        var device = second
        device.mac = try MACAddress(parsing: "00-04-13-AA-BB-01")
        let secondID = try #require(second.id)
        #expect(failure { try fixture.store.updateDevice(id: secondID, with: device) }?.field == "mac")
    }
}
