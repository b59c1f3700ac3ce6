import CastorCore
import CastorModel
import Foundation

@testable import Provisioning

/// The guide's lab (LabScenario.standard) as the store would hand it to provisioning: users, lines with fixed
/// secrets, voicemail boxes, the two Snom D715 phones, plus a Yealink T46S for Claire.
enum LabFixture {
    static let site = ProvisioningSite(
        provisioningURL: "http://10.0.0.1:8667", sipHost: "10.0.0.1", ntpServer: "10.0.0.1",
        firmwareFiles: [
            "snomD715-10.1.33.33-SIP-r.bin", "snomD715-10.1.215.13-SIP-r.bin", "snom300-8.7.3.25.5-SIP-f.bin",
            "T46S(T48S,T42S,T41S)-66.86.0.15.rom", "README.txt",
        ])

    /// Secrets chosen to need escaping: Bob's has every XML special character a secret may hold.
    static let secrets: [String: String] = [
        "1001": "Alice-1001-s3cret", "1002": "Bob<&>'1002-s3cret", "2001": "Claire-2001-s3cret",
        "2002": "David-2002-s3cret",
    ]
    static let adminPasswords: [String: String] = [
        "00:04:13:aa:bb:01": "adm-AABB01-k4Zq", "00:04:13:aa:bb:02": "adm-AABB02-p9Wd",
        "80:5e:c0:aa:bb:10": "adm-AABB10-r2Tx",
    ]

    static let lab = LabScenario.standard
    static let snom1 = mac("00:04:13:AA:BB:01")
    static let snom2 = mac("00:04:13:AA:BB:02")
    static let unknownSnom = mac("00:04:13:AA:BB:FF")
    static let yealink = mac("80:5E:C0:AA:BB:10")

    struct Person {
        var user: User
        var line: Line
        var voicemail: VoicemailBox
    }

    /// Users 1…4, lines 101…104, boxes 201…204, in LabScenario's order.
    static let people: [Person] = lab.people.enumerated().map { index, person in
        let id = Int64(index + 1)
        return Person(
            user: User(id: id, name: person.name, email: person.email, language: "fr_FR"),
            line: Line(
                id: 100 + id, userID: id, username: person.exten, secret: secrets[person.exten] ?? "missing-secret",
                context: person.context, exten: person.exten),
            voicemail: VoicemailBox(
                id: 200 + id, number: person.exten, context: person.context, name: person.name, pin: "0000",
                userID: id))
    }

    static func person(_ exten: String) -> Person? {
        people.first { $0.line.exten == exten }
    }

    /// The profile the store would build for a device bound to `exten`'s line: BLF keys on the other members
    /// of the line's context.
    static func profile(mac: MACAddress, deviceID: Int64, vendor: String, model: String, exten: String) throws
        -> DeviceProfile
    {
        guard var person = person(exten) else { throw FixtureError.noPerson(exten) }
        person.line.deviceID = deviceID
        person.line.position = 1
        let device = Device(
            id: deviceID, mac: mac, vendor: vendor, model: model, state: .configured,
            lines: [DeviceLine(position: 1, lineID: person.line.id ?? 0, username: person.line.username)])
        let colleagues = people.filter { $0.line.context == person.line.context && $0.line.exten != exten }
        return try DeviceProfile(
            device: device,
            lines: [ProvisionedLine(line: person.line, user: person.user, voicemail: person.voicemail)],
            adminPassword: adminPasswords[mac.description],
            functionKeys: colleagues.map { .blf($0.line.exten ?? $0.line.username, label: $0.user.name) })
    }

    /// The lab's phones as the store holds them (LabScenario.phones), by MAC.
    static func labProfiles() throws -> [MACAddress: DeviceProfile] {
        var profiles: [MACAddress: DeviceProfile] = [:]
        for (index, phone) in lab.phones.enumerated() {
            profiles[phone.mac] = try profile(
                mac: phone.mac, deviceID: Int64(index + 1), vendor: "Snom", model: phone.model, exten: phone.exten)
        }
        return profiles
    }

    static func yealinkProfile() throws -> DeviceProfile {
        try profile(mac: yealink, deviceID: 10, vendor: "Yealink", model: "T46S", exten: "2001")
    }

    static func mac(_ text: String) -> MACAddress {
        (try? MACAddress(parsing: text)) ?? MACAddress.zero
    }

    enum FixtureError: Error {
        case noPerson(String)
    }

    /// The repository's root, from this file's path.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let builtInTemplates = DirectoryTemplateSource(
        directories: [repositoryRoot.appendingPathComponent("templates").path])

    static let renderer = ProvisioningRenderer(site: site, templates: builtInTemplates)
}

extension MACAddress {
    /// A placeholder for fixtures whose literal failed to parse (the test then fails on content).
    static let zero: MACAddress = {
        guard let mac = try? MACAddress(octets: [0, 0, 0, 0, 0, 0]) else { preconditionFailure("six octets") }
        return mac
    }()
}
