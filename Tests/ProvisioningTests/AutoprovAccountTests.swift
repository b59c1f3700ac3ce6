import CastorCore
import CastorModel
import Testing

@testable import Provisioning

/// An unassigned phone's files carry its own autoprov account (label "Autoprov") and nobody's credentials.
@Suite struct AutoprovAccountTests {
    static let account = AutoprovAccount(username: "apk3m9x2q7wz", secret: "Kp4mZ8qRt2wXy7NbVc3d")

    @Test func snomRegistersTheAccountWithLabelAutoprov() throws {
        let profile = DeviceProfile.autoprov(
            mac: LabFixture.unknownSnom, vendor: "Snom", model: "D715", account: Self.account)
        let text = try LabFixture.renderer.render(fileNamed: "000413AABBFF.xml", plugin: "snom", profile: profile).text
        for expected in [
            #"<user_active idx="1" perm="R">on</user_active>"#,
            #"<user_realname idx="1" perm="R">Autoprov</user_realname>"#,
            #"<user_name idx="1" perm="R">apk3m9x2q7wz</user_name>"#,
            #"<user_pass idx="1" perm="R">Kp4mZ8qRt2wXy7NbVc3d</user_pass>"#,
            #"<user_host idx="1" perm="R">10.0.0.1</user_host>"#,
            #"<user_outbound idx="1" perm="R">10.0.0.1:5060;transport=udp</user_outbound>"#,
            #"<user_active idx="2" perm="R">off</user_active>"#,
        ] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        // Nobody's credentials: no lab secret, no admin password, no BLF.
        for secret in LabFixture.secrets.values { #expect(!text.contains(secret)) }
        #expect(!text.contains("http_pass"))
        #expect(!text.contains("blf"))
    }

    @Test func yealinkRegistersTheAccountWithLabelAutoprov() throws {
        let mac = LabFixture.mac("80:5E:C0:AA:BB:77")
        let profile = DeviceProfile.autoprov(mac: mac, vendor: "Yealink", model: "T46S", account: Self.account)
        let text = try LabFixture.renderer.render(fileNamed: "805ec0aabb77.cfg", plugin: "yealink", profile: profile)
            .text
        #expect(text.contains("account.1.label = Autoprov"))
        #expect(text.contains("account.1.user_name = apk3m9x2q7wz"))
        #expect(text.contains("account.1.password = Kp4mZ8qRt2wXy7NbVc3d"))
        #expect(text.contains("account.2.enable = 0"))
    }

    @Test func theStoreDataOfABoundDeviceCarriesNoAccount() throws {
        let device = Device(id: 3, mac: LabFixture.unknownSnom, vendor: "Snom", model: "D715")
        let data = DeviceProvisioning(
            device: device, lines: [], adminPassword: "x", colleagues: [], autoprovAccount: Self.account)
        #expect(try DeviceProfile(data).autoprovAccount == Self.account)
        var line = try #require(LabFixture.person("1001")).line
        line.deviceID = 3
        var bound = device
        bound.lines = [DeviceLine(position: 1, lineID: line.id ?? 0)]
        let configured = DeviceProvisioning(
            device: bound, lines: [.init(position: 1, line: line)], adminPassword: "x", colleagues: [],
            autoprovAccount: Self.account)
        #expect(configured.autoprovAccount == nil)
        #expect(try DeviceProfile(configured).autoprovAccount == nil)
    }
}
