import CastorCore
import CastorModel
import Testing

@testable import Provisioning

@Suite("MAC enumeration limit and profiles from the store")
struct UnknownDeviceLimiterTests {
    static func mac(_ last: UInt8) -> MACAddress {
        (try? MACAddress(octets: [0x00, 0x04, 0x13, 0xAA, 0xBB, last])) ?? LabFixture.unknownSnom
    }

    @Test("a source gets `limit` new MACs per window; the same MAC again is free; other sources are apart")
    func limits() {
        var limiter = UnknownDeviceLimiter(limit: 3)
        let start = MonotonicInstant.seconds(100)
        for last in UInt8(1)...3 {
            let admitted = limiter.admit(source: "10.20.0.50", mac: Self.mac(last), now: start)
            #expect(admitted)
        }
        let admitted2 = limiter.admit(source: "10.20.0.50", mac: Self.mac(4), now: start + .seconds(1))
        #expect(!admitted2)
        let admitted3 = limiter.admit(source: "10.20.0.50", mac: Self.mac(2), now: start + .seconds(2))
        #expect(admitted3)
        #expect(limiter.refusals(of: "10.20.0.50") == 1)
        let admitted4 = limiter.admit(source: "10.20.0.51", mac: Self.mac(4), now: start + .seconds(2))
        #expect(admitted4)
        // A new window.
        let admitted5 = limiter.admit(source: "10.20.0.50", mac: Self.mac(4), now: start + .seconds(61))
        #expect(admitted5)
    }

    @Test("tracking is bounded: the stalest source is forgotten")
    func bounded() {
        var limiter = UnknownDeviceLimiter(limit: 1, maximumSources: 2)
        let now = MonotonicInstant.seconds(1)
        let admitted6 = limiter.admit(source: "a", mac: Self.mac(1), now: now)
        #expect(admitted6)
        let admitted7 = limiter.admit(source: "b", mac: Self.mac(1), now: now + .seconds(1))
        #expect(admitted7)
        let admitted8 = limiter.admit(source: "c", mac: Self.mac(1), now: now + .seconds(2))
        #expect(admitted8)
        #expect(limiter.windows.count == 2 && limiter.windows["a"] == nil)
    }

    @Test("store data with a line becomes a full profile; without, autoprov with nobody's credentials")
    func profiles() throws {
        let person = try #require(LabFixture.person("1001"))
        var line = person.line
        line.deviceID = 1
        line.position = 1
        let device = Device(
            id: 1, mac: LabFixture.snom1, vendor: "Snom", model: "D715", state: .configured,
            lines: [DeviceLine(position: 1, lineID: line.id ?? 0)])
        let data = DeviceProvisioning(
            device: device, lines: [.init(position: 1, line: line, user: person.user, voicemail: person.voicemail)],
            adminPassword: "pw", colleagues: [.init(exten: "1002", name: "Bob")])
        let profile = try DeviceProfile(data)
        #expect(profile.lines.count == 1 && profile.adminPassword == "pw")
        #expect(profile.functionKeys == [.blf("1002", label: "Bob")])

        let bare = DeviceProvisioning(
            device: Device(id: 2, mac: LabFixture.unknownSnom, vendor: "Snom", model: "D715"), lines: [],
            adminPassword: "pw", colleagues: [])
        let autoprov = try DeviceProfile(bare)
        #expect(autoprov.isAutoprov && autoprov.adminPassword == nil && autoprov.functionKeys.isEmpty)
    }
}
