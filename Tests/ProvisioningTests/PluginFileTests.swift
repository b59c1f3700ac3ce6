import CastorCore
import Testing

@testable import Provisioning

/// What each plugin serves, under which names.
@Suite struct SnomFileTests {
    let snom = SnomPlugin()

    @Test func fileNamesAndTheirTemplates() throws {
        let cases: [(String, String, String?, Bool)] = [
            ("snomD715.htm", "model.htm", "D715", false),
            ("snom715.htm", "model.htm", "D715", false),
            ("snom300.htm", "model.htm", "300", false),
            ("snom-general.xml", "general.xml", nil, false),
            ("snomD715.xml", "model.xml", "D715", false),
            ("snomD715-firmware.xml", "firmware.xml", "D715", false),
            ("snomD715-000413AABB01.htm", "device.htm", "D715", false),
            ("000413AABB01.xml", "device.xml", nil, true),
        ]
        for (name, template, model, sensitive) in cases {
            let file = try #require(snom.file(named: name), "\(name)")
            #expect(file.template == template, "\(name)")
            #expect(file.model == model, "\(name)")
            #expect(file.isSensitive == sensitive, "\(name)")
            #expect(file.format == .xml)
        }
        #expect(snom.file(named: "snomD715-000413AABB01.htm")?.variables["settings_file"] == "000413AABB01.xml")
        #expect(snom.file(named: "snomD715-firmware.xml")?.requiresFirmware == true)
        for name in [
            "snomD715.cfg", "snom.htm", "snom-.htm", "snomD715-000413AABB0.htm", "000413AABB01.cfg",
            "snom<D715>.htm", "snomD7 15.htm", "",
        ] {
            #expect(snom.file(named: name) == nil, "\(name)")
        }
    }

    @Test func filesOfTheLabPhone() {
        #expect(
            snom.files(mac: LabFixture.snom1, model: "D715") == [
                "snom-general.xml", "snomD715.htm", "snomD715.xml", "snomD715-firmware.xml", "snom715.htm",
                "snom715.xml", "snom715-firmware.xml", "snomD715-000413AABB01.htm", "snom715-000413AABB01.htm",
                "000413AABB01.xml",
            ])
        // Every name listed is one the plugin serves, and the per-device ones are the device's.
        for name in snom.files(mac: LabFixture.snom1, model: "D715") {
            let file = snom.file(named: name)
            #expect(file != nil, "\(name)")
            if let mac = file?.mac { #expect(mac == LabFixture.snom1) }
        }
    }

    @Test func models() {
        #expect(snom.canonicalModel("snomD715") == "D715")
        #expect(snom.canonicalModel("d715") == "D715")
        #expect(snom.canonicalModel("715") == "D715")
        #expect(snom.canonicalModel("snom300") == "300")
        #expect(snom.canonicalModel("snom") == nil)
        #expect(snom.canonicalModel("D7/15") == nil)
    }

