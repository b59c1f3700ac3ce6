import Foundation

/// The RFC 4475 torture messages under `Fixtures/rfc4475/{valid,invalid}/`, read as raw bytes: several carry
/// CRLF, NUL or trailing whitespace on purpose (kept by `-text` in `.gitattributes`).
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/rfc4475")

    /// The names (without `.dat`) of the files in `valid` or `invalid`, sorted.
    static func names(_ folder: String) -> [String] {
        let path = directory.appendingPathComponent(folder).path
        let files = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return files.filter { $0.hasSuffix(".dat") }.map { String($0.dropLast(4)) }.sorted()
    }

    static func bytes(_ folder: String, _ name: String) -> [UInt8] {
        let path = directory.appendingPathComponent(folder).appendingPathComponent("\(name).dat").path
        return FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
    }

    /// Every valid message, then every invalid one: the fuzz seeds use these too.
    static var all: [[UInt8]] {
        names("valid").map { bytes("valid", $0) } + names("invalid").map { bytes("invalid", $0) }
    }
}

extension Array where Element == UInt8 {
    /// Test messages are written with `\n`; the wire uses CRLF.
    static func crlf(_ text: String) -> [UInt8] {
        Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    }
}
