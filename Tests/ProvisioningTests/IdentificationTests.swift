import CastorCore
import Testing

@testable import Provisioning

/// Who asks: file names, `?mac=`, User-Agents, and which plugin claims the device.
@Suite struct IdentificationTests {
    let identifier = DeviceIdentifier(plugins: ProvisioningPlugins.standard)
    let aabbcc = LabFixture.mac("00:04:13:AA:BB:CC")

    @Test(arguments: [
        "/snomD715-000413AABBCC.htm", "/snomD715-000413aabbcc.htm", "/000413AABBCC.xml", "/000413aabbcc.xml",
        "/provisioning/snom715-000413AABBCC.htm",
    ])
    func macFromTheFileName(_ path: String) {
        let identity = identifier.identify(ProvisioningRequest(httpTarget: path))
        #expect(identity.mac == aabbcc)
        #expect(identity.macSource == .fileName)
        #expect(identity.plugin == "snom")
        #expect(identity.conflictingMAC == nil)
    }

    @Test(arguments: [
        "000413AABBCC", "00:04:13:aa:bb:cc", "00-04-13-AA-BB-CC", "00%3A04%3A13%3Aaa%3Abb%3Acc",
        "0004.13aa.bbcc",
    ])
    func macFromTheQuery(_ value: String) {
        let identity = identifier.identify(ProvisioningRequest(httpTarget: "/snomD715.htm?foo=1&mac=\(value)"))
        #expect(identity.mac == aabbcc)
        #expect(identity.macSource == .query)
        #expect(identity.model == "D715")
    }

    @Test func snomUserAgentWithMAC() {
        let identity = identifier.identify(
            ProvisioningRequest(
                httpTarget: "/snomD715.htm",
                userAgent: "Mozilla/4.0 (compatible; snomD715-SIP 10.1.215.13 2010.12-00004-g9ba52f5 000413AABBCC)"))
        #expect(identity.plugin == "snom")
        #expect(identity.vendor == "Snom")
        #expect(identity.model == "D715")
        #expect(identity.firmwareVersion == "10.1.215.13")
        #expect(identity.mac == aabbcc)
        #expect(identity.macSource == .userAgent)
        #expect(identity.claims.first?.support == .complete)
    }

    @Test func legacySnomUserAgent() {
        let identity = identifier.identify(
            ProvisioningRequest(
                httpTarget: "/snom715.htm",
                userAgent: "Mozilla/4.0 (compatible; snom715-SIP 8.7.5.35 1.1.5-IFX-05.01.12 000413741767)"))
        #expect(identity.model == "D715")
        #expect(identity.firmwareVersion == "8.7.5.35")
        #expect(identity.mac == LabFixture.mac("000413741767"))
    }

    @Test func snomUserAgentWithoutMAC() {
        let identity = identifier.identify(
            ProvisioningRequest(
                httpTarget: "/snom320.htm", userAgent: "Mozilla/4.0 (compatible; snom320-SIP 8.4.18 1.1.3-s)"))
        #expect(identity.model == "320")
        #expect(identity.mac == nil)
        #expect(identity.plugin == "snom")
    }

    @Test func aFileNameDisagreeingWithTheUserAgentIsFlagged() {
        let identity = identifier.identify(
            ProvisioningRequest(
                httpTarget: "/000413AABB02.xml",
                userAgent: "Mozilla/4.0 (compatible; snomD715-SIP 10.1.215.13 2010.12 000413AABB01)"))
        #expect(identity.mac == LabFixture.snom2)
        #expect(identity.macSource == .fileName)
        #expect(identity.conflictingMAC == LabFixture.snom1)
    }

    @Test func yealinkByUserAgentAndFileNames() {
        let identity = identifier.identify(
            ProvisioningRequest(
                httpTarget: "/805ec0aabb10.cfg", userAgent: "Yealink SIP-T46S 66.86.0.15 80:5e:c0:aa:bb:10"))
        #expect(identity.plugin == "yealink")
        #expect(identity.model == "T46S")
        #expect(identity.firmwareVersion == "66.86.0.15")
        #expect(identity.mac == LabFixture.yealink)
        #expect(identity.conflictingMAC == nil)

        let common = identifier.identify(ProvisioningRequest(tftpFileName: "y000000000066.cfg"))
        #expect(common.plugin == "yealink")
        #expect(common.model == "T46S")
        #expect(common.mac == nil)

        let upper = identifier.identify(ProvisioningRequest(tftpFileName: "805EC0AABB10.cfg"))
        #expect(upper.mac == LabFixture.yealink)
        #expect(upper.claims.first?.support == .probable)
    }