    @Test func firmwareIsPickedByModelAndVersion() {
        let files = [
            "snomD715-10.1.33.33-SIP-r.bin", "snomD715-10.1.215.13-SIP-r.bin", "snom715-8.7.5.35-SIP-r.bin",
            "snomD717-10.1.215.13-SIP-r.bin", "snomD715-latest-SIP-r.bin", "snomD715-10.1.215.13-SIP-r.bin.sha1",
        ]
        #expect(
            snom.firmware(forModel: "D715", among: files)
                == FirmwareImage(fileName: "snomD715-10.1.215.13-SIP-r.bin", version: "10.1.215.13"))
        #expect(snom.firmware(forModel: "D785", among: files) == nil)
        #expect(snom.firmware(forModel: "D715", among: ["snom715-8.7.5.35-SIP-r.bin"])?.version == "8.7.5.35")
    }

    @Test func firmwareSettingsAreNotServedWithoutAnImage() throws {
        let bare = ProvisioningSite(provisioningURL: "http://10.0.0.1:8667/", sipHost: "10.0.0.1")
        let renderer = ProvisioningRenderer(site: bare, templates: LabFixture.builtInTemplates)
        #expect(throws: ProvisioningError.noFirmware(file: "snomD715-firmware.xml", model: "D715")) {
            try renderer.render(fileNamed: "snomD715-firmware.xml", plugin: "snom", profile: nil)
        }
        let model = try renderer.render(fileNamed: "snomD715.xml", plugin: "snom", profile: nil).text
        #expect(!model.contains("firmware_status"))
    }

    @Test func unknownPluginsAndFiles() {
        let renderer = LabFixture.renderer
        #expect(throws: ProvisioningError.unknownPlugin("cisco")) {
            try renderer.render(fileNamed: "SEP000413AABB01.cnf.xml", plugin: "cisco", profile: nil)
        }
        #expect(throws: ProvisioningError.notServed(file: "index.html", plugin: "snom")) {
            try renderer.render(fileNamed: "index.html", plugin: "snom", profile: nil)
        }
        #expect(renderer.file(named: "snomD715.htm", plugin: nil) == nil)
        #expect(renderer.file(named: "snomD715.htm", plugin: "snom")?.model == "D715")
    }
}

@Suite struct YealinkFileTests {
    let yealink = YealinkPlugin()

    @Test func fileNames() throws {
        let common = try #require(yealink.file(named: "y000000000066.cfg"))
        #expect(common.scope == .common && common.model == "T46S" && common.format == .text)
        #expect(yealink.file(named: "y000000000028.cfg")?.model == "T46G")
        #expect(yealink.file(named: "y000000000065.cfg")?.model == "T48S")
        #expect(yealink.file(named: "y000000000999.cfg")?.model == nil)

        let device = try #require(yealink.file(named: "805EC0AABB10.cfg"))
        #expect(device.name == "805ec0aabb10.cfg")
        #expect(device.scope == .device(LabFixture.yealink))
        #expect(device.isSensitive)
        #expect(device.format.contentType == "text/plain")

        for name in [
            "000000000000.cfg", "y000000000000.cfg", "y00000000066.cfg", "805ec0aabb10.xml", "y0000000000aa.cfg",
        ] {
            #expect(yealink.file(named: name) == nil, "\(name)")
        }
        #expect(yealink.files(mac: LabFixture.yealink, model: "T46S") == ["y000000000066.cfg", "805ec0aabb10.cfg"])
    }

    @Test func firmwareByImageNumber() {
        let files = [
            "T46S(T48S,T42S,T41S)-66.86.0.15.rom", "T46S(T48S,T42S,T41S)-66.85.0.5.rom", "T46-28.83.0.120.rom",
            "66.86.0.160.rom", "T46S-66.86.rom",
        ]
        #expect(yealink.firmware(forModel: "T46S", among: files)?.fileName == "66.86.0.160.rom")
        #expect(yealink.firmware(forModel: "T48S", among: files)?.version == "66.86.0.160")
        #expect(yealink.firmware(forModel: "T46G", among: files)?.fileName == "T46-28.83.0.120.rom")
        #expect(yealink.firmware(forModel: "T54S", among: files) == nil)
    }

    @Test func firmwareURLsAreEscaped() throws {
        let text = try LabFixture.renderer.render(fileNamed: "y000000000066.cfg", plugin: "yealink", profile: nil).text
        #expect(
            text.contains("static.firmware.url = http://10.0.0.1:8667/firmware/T46S(T48S,T42S,T41S)-66.86.0.15.rom\n"))
        let spaced = FirmwareImage(fileName: "T46S 66.86.0.15.rom", version: "66.86.0.15")
        let url = ProvisioningContext.Firmware(image: spaced, site: LabFixture.site).url
        #expect(url == "http://10.0.0.1:8667/firmware/T46S%2066.86.0.15.rom")
    }
}
