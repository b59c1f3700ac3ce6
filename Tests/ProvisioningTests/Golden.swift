import Foundation
import Testing

/// Byte-for-byte comparison with `Golden/<plugin>/<file>`. `CASTOR_UPDATE_GOLDEN=1 swift test …` rewrites the
/// files instead (review the diff before committing it).
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Golden")

    static var updating: Bool { ProcessInfo.processInfo.environment["CASTOR_UPDATE_GOLDEN"] == "1" }

    static func check(_ bytes: [UInt8], plugin: String, file: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let url = directory.appendingPathComponent(plugin).appendingPathComponent(file)
        if updating {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record(
                "missing golden file \(url.path): run CASTOR_UPDATE_GOLDEN=1 swift test --filter ProvisioningTests",
                sourceLocation: sourceLocation)
            return
        }
        if [UInt8](expected) != bytes {
            Issue.record(
                """
                \(plugin)/\(file) differs from its golden file (CASTOR_UPDATE_GOLDEN=1 regenerates it).
                --- rendered ---
                \(String(decoding: bytes, as: UTF8.self))
                --- golden ---
                \(String(decoding: expected, as: UTF8.self))
                """, sourceLocation: sourceLocation)
        }
    }
}
