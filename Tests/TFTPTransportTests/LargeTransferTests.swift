import CastorTestSupport
import Foundation
import TFTPTransport
import Testing

/// Files past 65535 blocks (block numbers roll over to 0) and many clients at once.
@Suite(.enabled(if: TFTPClients.available, "needs atftp and tftp-hpa (scripts/setup.sh installs them)"))
struct LargeTransferTests {
    /// 40 MB in 512-byte blocks is 81 921 blocks: the block number wraps once. The file is made and compared
    /// by dd and cmp, out of process: 40 MB of work in a debug build would hold a thread of the cooperative
    /// pool that the other tests' servers resolve their requests on.
    @Test func fortyMegabytesWithRollover() async throws {
        try await TFTPLab.with { lab in
            let size = 40 * 1024 * 1024
            let made = try await Subprocess.run(
                "/usr/bin/dd", ["if=/dev/urandom", "of=\(lab.root)/firmware.bin", "bs=1M", "count=40"])
            #expect(made.status == 0, "dd: \(made.stderr)")
            let local = lab.download("firmware.bin")
            let output = try await TFTPClients.atftp(
                get: "firmware.bin", to: local, port: lab.port, options: ["blksize 512", "tsize 0"],
                limit: .seconds(60))
            #expect(output.status == 0, "atftp: \(output.stderr)")
            let compared = try await Subprocess.run("/usr/bin/cmp", [lab.root + "/firmware.bin", local])
            #expect(compared.status == 0, "cmp: \(compared.stdout)")
            await lab.waitForEndedTransfers(1)
            #expect(lab.handler.outcomes == [.completed(blocks: size / 512 + 1, bytes: size)])
        }
    }

    @Test func fiftyConcurrentClients() async throws {
        var files: [String: [UInt8]] = [:]
        for index in 0..<50 {
            files["phone-\(index).cfg"] = randomBytes(20_000 + index * 997, seed: UInt64(100 + index))
        }
        try await TFTPLab.with(files: files) { lab in
            let results = try await withThrowingTaskGroup(of: (String, Int32, String).self) { group in
                for index in 0..<50 {
                    let name = "phone-\(index).cfg"
                    let options = index % 2 == 0 ? ["blksize 1468", "windowsize 8"] : []
                    group.addTask {
                        let output = try await TFTPClients.atftp(
                            get: name, to: lab.download(name), port: lab.port, options: options)
                        return (name, output.status, output.stderr)
                    }
                }
                var results: [(String, Int32, String)] = []
                for try await result in group { results.append(result) }
                return results
            }
            #expect(results.count == 50)
            for (name, status, stderr) in results {
                #expect(status == 0, "\(name): \(stderr)")
                #expect(TFTPLab.contents(lab.download(name)) == files[name], "\(name)")
            }
            await lab.waitForEndedTransfers(50)
            #expect(lab.server.counters.transfersCompleted == 50)
        }
    }
}
