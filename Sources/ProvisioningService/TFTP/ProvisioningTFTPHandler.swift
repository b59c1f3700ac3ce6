import Logging
import Provisioning
import TFTPProtocol
import TFTPTransport

/// TFTP provisioning: a read request is answered by `ProvisioningService` exactly as the same file over
/// HTTP, so a phone gets identical bytes either way. Rendered files are served from memory; firmware images
/// are read from disk a window at a time.
///
/// ```swift
/// let server = try await TFTPServer.start(
///     configuration: TFTPServerConfiguration(host: "0.0.0.0", port: 69),
///     handler: ProvisioningTFTPHandler(service: service, firmware: firmware))
/// ```
public struct ProvisioningTFTPHandler: TFTPRequestHandler {
    let service: ProvisioningService
    let firmware: any FirmwareStore
    let logger: Logger

    public init(service: ProvisioningService, firmware: any FirmwareStore, logger: Logger) {
        self.service = service
        self.firmware = firmware
        self.logger = logger
    }

    public func resolve(_ context: TFTPReadContext) async -> TFTPResolution {
        resolveNow(context)
    }

    /// The store is local SQLite and rendering is in memory: answered at once, on the listener's event loop.
    public func resolveNow(_ context: TFTPReadContext) -> TFTPResolution {
        let request = ProvisioningRequest(
            tftpFileName: context.path.joined(separator: "/"), sourceIP: context.clientAddress)
        switch service.answer(request) {
        case .file(let file):
            return .file(TFTPMemorySource(file.bytes))
        case .firmware(let components):
            switch firmware.open(components) {
            case .success(let image): return .file(image.source)
            case .failure(let refusal): return Self.refusal(refusal)
            }
        case .refused(let refusal):
            return Self.refusal(refusal)
        }
    }

    public func transferEnded(_ context: TFTPReadContext, outcome: TFTPTransferOutcome) {
        guard case .failed(let failure) = outcome else { return }
        logger.info(
            "provd.tftp_transfer_failed",
            metadata: [
                "provd.ip": "\(context.clientAddress)", "provd.file": "\(context.path.joined(separator: "/"))",
                "provd.reason": "\(failure)",
            ])
    }

    /// RFC 1350 §5: 1 file not found, 2 access violation, 0 for the rest. The message is the status's words
    /// only: a prober learns nothing from it.
    static func refusal(_ refusal: ProvisioningRefusal) -> TFTPResolution {
        switch refusal {
        case .notFound: return .refuse(.fileNotFound, message: "File not found")
        case .forbidden, .tooManyRequests: return .refuse(.accessViolation, message: "Access violation")
        case .failed: return .refuse(.undefined, message: "Server error")
        }
    }
}
