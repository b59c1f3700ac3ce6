import CastorCore
import CastorModel
import CastorSettings
import CastorStore
import Foundation
import Logging
import Provisioning
import Synchronization
import TFTPProtocol

/// The provisioning server's one decision path, shared by TFTP and HTTP so that a file is the same bytes
/// whichever way a phone asks: allow list, firmware or rendered file, device lookup and recording,
/// enumeration limit, and the log lines an admin needs (every credential-bearing fetch, every refusal).
///
/// ```swift
/// let service = ProvisioningService(configuration: configuration, store: store, logger: logger)
/// switch service.answer(ProvisioningRequest(tftpFileName: "000413AABB01.xml", sourceIP: "10.20.0.11")) {
/// case .file(let rendered): … rendered.bytes …
/// case .firmware(let components): … open under the firmware directory …
/// case .refused(let refusal): … refusal.httpStatus …
/// }
/// ```
public final class ProvisioningService: Sendable {
    /// What to send.
    public enum Answer: Sendable, Equatable {
        case file(RenderedFile)
        /// A file of the firmware directory, by path components already vetted against traversal.
        case firmware([String])
        case refused(ProvisioningRefusal)
    }

    public let configuration: ProvisioningConfiguration
    let store: CastorStore
    let logger: Logger
    let limiter: Mutex<UnknownDeviceLimiter>
    let firmwareListing: FirmwareListing
    /// The time, for sightings (ISO 8601) and the enumeration window (monotonic). Injected by tests.
    let clock: @Sendable () -> (wall: Date, monotonic: MonotonicInstant)

    public init(
        configuration: ProvisioningConfiguration, store: CastorStore, logger: Logger,
        clock: @escaping @Sendable () -> (wall: Date, monotonic: MonotonicInstant) = ProvisioningService.systemClock
    ) {
        self.configuration = configuration
        self.store = store
        self.logger = logger
        self.limiter = Mutex(UnknownDeviceLimiter(limit: configuration.unknownDeviceLimit))
        self.firmwareListing = FirmwareListing(directory: configuration.firmwareDirectory)
        self.clock = clock
    }

