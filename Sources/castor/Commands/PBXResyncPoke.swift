import CastorControl
import Foundation
import PBXService

/// Tells a running `castor pbx` (over `<run_dir>/pbx.sock`) to read the store's resync requests now, so the
/// phone gets its check-sync NOTIFY at once. Best effort: without a PBX, or when it does not answer, the
/// request waits in the store (the PBX reads it at start and every few seconds).
enum PBXResyncPoke {
    static func send(runDir: String) {
        let path = runDir + "/pbx.sock"
        guard FileManager.default.fileExists(atPath: path) else { return }
        _ = try? ControlClient(path: path, timeout: .seconds(2)).send(
            PBXControlRequest(command: "resync"), as: PBXControlReply.self)
    }
}

extension DataOptions {
    /// `PBXResyncPoke.send` for this data dir's run dir.
    func pokeResync() {
        guard let settings = try? settings().settings else { return }
        PBXResyncPoke.send(runDir: settings.resolvedRunDir)
    }
}
