import Foundation
import Testing

@testable import CastorSettings

@Suite("Loading a file")
struct SettingsLoadTests {
    /// A fresh directory per test, removed afterwards.
    private func withDirectory(_ body: (String) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("castor-settings-\(UInt64.random(in: 0...UInt64.max))").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try body(directory)
    }

    @Test("load reads the file and names it in errors")
    func loadsFile() throws {
        try withDirectory { directory throws in
            let path = directory + "/castor.yaml"
            try "api:\n  port: 9000\n".write(toFile: path, atomically: true, encoding: .utf8)
            #expect(try Settings.load(path: path).api.port == 9000)

            try "api:\n  port: nine\n".write(toFile: path, atomically: true, encoding: .utf8)
            #expect(
                throws: SettingsError(
                    file: path, line: 2, column: 9, key: "api.port",
                    message: "expected an integer from 0 to 65535, got \"nine\"")
            ) {
                try Settings.load(path: path)
            }
        }
    }

    @Test("an empty file gives the defaults")
    func emptyFile() throws {
        try withDirectory { directory throws in
            let path = directory + "/castor.yaml"
            _ = FileManager.default.createFile(atPath: path, contents: Data())
            #expect(try Settings.load(path: path) == Settings())
        }
    }

    @Test("a missing file is an error at line 0 with the system's reason")
    func missingFile() {
        let path = "/nonexistent-castor-test/castor.yaml"
        #expect(
            throws: SettingsError(
                file: path, line: 0, column: 0, key: "", message: "cannot read the file: No such file or directory")
        ) {
            try Settings.load(path: path)
        }
    }

    @Test("a directory is not a settings file")
    func directory() throws {
        try withDirectory { directory throws in
            #expect(
                throws: SettingsError(
                    file: directory, line: 0, column: 0, key: "", message: "cannot read the file: Is a directory")
            ) {
                try Settings.load(path: directory)
            }
        }
    }

    @Test("bytes that are not UTF-8 are pointed at")
    func notUTF8() throws {
        try withDirectory { directory throws in
            let path = directory + "/castor.yaml"
            let bytes = Array("api:\n  admin_user: ab".utf8) + [0xFF] + Array("\n".utf8)
            _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
            #expect(
                throws: SettingsError(
                    file: path, line: 2, column: 17, key: "", message: "the file is not valid UTF-8 text")
            ) {
                try Settings.load(path: path)
            }
        }
    }
}