    @Test func theUserAgentOutranksAFileNameOfAnotherVendor() {
        let identity = identifier.identify(
            ProvisioningRequest(
                httpTarget: "/y000000000066.cfg",
                userAgent: "Mozilla/4.0 (compatible; snomD715-SIP 10.1.215.13 2010.12 000413AABBCC)"))
        #expect(identity.plugin == "snom")
        #expect(identity.claims.map(\.plugin) == ["snom", "yealink"])
    }

    @Test func aBareMACFileOfAnUnknownOUIIsOnlyImprobable() {
        let identity = identifier.identify(ProvisioningRequest(httpTarget: "/001122334455.xml"))
        #expect(identity.plugin == "snom")
        #expect(identity.claims.first?.support == .improbable)
    }

    @Test(arguments: [
        "/", "/index.html", "/firmware/snomD715-10.1.215.13-SIP-r.bin", "/../../etc/passwd", "/snom.htm",
        "/000000000000.cfg", "/snomD715-0004.htm", "/snom-000413AABBCC.htm",
    ])
    func requestsNoPluginClaims(_ path: String) {
        let identity = identifier.identify(ProvisioningRequest(httpTarget: path, userAgent: "curl/8.0"))
        #expect(identity.plugin == nil)
        #expect(identity.mac == nil)
    }

    @Test func garbageUserAgentsAreIgnored() {
        for agent in [
            "", "snom", "snom-SIP", "Mozilla/4.0 (compatible; snom lid 3605)", "snomD715-SIP", "snomD715-SIP x.y",
            "Yealink", "Yealink SIP-", String(repeating: "snom", count: 1000), "Yealink SIP-T46S 66.86.0.15 zz:zz",
        ] {
            let identity = identifier.identify(ProvisioningRequest(httpTarget: "/index.html", userAgent: agent))
            #expect(identity.mac == nil, "\(agent)")
        }
    }
}

@Suite struct RequestParsingTests {
    @Test func httpTargetIsSplitAndDecoded() {
        let request = ProvisioningRequest(
            httpTarget: "/prov/snomD715.htm?mac=00%3A04%3A13%3Aaa%3Abb%3A01&a=b+c&flag#frag", sourceIP: "10.0.0.51")
        #expect(request.path == "/prov/snomD715.htm")
        #expect(request.fileName == "snomD715.htm")
        #expect(request.query == ["mac": "00:04:13:aa:bb:01", "a": "b c", "flag": ""])
        #expect(request.sourceIP == "10.0.0.51")
    }

    @Test func malformedEscapesAreKept() {
        #expect(PercentDecoding.decode("%zz%4") == "%zz%4")
        #expect(PercentDecoding.decode("a%20b") == "a b")
        #expect(PercentDecoding.decode("%ff") == "\u{fffd}")
    }

    @Test func tftpNames() {
        let request = ProvisioningRequest(tftpFileName: "snomD715.htm")
        #expect(request.transport == .tftp)
        #expect(request.fileName == "snomD715.htm")
        #expect(ProvisioningRequest(httpTarget: "/").fileName == "")
    }
}

/// Every truncation and one-character corruption of real inputs is handled without a trap (a poor man's fuzz;
/// the codecs' libFuzzer targets are elsewhere).
@Suite struct IdentificationRobustnessTests {
    static let seeds = [
        "snomD715-000413AABB01.htm", "000413AABB01.xml", "snom-general.xml", "snomD715-firmware.xml",
        "y000000000066.cfg", "805ec0aabb10.cfg",
        "Mozilla/4.0 (compatible; snomD715-SIP 10.1.215.13 2010.12-00004-g9ba52f5 000413AABB01 SXM:0 UXM:0)",
        "Yealink SIP-T46S 66.86.0.15 80:5e:c0:aa:bb:10", "Yealink-T46G 28.71.0.81 28.1.0.128.0.0.0",
    ]

    static func variants(of seed: String) -> [String] {
        let characters = Array(seed)
        var variants = (0...characters.count).map { String(characters.prefix($0)) }
        for index in characters.indices {
            for replacement in ["", "-", " ", ".", "/", "é", "\u{0}", "%", ":"] {
                var copy = characters
                copy.replaceSubrange(index...index, with: Array(replacement))
                variants.append(String(copy))
            }
        }
        return variants
    }

    @Test func corruptedInputsNeverTrap() {
        let identifier = DeviceIdentifier(plugins: ProvisioningPlugins.standard)
        var identified = 0
        for seed in Self.seeds {
            for variant in Self.variants(of: seed) {
                let identity = identifier.identify(
                    ProvisioningRequest(httpTarget: "/" + variant + "?mac=" + variant, userAgent: variant))
                for plugin in ProvisioningPlugins.standard {
                    if let file = plugin.file(named: variant) {
                        // A file's canonical name is itself one the plugin serves, as the same file.
                        #expect(plugin.file(named: file.name)?.name == file.name)
                    }
                }
                if identity.plugin != nil { identified += 1 }
            }
        }
        #expect(identified > 0)
    }
}
