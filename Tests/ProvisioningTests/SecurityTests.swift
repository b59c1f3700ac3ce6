import CastorCore
import CastorModel
import Testing

@testable import Provisioning

/// Credentials only to an assigned MAC, and only its own.
@Suite struct SecurityTests {
    let renderer = LabFixture.renderer

    static let allSecrets = Array(LabFixture.secrets.values) + Array(LabFixture.adminPasswords.values)

    /// A secret as it appears in XML (Bob's needs escaping).
    static func inXML(_ secret: String) -> String {
        secret.replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;").replacingAll(">", with: "&gt;")
            .replacingAll("'", with: "&#39;")
    }

    @Test func eachLabPhoneGetsItsOwnSecretAndNobodyElses() throws {
        let profiles = try LabFixture.labProfiles()
        for (mac, own, others) in [
            (LabFixture.snom1, "1001", ["1002", "2001", "2002"]), (LabFixture.snom2, "1002", ["1001", "2001", "2002"]),
        ] {
            let file = try renderer.render(
                fileNamed: mac.compactUppercase + ".xml", plugin: "snom", profile: profiles[mac])
            #expect(file.isSensitive && file.carriesCredentials)
            let ownSecret = LabFixture.secrets[own] ?? "?"
            #expect(file.text.contains("<user_pass idx=\"1\" perm=\"R\">\(Self.inXML(ownSecret))</user_pass>"))
            for other in others {
                let secret = LabFixture.secrets[other] ?? "?"
                #expect(!file.text.contains(secret) && !file.text.contains(Self.inXML(secret)), "\(other) leaked")
            }
            let otherAdmin = LabFixture.adminPasswords.filter { $0.key != mac.description }.values
            #expect(otherAdmin.allSatisfy { !file.text.contains($0) })
        }
    }

    @Test func anUnknownMACGetsNoSecretAtAll() throws {
        for (plugin, file) in [
            ("snom", "000413AABBFF.xml"), ("snom", "snomD715-000413AABBFF.htm"),
            ("yealink", "805ec0aabbff.cfg"),
        ] {
            let rendered = try renderer.render(fileNamed: file, plugin: plugin, profile: nil)
            #expect(!rendered.carriesCredentials)
            for secret in Self.allSecrets {
                #expect(!rendered.text.contains(secret) && !rendered.text.contains(Self.inXML(secret)))
            }
            #expect(!rendered.text.contains("http_pass") && !rendered.text.contains("security.user_password"))
            #expect(!rendered.text.contains("perm=\"R\">on</user_active>"))
        }
    }

    @Test func aProfileWithoutLinesCarriesNoAdminPasswordEither() throws {
        let device = Device(id: 9, mac: LabFixture.unknownSnom, vendor: "Snom", model: "D715")
        let profile = try DeviceProfile(device: device, lines: [], adminPassword: "adm-never-shown")
        let rendered = try renderer.render(fileNamed: "000413AABBFF.xml", plugin: "snom", profile: profile)
        #expect(!rendered.text.contains("adm-never-shown"))
        #expect(!rendered.carriesCredentials)
    }

    @Test func commonFilesCarryNoSecret() throws {
        for (plugin, file) in [
            ("snom", "snomD715.htm"), ("snom", "snom-general.xml"), ("snom", "snomD715.xml"),
            ("snom", "snomD715-firmware.xml"), ("yealink", "y000000000066.cfg"),
        ] {
            let rendered = try renderer.render(fileNamed: file, plugin: plugin, profile: nil)
            #expect(!rendered.isSensitive && !rendered.carriesCredentials)
            #expect(Self.allSecrets.allSatisfy { !rendered.text.contains($0) })
        }
    }

    @Test func aDeviceFileIsRefusedWithAnotherDevicesProfile() throws {
        let profiles = try LabFixture.labProfiles()
        let file = try #require(SnomPlugin().file(named: "000413AABB02.xml"))
        let alice = try #require(profiles[LabFixture.snom1])
        #expect(
            throws: ProvisioningError.wrongDevice(
                file: "000413AABB02.xml", fileMAC: LabFixture.snom2, profileMAC: LabFixture.snom1)
        ) {
            try renderer.render(file, for: alice)
        }
        #expect(throws: ProvisioningError.needsDeviceProfile(file: "000413AABB02.xml")) {
            try renderer.renderCommon(file)
        }
    }

    @Test func aLineNotBoundToTheDeviceIsRefused() throws {
        let bob = try #require(LabFixture.person("1002"))
        let device = Device(
            id: 1, mac: LabFixture.snom1, vendor: "Snom", model: "D715",
            lines: [DeviceLine(position: 1, lineID: 101)])
        #expect(throws: ProvisioningError.lineNotOnDevice(username: "1002", mac: LabFixture.snom1)) {
            try DeviceProfile(device: device, lines: [ProvisionedLine(line: bob.line)], adminPassword: nil)
        }
        var bobOnPhone2 = bob.line
        bobOnPhone2.deviceID = 2
        let listing = Device(
            id: 1, mac: LabFixture.snom1, vendor: "Snom", model: "D715",
            lines: [DeviceLine(position: 1, lineID: bob.line.id ?? 0)])
        #expect(throws: ProvisioningError.self) {
            try DeviceProfile(device: listing, lines: [ProvisionedLine(line: bobOnPhone2)], adminPassword: nil)
        }
    }

    @Test func sensitiveFileNames() {
        let snom = SnomPlugin()
        let yealink = YealinkPlugin()
        #expect(snom.isSensitive(fileName: "000413AABB01.xml"))
        #expect(snom.isSensitive(fileName: "000413aabb01.xml"))
        #expect(!snom.isSensitive(fileName: "snomD715-000413AABB01.htm"))
        #expect(!snom.isSensitive(fileName: "snomD715.htm"))
        #expect(!snom.isSensitive(fileName: "snom-general.xml"))
        #expect(!snom.isSensitive(fileName: "../../etc/passwd"))
        #expect(yealink.isSensitive(fileName: "805ec0aabb10.cfg"))
        #expect(!yealink.isSensitive(fileName: "y000000000066.cfg"))
        #expect(!yealink.isSensitive(fileName: "000000000000.cfg"))
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
