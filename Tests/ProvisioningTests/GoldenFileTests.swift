import CastorCore
import Testing

@testable import Provisioning

/// The lab's files, rendered from the built-in templates, compared byte for byte with `Golden/`.
@Suite struct GoldenFileTests {
    /// One rendered file of the lab.
    struct Case: Sendable, CustomTestStringConvertible {
        enum Owner: Sendable {
            case none
            case lab(String)
            case autoprov
            case yealink
        }

        var plugin: String
        var file: String
        var owner: Owner

        var testDescription: String { "\(plugin)/\(file)" }

        func render() throws -> RenderedFile {
            let profile: DeviceProfile?
            switch owner {
            case .none: profile = nil
            case .lab(let mac): profile = try LabFixture.labProfiles()[LabFixture.mac(mac)]
            case .autoprov:
                profile = DeviceProfile.autoprov(mac: LabFixture.unknownSnom, vendor: "Snom", model: "D715")
            case .yealink: profile = try LabFixture.yealinkProfile()
            }
            return try LabFixture.renderer.render(fileNamed: file, plugin: plugin, profile: profile)
        }
    }

    static let cases: [Case] = [
        Case(plugin: "snom", file: "snomD715.htm", owner: .none),
        Case(plugin: "snom", file: "snom715.htm", owner: .none),
        Case(plugin: "snom", file: "snom-general.xml", owner: .none),
        Case(plugin: "snom", file: "snomD715.xml", owner: .none),
        Case(plugin: "snom", file: "snomD715-firmware.xml", owner: .none),
        Case(plugin: "snom", file: "snomD715-000413AABB01.htm", owner: .lab("00:04:13:AA:BB:01")),
        Case(plugin: "snom", file: "000413AABB01.xml", owner: .lab("00:04:13:AA:BB:01")),
        Case(plugin: "snom", file: "snomD715-000413AABB02.htm", owner: .lab("00:04:13:AA:BB:02")),
        Case(plugin: "snom", file: "000413AABB02.xml", owner: .lab("00:04:13:AA:BB:02")),
        Case(plugin: "snom", file: "snomD715-000413AABBFF.htm", owner: .autoprov),
        Case(plugin: "snom", file: "000413AABBFF.xml", owner: .autoprov),
        Case(plugin: "yealink", file: "y000000000066.cfg", owner: .none),
        Case(plugin: "yealink", file: "805ec0aabb10.cfg", owner: .yealink),
    ]

    @Test(arguments: cases) func matchesGolden(_ testCase: Case) throws {
        let rendered = try testCase.render()
        try Golden.check(rendered.bytes, plugin: testCase.plugin, file: testCase.file)
    }

    @Test(
        .enabled(if: XMLLint.isAvailable, "xmllint is missing: apt-get install libxml2-utils"),
        arguments: cases.filter { $0.plugin == "snom" })
    func snomFilesAreWellFormedXML(_ testCase: Case) throws {
        let rendered = try testCase.render()
        #expect(rendered.contentType == "application/xml")
        let problems = try XMLLint.problems(in: rendered.bytes, name: testCase.file)
        #expect(problems == nil, "\(testCase.file): \(problems ?? "")")
    }

    @Test func labDeviceFileSaysWhatTheIssueAsks() throws {
        let text = try LabFixture.renderer.render(
            fileNamed: "000413AABB01.xml", plugin: "snom", profile: LabFixture.labProfiles()[LabFixture.snom1]
        ).text
        for expected in [
            #"<setting_server perm="RW">http://10.0.0.1:8667/</setting_server>"#,
            #"<user_name idx="1" perm="R">1001</user_name>"#,
            #"<user_pname idx="1" perm="R">1001</user_pname>"#,
            #"<user_pass idx="1" perm="R">Alice-1001-s3cret</user_pass>"#,
            #"<user_host idx="1" perm="R">10.0.0.1</user_host>"#,
            #"<user_outbound idx="1" perm="R">10.0.0.1:5060;transport=udp</user_outbound>"#,
            #"<user_realname idx="1" perm="R">Alice</user_realname>"#,
            #"<user_mailbox idx="1" perm="R">*98</user_mailbox>"#,
            #"<language perm="R">Francais</language>"#,
            #"<timezone perm="R">FRA+1</timezone>"#,
            #"<ntp_server perm="R">10.0.0.1</ntp_server>"#,
            #"<http_pass perm="R">adm-AABB01-k4Zq</http_pass>"#,
            #"<fkey idx="0" context="active" label="Alice" perm="R">line</fkey>"#,
            #"<fkey idx="1" context="active" label="Bob" perm="R">blf &lt;sip:1002@10.0.0.1&gt;|*8</fkey>"#,
            #"<fkey idx="2" context="active" label="Messagerie" perm="R">speed *98</fkey>"#,
            #"<user_active idx="12" perm="R">off</user_active>"#,
        ] {
            #expect(text.contains(expected), "missing \(expected)")
        }
    }

    @Test func firmwareIsTheNewestImageOfTheModel() throws {
        let text = try LabFixture.renderer.render(fileNamed: "snomD715-firmware.xml", plugin: "snom", profile: nil)
            .text
        #expect(text.contains("<firmware>http://10.0.0.1:8667/firmware/snomD715-10.1.215.13-SIP-r.bin</firmware>"))
        let model = try LabFixture.renderer.render(fileNamed: "snomD715.xml", plugin: "snom", profile: nil).text
        #expect(model.contains("http://10.0.0.1:8667/snomD715-firmware.xml"))
    }
}
