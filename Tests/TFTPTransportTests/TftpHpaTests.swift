import CastorTestSupport
import Foundation
import TFTPProtocol
import TFTPTransport
import Testing

/// tftp-hpa's client (RFC 1350 lock-step, 512-byte blocks, no options) against the server.
@Suite(.enabled(if: TFTPClients.available, "needs atftp and tftp-hpa (scripts/setup.sh installs them)"))
struct TftpHpaTests {
    @Test func fetchesEverySizeByteForByte() async throws {
        let files = AtftpTests.files()
        try await TFTPLab.with(files: files) { lab in
            for size in AtftpTests.sizes {
                let name = "sizes/file-\(size)"
                let local = lab.download(name)
                let output = try await TFTPClients.tftp(get: name, to: local, port: lab.port)
                #expect(output.status == 0, "tftp \(name): \(output.stdout) \(output.stderr)")
                #expect(TFTPLab.contents(local) == files[name], "tftp \(name)")
            }
        }
    }

    /// A leading `/` means the root (tftp-hpa `--secure` semantics), and backslashes separate components.
    @Test func leadingSlashAndBackslashNameTheSameFile() async throws {
        let bytes = randomBytes(3000, seed: 9)
        try await TFTPLab.with(files: ["snom/snom715.htm": bytes]) { lab in
            for name in ["/snom/snom715.htm", "snom\\snom715.htm", "snom//./snom715.htm"] {
                let local = lab.download(name)
                let output = try await TFTPClients.tftp(get: name, to: local, port: lab.port)
                #expect(output.status == 0, "tftp \(name): \(output.stdout) \(output.stderr)")
                #expect(TFTPLab.contents(local) == bytes, "tftp \(name)")
            }
        }
    }

    /// netascii (RFC 1350 §5): the server sends LF as CR LF and CR as CR NUL; tftp-hpa in `-m ascii` decodes
    /// both back, so the file arrives as stored.
    @Test func netasciiRoundTrips() async throws {
        let text = Array("line 1\nline 2\r\nbare\rcr\n".utf8) + Array(repeating: UInt8(ascii: "\n"), count: 600)
        try await TFTPLab.with(files: ["notes.txt": text]) { lab in
            let local = lab.download("notes.txt")
            let output = try await Subprocess.run(
                TFTPClients.tftpPath, ["127.0.0.1", String(lab.port), "-m", "ascii", "-c", "get", "notes.txt", local])
            #expect(output.status == 0, "tftp: \(output.stdout) \(output.stderr)")
            #expect(TFTPLab.contents(local) == text)
            await lab.waitForEndedTransfers(1)
            let encoded = TFTPNetascii.encodedCount(of: text)
            #expect(lab.handler.outcomes == [.completed(blocks: encoded / 512 + 1, bytes: encoded)])
        }
    }
}
