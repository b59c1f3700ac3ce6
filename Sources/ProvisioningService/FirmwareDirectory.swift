import Foundation
import Provisioning
import Synchronization
import TFTPProtocol
import TFTPTransport

/// The firmware directory (`<data-dir>/firmware`), opened through `TFTPRootDirectory`: one component at a
/// time with O_NOFOLLOW, so neither `..` nor a symbolic link leads out of it, and only regular files are
/// served. The directory is opened on first use, so it may be created after the server starts.
///
/// ```swift
/// let firmware = FirmwareDirectory(path: "/var/lib/castor/firmware")
/// if case .success(let image) = firmware.open(["snomD715-10.1.215.13-SIP-r.bin"]) { … image.source … }
/// ```
public final class FirmwareDirectory: FirmwareStore {
    public let path: String
    private let root = Mutex<TFTPRootDirectory?>(nil)

    public init(path: String) {
        self.path = path
    }

    public func open(_ components: [String]) -> Result<FirmwareImageFile, ProvisioningRefusal> {
        let shown = components.joined(separator: "/")
        let opened: TFTPRootDirectory? = root.withLock { root in
            if root == nil { root = try? TFTPRootDirectory(path: path) }
            return root
        }
        guard let directory = opened else { return .failure(.notFound(reason: "no firmware directory \(path)")) }
        do {
            let file = try directory.open(components)
            // The file is open and checked; its time is metadata for Last-Modified only.
            var status = stat()
            let modified =
                lstat(path + "/" + shown, &status) == 0
                ? Date(timeIntervalSince1970: TimeInterval(status.st_mtim.tv_sec)) : Date(timeIntervalSince1970: 0)
            return .success(FirmwareImageFile(source: file, byteCount: file.byteCount ?? 0, modified: modified))
        } catch {
            if error.code == .fileNotFound { return .failure(.notFound(reason: "firmware \(shown): \(error)")) }
            return .failure(.forbidden(reason: "firmware \(shown): \(error)"))
        }
    }
}
