import CastorCore
import CastorModel
import Testing

@testable import Provisioning

/// The steps a server adapter takes for one request, run against the lab: identify, classify, look the device
/// up, render, log.
@Suite struct ServerFlowTests {
    enum Outcome: Equatable {
        case served(RenderedFile)
        case notFound
        case forbidden
    }

    /// What `castor provd` does with a request; `store` stands for the device table.
    func serve(_ request: ProvisioningRequest, store: [MACAddress: DeviceProfile]) -> Outcome {
        let renderer = LabFixture.renderer
        let identity = renderer.identify(request)
        let known = identity.mac.flatMap { store[$0] }
        guard let file = renderer.file(named: identity.fileName, plugin: known?.device.plugin ?? identity.plugin)
        else { return .notFound }
        do {
            guard let mac = file.mac else { return .served(try renderer.renderCommon(file)) }
            // A phone asking for another phone's file (User-Agent and file name disagree) gets nothing.
            if identity.conflictingMAC != nil { return .forbidden }
            let profile =
                store[mac]
                ?? .autoprov(
                    mac: mac, vendor: identity.vendor ?? "", model: identity.model ?? file.model ?? "",
                    plugin: file.plugin)
            return .served(try renderer.render(file, for: profile))
        } catch .wrongDevice {
            return .forbidden
        } catch {
            return .notFound
        }
    }

    @Test func aLabPhoneBootsThroughTheWholeChain() throws {
        let store = try LabFixture.labProfiles()
        let agent = "Mozilla/4.0 (compatible; snomD715-SIP 10.1.215.13 2010.12-00004-g9ba52f5 000413AABB01)"
        var fetched: [String] = []
        for path in [
            "/snomD715.htm", "/snom-general.xml", "/snomD715.xml", "/snomD715-firmware.xml",
            "/snomD715-000413AABB01.htm", "/000413AABB01.xml",
        ] {
            let outcome = serve(ProvisioningRequest(httpTarget: path, userAgent: agent), store: store)
            guard case .served(let file) = outcome else {
                Issue.record("\(path): \(outcome)")
                continue
            }
            fetched.append(file.name)
            #expect(file.isSensitive == (file.name == "000413AABB01.xml"))
        }
        #expect(fetched.count == 6)
    }

    @Test func tftpWorksWithoutUserAgent() throws {
        let outcome = serve(ProvisioningRequest(tftpFileName: "000413aabb02.xml"), store: try LabFixture.labProfiles())
        guard case .served(let file) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(file.name == "000413AABB02.xml")
        #expect(file.text.contains("<user_name idx=\"1\" perm=\"R\">1002</user_name>"))
    }

    @Test func aPhoneAskingForAnothersFileIsRefused() throws {
        let outcome = serve(
            ProvisioningRequest(
                httpTarget: "/000413AABB02.xml",
                userAgent: "Mozilla/4.0 (compatible; snomD715-SIP 10.1.215.13 2010.12 000413AABB01)"),
            store: try LabFixture.labProfiles())
        #expect(outcome == .forbidden)
    }

    @Test func anUnknownPhoneIsServedAutoprov() throws {
        let outcome = serve(
            ProvisioningRequest(
                httpTarget: "/000413AABBFF.xml",
                userAgent: "Mozilla/4.0 (compatible; snomD715-SIP 10.1.215.13 2010.12 000413AABBFF)"),
            store: try LabFixture.labProfiles())
        guard case .served(let file) = outcome else {
            Issue.record("\(outcome)")
            return
        }
        #expect(!file.carriesCredentials)
        #expect(file.text.contains("<user_active idx=\"1\" perm=\"R\">off</user_active>"))
    }

    @Test func firmwareAndStrangersAreNotThisLayersBusiness() throws {
        let store = try LabFixture.labProfiles()
        #expect(
            serve(ProvisioningRequest(httpTarget: "/firmware/snomD715-10.1.215.13-SIP-r.bin"), store: store)
                == .notFound)
        #expect(serve(ProvisioningRequest(httpTarget: "/etc/passwd"), store: store) == .notFound)
    }

    @Test func pluginsListTheirFilesForADevice() throws {
        let device = try #require(try LabFixture.labProfiles()[LabFixture.snom1]?.device)
        #expect(SnomPlugin().files(for: device).last == "000413AABB01.xml")
    }
}
