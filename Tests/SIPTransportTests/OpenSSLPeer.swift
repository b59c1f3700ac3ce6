import CastorTestSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `openssl s_client` or `s_server` as a TLS phone: what the test writes goes to its stdin (kept open, so
/// the program keeps its connection), what it receives lands in a file.
final class OpenSSLPeer {
    static let openssl = "/usr/bin/openssl"

    let process: ChildProcess
    /// The write end of the child's stdin.
    private let input: FileHandle
    private let outputPath: String
    private let directory: String

    private init(arguments: [String], directory: String) throws {
        self.directory = directory
        outputPath = directory + "/\(arguments[0]).out"
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw TestFailure("pipe: \(String(cString: strerror(errno)))") }
        defer { close(ends[0]) }  // the child has its copy as stdin; the write end stays here
        input = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
        process = try Subprocess.start(
            Self.openssl, arguments, stdin: ends[0], stdout: outputPath, stderr: "/dev/null")
    }

    /// A client connected to 127.0.0.1:`port` (the certificate is not verified: `-quiet` goes on anyway).
    static func client(port: Int, directory: String) throws -> OpenSSLPeer {
        try OpenSSLPeer(
            arguments: ["s_client", "-connect", "127.0.0.1:\(port)", "-quiet"], directory: directory)
    }

    /// A server on 127.0.0.1:`port` with the certificate and key.
    static func server(port: Int, files: TLSFiles) throws -> OpenSSLPeer {
        try OpenSSLPeer(
            arguments: [
                "s_server", "-accept", "127.0.0.1:\(port)", "-cert", files.certificate, "-key", files.key, "-quiet",
            ],
            directory: files.directory)
    }

    func write(_ bytes: [UInt8]) { input.write(Data(bytes)) }

    /// Everything received so far.
    var output: [UInt8] { [UInt8](FileManager.default.contents(atPath: outputPath) ?? Data()) }

    /// Waits until the output holds `bytes`.
    func waitForOutput(_ bytes: [UInt8], within limit: Duration = .seconds(20)) async throws {
        try await waitUntil("openssl to receive \(bytes.count) bytes (has \(output.count))", within: limit) {
            output.count >= bytes.count && output.suffix(bytes.count).elementsEqual(bytes)
        }
    }

    func stop() async {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        await Subprocess.waitForExit(process, limit: .seconds(10))
        try? input.close()
    }
}