    public static let systemClock: @Sendable () -> (wall: Date, monotonic: MonotonicInstant) = {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return (Date(), MonotonicInstant(nanoseconds: Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)))
    }

    /// The answer to one request (HTTP paths without the URL key, TFTP file names).
    public func answer(_ request: ProvisioningRequest) -> Answer {
        let source = request.sourceIP ?? "?"
        guard configuration.allows(source) else {
            logger.warning(
                "provd.refused",
                metadata: [
                    "provd.ip": "\(source)", "provd.file": "\(request.path)", "provd.transport": "\(request.transport)",
                    "provd.reason": "address not in allowed_networks",
                ])
            return .refused(.forbidden(reason: "\(source) is not in allowed_networks"))
        }
        if let firmware = firmwareComponents(request.path) {
            switch firmware {
            case .success(let components):
                logger.info(
                    "provd.firmware",
                    metadata: ["provd.ip": "\(source)", "provd.file": "\(components.joined(separator: "/"))"])
                return .firmware(components)
            case .failure(let refusal):
                return refused(refusal, request)
            }
        }
        let now = clock()
        let dispatcher = ProvisioningDispatcher(renderer: renderer())
        let store = self.store
        let known: (MACAddress) throws -> DeviceProfile? = { mac in
            try store.provisioning(mac: mac).map { data throws in try DeviceProfile(data) }
        }
        var dispatch = dispatcher.dispatch(
            request, known: known,
            unknown: { mac in
                guard configuration.autoprov else { return .notFound }
                return limiter.withLock { $0.admit(source: source, mac: mac, now: now.monotonic) } ? .serve : .limit
            })
        record(dispatch, request: request, at: now.wall)
        if dispatch.admittedUnknown, dispatch.file?.mac != nil, case .file = dispatch.answer {
            // A phone never seen asked for its own file first: now recorded, it has its autoprov account,
            // which its file must carry (else it would register nothing until its next fetch).
            let again = dispatcher.dispatch(request, known: known, unknown: { _ in .notFound })
            if case .file = again.answer { dispatch = again }
        }
        switch dispatch.answer {
        case .file(let file):
            if file.carriesCredentials || file.isSensitive {
                logger.notice(
                    "provd.credentials_fetch",
                    metadata: [
                        "provd.mac": "\(dispatch.identity.mac.map(\.description) ?? "-")", "provd.ip": "\(source)",
                        "provd.file": "\(file.name)", "provd.transport": "\(request.transport)",
                        "provd.credentials": "\(file.carriesCredentials)",
                    ])
            }
            return .file(file)
        case .refused(let refusal):
            return refused(refusal, request, mac: dispatch.identity.mac)
        }
    }

    /// The renderer for the site as it is now (the firmware directory may have changed).
    func renderer() -> ProvisioningRenderer {
        var site = configuration.site
        site.firmwareFiles = firmwareListing.names()
        return ProvisioningRenderer(
            site: site, templates: DirectoryTemplateSource(directories: configuration.templateDirectories))
    }

    /// `firmware/<name>` (the site's firmware path) as vetted components, nil for any other path.
    func firmwareComponents(_ path: String) -> Result<[String], ProvisioningRefusal>? {
        let prefix = configuration.site.firmwarePath
        var trimmed = Substring(path)
        while trimmed.first == "/" { trimmed = trimmed.dropFirst() }
        guard !prefix.isEmpty, trimmed.hasPrefix(prefix) else { return nil }
        do {
            return .success(try TFTPPathPolicy().components(of: String(trimmed.dropFirst(prefix.count))))
        } catch {
            return .failure(.forbidden(reason: "firmware path \(path): \(error)"))
        }
    }

    private func record(_ dispatch: ProvisioningDispatcher.Dispatch, request: ProvisioningRequest, at time: Date) {
        guard let mac = dispatch.identity.mac, dispatch.known != nil || dispatch.admittedUnknown else { return }
        let file = dispatch.file
        let plugin = dispatch.known?.device.plugin ?? file?.plugin ?? dispatch.identity.plugin ?? "snom"
        let sighting = DeviceSighting(
            mac: mac, vendor: dispatch.identity.vendor ?? dispatch.known?.device.vendor ?? "Generic",
            model: dispatch.identity.model ?? file?.model ?? "unknown", plugin: plugin, ip: request.sourceIP,
            firmware: dispatch.identity.firmwareVersion, userAgent: request.userAgent, file: dispatch.identity.fileName,
            at: time.formatted(.iso8601), isOwnConfiguration: file?.mac == mac)
        do {
            let device = try store.recordSighting(sighting, create: dispatch.admittedUnknown)
            if dispatch.admittedUnknown, device?.firstSeen == sighting.at {
                logger.notice(
                    "provd.new_device",
                    metadata: [
                        "provd.mac": "\(mac)", "provd.ip": "\(request.sourceIP ?? "?")",
                        "provd.model": "\(sighting.model)", "provd.state": "unassigned",
                    ])
            }
        } catch {
            logger.error("provd.record_failed", metadata: ["provd.mac": "\(mac)", "provd.error": "\(error)"])
        }
    }

    private func refused(_ refusal: ProvisioningRefusal, _ request: ProvisioningRequest, mac: MACAddress? = nil)
        -> Answer
    {
        var metadata: Logger.Metadata = [
            "provd.ip": "\(request.sourceIP ?? "?")", "provd.file": "\(request.path)",
            "provd.transport": "\(request.transport)", "provd.status": "\(refusal.httpStatus)",
            "provd.reason": "\(refusal.reason)",
        ]
        if let mac { metadata["provd.mac"] = "\(mac)" }
        switch refusal {
        case .notFound: logger.info("provd.not_found", metadata: metadata)
        case .forbidden, .tooManyRequests: logger.warning("provd.refused", metadata: metadata)
        case .failed: logger.error("provd.failed", metadata: metadata)
        }
        return .refused(refusal)
    }
}
