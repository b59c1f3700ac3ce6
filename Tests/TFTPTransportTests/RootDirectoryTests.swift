import Foundation
import TFTPProtocol
import Testing

@testable import TFTPTransport

#if canImport(Glibc)
    import Glibc
#endif

/// Opening files under the root: regular files only, no symbolic link anywhere, errors as TFTP codes.
@Suite struct RootDirectoryTests {
    /// A temporary tree: `a.bin`, `dir/b.bin`, links, a FIFO.
    final class Tree {
        let path = NSTemporaryDirectory() + "castor-tftp-root-" + UUID().uuidString.prefix(8)

        init() throws {
            let manager = FileManager.default
            try manager.createDirectory(atPath: path + "/dir/sub", withIntermediateDirectories: true)
            try Data(randomBytes(5000, seed: 1)).write(to: URL(fileURLWithPath: path + "/a.bin"))
            try Data([1, 2, 3]).write(to: URL(fileURLWithPath: path + "/dir/b.bin"))
            try manager.createSymbolicLink(atPath: path + "/passwd", withDestinationPath: "/etc/passwd")
            try manager.createSymbolicLink(atPath: path + "/inside", withDestinationPath: "a.bin")
            try manager.createSymbolicLink(atPath: path + "/linkdir", withDestinationPath: path + "/dir")
            try manager.createSymbolicLink(atPath: path + "/etc", withDestinationPath: "/etc")
            mkfifo(path + "/fifo", 0o644)
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    @Test func readsARegularFileByOffset() throws {
        let tree = try Tree()
        let root = try TFTPRootDirectory(path: tree.path)
        let file = try root.open(["a.bin"])
        let bytes = randomBytes(5000, seed: 1)
        #expect(file.byteCount == 5000)
        #expect(try file.read(offset: 0, length: 512) == Array(bytes[0..<512]))
        #expect(try file.read(offset: 4900, length: 512) == Array(bytes[4900...]))
        #expect(try file.read(offset: 5000, length: 512) == [])
        #expect(try file.read(offset: 9000, length: 512) == [])
        #expect(try file.read(offset: -1, length: 512) == [])
        #expect(try root.open(["dir", "b.bin"]).read(offset: 0, length: 10) == [1, 2, 3])
    }

    @Test(arguments: [
        (["missing"], TFTPErrorCode.fileNotFound),
        (["dir", "missing"], .fileNotFound),
        (["a.bin", "x"], .fileNotFound),  // a file used as a directory
        (["passwd"], .accessViolation),  // a link out of the root
        (["inside"], .accessViolation),  // a link inside it: refused all the same
        (["linkdir", "b.bin"], .accessViolation),  // a link as a directory on the way
        (["etc", "passwd"], .accessViolation),
        (["dir"], .accessViolation),  // a directory
        (["dir", "sub"], .accessViolation),
        (["fifo"], .accessViolation),  // would block a plain open
        (["..", "x"], .accessViolation),
        (["dir/../a.bin"], .accessViolation),
        ([], .accessViolation),
    ])
    func refuses(components: [String], code: TFTPErrorCode) throws {
        let tree = try Tree()
        let root = try TFTPRootDirectory(path: tree.path)
        #expect {
            _ = try root.open(components)
        } throws: { error in
            (error as? TFTPOpenFailure)?.code == code
        }
    }

    @Test func messagesSayNothingOfTheServersFiles() throws {
        let tree = try Tree()
        let root = try TFTPRootDirectory(path: tree.path)
        do {
            _ = try root.open(["passwd"])
            Issue.record("opened a symbolic link")
        } catch {
            #expect(error.message == "Access violation")
            #expect(error.reason.contains("symbolic link"))
            guard case .refuse(.accessViolation, "Access violation") = error.resolution else {
                Issue.record("resolution \(error.resolution)")
                return
            }
        }
    }

    @Test func rootMustBeADirectory() throws {
        let tree = try Tree()
        #expect(throws: TFTPRootDirectoryError.self) { try TFTPRootDirectory(path: tree.path + "/a.bin") }
        #expect(throws: TFTPRootDirectoryError.self) { try TFTPRootDirectory(path: tree.path + "/nothing") }
    }
}
