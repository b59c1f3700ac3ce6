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

    /// What `castor provd` does with a request (through ProvisioningDispatcher); `store` stands for the
    /// device table, and unknown phones are served autoprov.
    func serve(_ request: ProvisioningRequest, store: [MACAddress: DeviceProfile]) -> Outcome {
        let dispatch = ProvisioningDispatcher(renderer: LabFixture.renderer)
            .dispatch(request, known: { store[$0] }, unknown: { _ in .serve })
        switch dispatch.answer {
        case .file(let file): return .served(file)
        case .refused(.forbidden): return .forbidden
        case .refused: return .notFound
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

@Suite("ProvisioningDispatcher: unknown devices and refusals")
struct ProvisioningDispatcherTests {
    let dispatcher = ProvisioningDispatcher(renderer: LabFixture.renderer)
    let agent = "Mozilla/4.0 (compatible; snomD715-SIP 10.1.215.13 2010.12 000413AABBFF)"

    @Test("an unknown MAC asks the policy once: served and flagged for recording, 404, or 429")
    func unknownPolicy() throws {
        let store = try LabFixture.labProfiles()
        var asked: [MACAddress] = []
        let served = dispatcher.dispatch(
            ProvisioningRequest(httpTarget: "/snomD715.htm", userAgent: agent), known: { store[$0] },
            unknown: {
                asked.append($0)
                return .serve
            })
        #expect(asked == [LabFixture.unknownSnom])
        #expect(served.admittedUnknown && served.known == nil)
        guard case .file = served.answer else {
            Issue.record("\(served.answer)")
            return
        }
        let off = dispatcher.dispatch(
            ProvisioningRequest(httpTarget: "/000413AABBFF.xml"), known: { store[$0] }, unknown: { _ in .notFound })
        #expect(off.answer.refusal?.httpStatus == 404)
        let limited = dispatcher.dispatch(
            ProvisioningRequest(tftpFileName: "000413AABBFF.xml"), known: { store[$0] }, unknown: { _ in .limit })
        #expect(limited.answer.refusal?.httpStatus == 429)
    }

    @Test("a known phone never asks the unknown policy; a failing lookup is a 500, not an autoprov answer")
    func knownAndFailing() throws {
        let store = try LabFixture.labProfiles()
        let known = dispatcher.dispatch(
            ProvisioningRequest(tftpFileName: "000413AABB01.xml"), known: { store[$0] },
            unknown: { _ in
                Issue.record("asked about a known device")
                return .serve
            })
        #expect(known.known?.mac == LabFixture.snom1)
        guard case .file(let file) = known.answer else {
            Issue.record("\(known.answer)")
            return
        }
        #expect(file.carriesCredentials && file.text.contains("Alice-1001-s3cret"))

        struct Broken: Error {}
        let failing = dispatcher.dispatch(
            ProvisioningRequest(tftpFileName: "000413AABB01.xml"), known: { _ in throw Broken() },
            unknown: { _ in .serve })
        #expect(failing.answer.refusal?.httpStatus == 500)
    }
}

extension ProvisioningAnswer {
    var refusal: ProvisioningRefusal? {
        if case .refused(let refusal) = self { return refusal }
        return nil
    }
}
