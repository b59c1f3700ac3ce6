import Foundation
import NIOCore
import NIOPosix

/// A listening Unix stream socket whose connections arrive framed by a decoder: what ``ControlServer`` (JSON
/// lines) and ``KeaControlServer`` (Kea's one-request channel) share. The socket file is created mode 0600
/// (only root, the appliance's user, may talk to it), replaces a stale one left by a killed process, and is
/// removed when ``run(_:)`` ends.
struct UnixStreamListener: Sendable {
    typealias Connection = NIOAsyncChannel<ByteBuffer, ByteBuffer>

    let channel: NIOAsyncChannel<Connection, Never>
    let path: String

    /// Throws a `ControlError` naming the path when the socket cannot be bound.
    static func bind<Decoder: ByteToMessageDecoder & Sendable>(
        path: String, allowHalfClosure: Bool = false, decoder: @escaping @Sendable () -> Decoder
    ) async throws -> UnixStreamListener where Decoder.InboundOut == ByteBuffer {
        guard path.utf8.count < 108 else {
            throw ControlError(path: path, reason: "the socket path is longer than 107 bytes (a Unix socket's limit)")
        }
        do {
            let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .childChannelOption(.allowRemoteHalfClosure, value: allowHalfClosure)
                .bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true) { child in
                    child.eventLoop.makeCompletedFuture {
                        try child.pipeline.syncOperations.addHandler(ByteToMessageHandler(decoder()))
                        return try Connection(wrappingChannelSynchronously: child)
                    }
                }
            chmod(path, 0o600)
            return UnixStreamListener(channel: channel, path: path)
        } catch {
            throw ControlError(path: path, reason: "cannot listen: \(error)")
        }
    }

    /// Serves each connection with `serve` until the calling task is cancelled; then closes the socket and
    /// removes its file.
    func run(_ serve: @escaping @Sendable (Connection) async -> Void) async throws {
        defer { unlink(path) }
        try await withTaskCancellationHandler {
            try await withThrowingDiscardingTaskGroup { group in
                try await channel.executeThenClose { inbound in
                    for try await connection in inbound {
                        group.addTask { await serve(connection) }
                    }
                }
            }
        } onCancel: {
            channel.channel.close(promise: nil)
        }
    }
}
