import CastorCore
import CastorModel
import Testing

@testable import Provisioning

/// Values can hold anything a user types: XML stays well-formed, `.cfg` files gain no key.
@Suite struct EscapingTests {
    static let zoe = "Zoé & Co <R&D>"

    /// Alice renamed `Zoé & Co <R&D>`, with a colleague named `"Quote" 'n' <tag>`, on both vendors' phones.
    static func profile(mac: MACAddress, name: String = zoe, model: String) throws -> DeviceProfile {
        guard let alice = LabFixture.person("1001") else { throw LabFixture.FixtureError.noPerson("1001") }
        var user = alice.user
        user.name = name
        let device = Device(
            id: 1, mac: mac, vendor: "", model: model, state: .configured,
            lines: [DeviceLine(position: 1, lineID: alice.line.id ?? 0)])
        return try DeviceProfile(
            device: device, lines: [ProvisionedLine(line: alice.line, user: user, voicemail: alice.voicemail)],
            adminPassword: "a&b<c>'d\"e",
            functionKeys: [.blf("1002", label: #""Quote" 'n' <tag>"#)])
    }

    @Test func xmlValuesAreEscaped() throws {
        let text = try LabFixture.renderer.render(
            fileNamed: "000413AABB01.xml", plugin: "snom", profile: Self.profile(mac: LabFixture.snom1, model: "D715")
        ).text
        #expect(text.contains(#"<user_realname idx="1" perm="R">Zoé &amp; Co &lt;R&amp;D&gt;</user_realname>"#))
        #expect(text.contains(#"<http_pass perm="R">a&amp;b&lt;c&gt;&#39;d&quot;e</http_pass>"#))
        #expect(text.contains(#"label="&quot;Quote&quot; &#39;n&#39; &lt;tag&gt;""#))
        #expect(!text.contains("Zoé & Co"))
    }

    @Test(.enabled(if: XMLLint.isAvailable, "xmllint is missing: apt-get install libxml2-utils"))
    func escapedXMLIsWellFormed() throws {
        for name in [Self.zoe, "]]> <!-- -- --> <?xml?> &#0; &amp;", "tab\there\u{1}\u{7f}\u{85}\u{2028}end"] {
            let rendered = try LabFixture.renderer.render(
                fileNamed: "000413AABB01.xml", plugin: "snom",
                profile: Self.profile(mac: LabFixture.snom1, name: name, model: "D715"))
            let problems = try XMLLint.problems(in: rendered.bytes, name: "000413AABB01.xml")
            #expect(problems == nil, "\(name): \(problems ?? "")")
        }
    }

    @Test func cfgValuesAreWrittenAsTheyAre() throws {
        let text = try LabFixture.renderer.render(
            fileNamed: "805ec0aabb10.cfg", plugin: "yealink",
            profile: Self.profile(mac: LabFixture.yealink, model: "T46S")
        ).text
        #expect(text.contains("account.1.display_name = Zoé & Co <R&D>\n"))
        #expect(text.contains("static.security.user_password = admin:a&b<c>'d\"e\n"))
        #expect(!text.contains("&amp;"))
    }

    @Test func aLineBreakCannotAddAKey() throws {
        let injected = "Zoé\naccount.1.password = stolen\r\nlinekey.1.type = 0\u{2028}x"
        let text = try LabFixture.renderer.render(
            fileNamed: "805ec0aabb10.cfg", plugin: "yealink",
            profile: Self.profile(mac: LabFixture.yealink, name: injected, model: "T46S")
        ).text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(!lines.contains { $0.hasPrefix("account.1.password = stolen") })
        #expect(!lines.contains { $0.hasPrefix("linekey.1.type = 0") })
        #expect(lines.contains("account.1.display_name = Zoé account.1.password = stolen  linekey.1.type = 0 x"))
        #expect(!text.contains("\r"))
    }

    @Test func cleaningKeepsOrdinaryText() {
        #expect(ProvisioningText.clean("Zoé & Co <R&D> 日本") == "Zoé & Co <R&D> 日本")
        #expect(ProvisioningText.clean("a\u{0}b\u{1f}c\u{9f}d\u{fffe}e") == "a b c d e")
    }

    @Test func aTripleMustacheInAnOverrideIsTheSitesChoice() throws {
        let templates = InMemoryTemplateSource(["snom/base/device.xml.mustache": "<x>{{{lines.0.display_name}}}</x>"])
        let renderer = ProvisioningRenderer(site: LabFixture.site, templates: templates)
        let profile = try Self.profile(mac: LabFixture.snom1, model: "D715")
        let file = try renderer.render(fileNamed: "000413AABB01.xml", plugin: "snom", profile: profile)
        // swift-mustache has no index access: `lines.0` is not a path, so nothing renders — and nothing unescaped.
        #expect(file.text == "<x></x>")
    }
}

@Suite struct XMLLintTests {
    @Test(.enabled(if: XMLLint.isAvailable, "xmllint is missing: apt-get install libxml2-utils"))
    func xmllintDoesRejectBrokenXML() throws {
        #expect(try XMLLint.problems(in: Array("<a>&</a>".utf8), name: "broken.xml") != nil)
        #expect(try XMLLint.problems(in: Array("<a>\u{1}</a>".utf8), name: "control.xml") != nil)
        #expect(try XMLLint.problems(in: Array("<a>&amp;</a>".utf8), name: "fine.xml") == nil)
    }
}
