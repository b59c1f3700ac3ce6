import CastorTestSupport
import Foundation
import NIOPosix
import Synchronization
import TFTPProtocol
import TFTPTransport

/// A server on 127.0.0.1 (ephemeral port) serving a temporary root directory, with a separate directory for
/// what clients download, and a handler that records how each transfer ended.
struct TFTPLab {
    /// The labs' own event loops: the test process also runs DHCP servers and HTTP apps on NIO's singleton
    /// group, whose work (a perfdhcp load, lease files) would otherwise delay these packet-timing tests.
    static let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)

    let root: String
    let downloads: String
    let server: TFTPServer
    let handler: RecordingHandler

    var port: UInt16 { server.localPort }

    /// The lab's configuration: loopback, ephemeral port; short timeouts when `quick` (but enough retries
    /// for a client slowed down by a busy machine to keep up: the whole test suite runs in parallel).
    static func configuration(quick: Bool = false) -> TFTPServerConfiguration {
        var configuration = TFTPServerConfiguration(host: "127.0.0.1", port: 0)
        if quick {
            configuration.retransmission = TFTPRetransmission(
                initialTimeout: .milliseconds(200), maximumTimeout: .milliseconds(400), maximumRetries: 10)
        }
        return configuration
    }

    /// Writes `files` (relative paths) under a new root and starts a server on it, on `group` (the labs' own
    /// by default).
    static func start(
        files: [String: [UInt8]] = [:], configuration: TFTPServerConfiguration = configuration(),
        group: MultiThreadedEventLoopGroup = TFTPLab.group
    ) async throws -> TFTPLab {
        let base = NSTemporaryDirectory() + "castor-tftp-" + UUID().uuidString.prefix(8)
        let root = base + "/root"
        let downloads = base + "/downloads"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: downloads, withIntermediateDirectories: true)
        for (name, bytes) in files {
            let path = root + "/" + name
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        let handler = RecordingHandler(base: TFTPDirectoryHandler(root: try TFTPRootDirectory(path: root)))
        let server = try await TFTPServer.start(configuration: configuration, handler: handler, group: group)
        return TFTPLab(root: root, downloads: downloads, server: server, handler: handler)
    }

    /// Stops the server and deletes both directories.
    func stop() async {
        await server.stop()
        try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent)
    }

    /// Runs `body` with a lab, stopping it afterwards whatever happens.
    static func with<Result>(
        files: [String: [UInt8]] = [:], configuration: TFTPServerConfiguration = configuration(),
        group: MultiThreadedEventLoopGroup = TFTPLab.group, _ body: (TFTPLab) async throws -> Result
    ) async throws -> Result {
        let lab = try await start(files: files, configuration: configuration, group: group)
        do {
            let result = try await body(lab)
            await lab.stop()
            return result
        } catch {
            await lab.stop()
            throw error
        }
    }

    /// A fresh path in the downloads directory.
    func download(_ name: String) -> String { downloads + "/" + name.replacingOccurrences(of: "/", with: "_") }

    /// The bytes at `path`, or nil if there is no file.
    static func contents(_ path: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) }
    }

    /// Waits (briefly) until the handler has recorded `count` ended transfers: the server reports the end
    /// on the transfer's event loop, possibly just after the client has exited.
    func waitForEndedTransfers(_ count: Int) async {
        let deadline = ContinuousClock.now + .seconds(5)
        while handler.outcomes.count < count && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(5))
        }
    }
}

/// Serves like its base handler and records every transfer's outcome.
final class RecordingHandler: TFTPRequestHandler {
    let base: TFTPDirectoryHandler
    private let ended = Mutex<[TFTPTransferOutcome]>([])

    init(base: TFTPDirectoryHandler) { self.base = base }

    func resolve(_ request: TFTPReadContext) async -> TFTPResolution { await base.resolve(request) }

    func resolveNow(_ request: TFTPReadContext) -> TFTPResolution? { base.resolveNow(request) }

    func transferEnded(_ context: TFTPReadContext, outcome: TFTPTransferOutcome) {
        ended.withLock { $0.append(outcome) }
    }

    var outcomes: [TFTPTransferOutcome] { ended.withLock { $0 } }
}

/// Deterministic pseudo-random file contents.
func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
    var state = seed | 1
    var bytes = [UInt8](repeating: 0, count: count)
    var index = 0
    while index < count {
        // xorshift64: fast enough in a debug build for tens of megabytes.
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        var word = state
        for _ in 0..<8 where index < count {
            bytes[index] = UInt8(truncatingIfNeeded: word)
            word >>= 8
            index += 1
        }
    }
    return bytes
}
