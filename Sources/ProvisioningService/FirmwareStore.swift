import Foundation
import Provisioning
import TFTPProtocol

/// A firmware image opened for serving: its bytes by offset, its size and modification time.
public struct FirmwareImageFile: Sendable {
    public var source: any TFTPFileSource & Sendable
    public var byteCount: Int
    public var modified: Date

    public init(source: any TFTPFileSource & Sendable, byteCount: Int, modified: Date) {
        self.source = source
        self.byteCount = byteCount
        self.modified = modified
    }
}

/// Where firmware images come from: a directory, opened so that no path (`..`, a symlink) leads out of it.
public protocol FirmwareStore: Sendable {
    func open(_ components: [String]) -> Result<FirmwareImageFile, ProvisioningRefusal>
}
