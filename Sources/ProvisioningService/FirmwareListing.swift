import Foundation
import Synchronization

/// The names of the files in the firmware directory, re-read only when the directory changes (its
/// modification time), so that dropping an image in makes the next rendered file point at it.
final class FirmwareListing: Sendable {
    let directory: String
    private let cache = Mutex<(modified: Date?, names: [String])>((nil, []))

    init(directory: String) {
        self.directory = directory
    }

    func names() -> [String] {
        let modified = (try? FileManager.default.attributesOfItem(atPath: directory))?[.modificationDate] as? Date
        return cache.withLock { cached in
            guard let modified else {
                cached = (nil, [])
                return []
            }
            if cached.modified == modified { return cached.names }
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
                .filter { !$0.hasPrefix(".") }.sorted()
            cached = (modified, names)
            return names
        }
    }
}
