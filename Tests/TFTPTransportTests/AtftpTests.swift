import CastorTestSupport
import Foundation
import TFTPProtocol
import TFTPTransport
import Testing

/// atftp 0.8.0 against the server: sizes around the block boundaries, with and without options (blksize,
/// tsize, windowsize), byte for byte.
@Suite(.enabled(if: TFTPClients.available, "needs atftp and tftp-hpa (scripts/setup.sh installs them)"))
struct AtftpTests {
    static let sizes = [0, 511, 512, 513, 1468 * 3, 100 * 1024]

    static let optionSets: [[String]] = [
        [],
        ["blksize 1468", "tsize 0"],
        ["blksize 1468", "tsize 0", "windowsize 16"],
        ["windowsize 4"],
    ]

    static func files() -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for (index, size) in sizes.enumerated() { files["sizes/file-\(size)"] = randomBytes(size, seed: UInt64(index)) }
        return files
    }

    @Test(arguments: optionSets)
    func fetchesEverySizeByteForByte(options: [String]) async throws {
        let files = Self.files()
        try await TFTPLab.with(files: files) { lab in
            for size in Self.sizes {
                let name = "sizes/file-\(size)"
                let local = lab.download(name + "-" + options.joined(separator: "_"))
                let output = try await TFTPClients.atftp(get: name, to: local, port: lab.port, options: options)
                #expect(output.status == 0, "atftp \(options) \(name): \(output.stderr)")
                #expect(TFTPLab.contents(local) == files[name], "atftp \(options) \(name)")
            }
            await lab.waitForEndedTransfers(Self.sizes.count)
            #expect(lab.server.counters.transfersCompleted == Self.sizes.count)
            #expect(lab.server.activeTransfers == 0)
        }
    }
}
