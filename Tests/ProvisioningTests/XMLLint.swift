import CastorTestSupport
import Foundation

/// Runs Debian's `xmllint` (libxml2-utils) on rendered XML: libxml2 decides well-formedness, not us.
enum XMLLint {
    static let path: String? = {
        let directories =
            (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + ["/usr/bin", "/usr/local/bin"]
        return directories.map { $0 + "/xmllint" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static var isAvailable: Bool { path != nil }

    /// nil when `bytes` is well-formed XML; else xmllint's complaint.
    static func problems(in bytes: [UInt8], name: String) throws -> String? {
        guard let path else { return "xmllint is not installed" }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "castor-xmllint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent(name.isEmpty ? "file.xml" : name)
        try Data(bytes).write(to: file)

        let errors = directory.appendingPathComponent("xmllint.err").path
        let process = try Subprocess.start(path, ["--noout", file.path], stdout: "/dev/null", stderr: errors)
        process.waitUntilExit()
        guard process.terminationStatus != 0 else { return nil }
        let output = (try? Data(contentsOf: URL(fileURLWithPath: errors))) ?? Data()
        return String(decoding: output, as: UTF8.self)
    }
}
