import Foundation
import NIOCore
import NIOPosix

/// Kea's control channel (`control-socket` with `socket-type: unix`, notes/kea-dhcp.md §4): a Unix stream
/// socket where a client sends one JSON request with no terminator, gets one reply and the connection is
/// closed — so `socat UNIX:/run/castor/kea4-ctrl-socket -` and Kea's own tools work unchanged.
///
/// ```swift
/// let server = try await KeaControlServer.bind(path: "/run/castor/kea4-ctrl-socket") { request in
///     await KeaCommandProcessor.handle(request, host: dhcp, now: now())
/// }
/// try await server.run()   // until the task is cancelled
/// ```
///
/// As Kea, a request that does not complete within ``requestTimeout`` is answered with an error and
/// dropped. The socket file is created mode 0600.
public final class KeaControlServer: Sendable {
    public typealias Handler = @Sendable ([UInt8]) async -> [UInt8]

    private let channel: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>
    private let handler: Handler
    public let path: String
    /// Kea's control channel timeout (10 s by default).
    public let requestTimeout: Duration

    /// The largest request accepted (a `config-set` carrying a whole configuration fits).
    public static let maximumRequestLength = 4 * 1024 * 1024

    private init(
        channel: NIOAsyncChannel<NIOAsyncChannel<ByteBuffer, ByteBuffer>, Never>, path: String,
        requestTimeout: Duration, handler: @escaping Handler
    ) {
        self.channel = channel
        self.path = path
        self.requestTimeout = requestTimeout
        self.handler = handler
    }

    /// Binds the socket (replacing a stale socket file). Throws a `ControlError` naming the path.
    public static func bind(path: String, requestTimeout: Duration = .seconds(10), handler: @escaping Handler)
        async throws -> KeaControlServer
    {
        guard path.utf8.count < 108 else {
            throw ControlError(path: path, reason: "the socket path is longer than 107 bytes (a Unix socket's limit)")
        }
        do {
            // Half-closure allowed: `socat` shuts its side down after the request and still reads the reply.
            let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .childChannelOption(.allowRemoteHalfClosure, value: true)
                .bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true) { child in
                    child.eventLoop.makeCompletedFuture {
                        try child.pipeline.syncOperations.addHandler(
                            ByteToMessageHandler(JSONObjectFrameDecoder(maximumLength: maximumRequestLength)))
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: child)
                    }
                }
            chmod(path, 0o600)
            return KeaControlServer(channel: channel, path: path, requestTimeout: requestTimeout, handler: handler)
        } catch {
            throw ControlError(path: path, reason: "cannot listen: \(error)")
        }
    }

    /// Serves connections until the calling task is cancelled; then closes the socket and removes its file.
    public func run() async throws {
        defer { unlink(path) }
        try await withTaskCancellationHandler {
            try await withThrowingDiscardingTaskGroup { group in
                try await channel.executeThenClose { inbound in
                    for try await connection in inbound {
                        group.addTask { await self.serve(connection) }
                    }
                }
            }
        } onCancel: {
            channel.channel.close(promise: nil)
        }
    }

    private enum Arrival: Sendable {
        case request(ByteBuffer)
        case closed
        case timedOut
    }

    /// One request, one reply, then close (Kea's behaviour).
    private func serve(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>) async {
        let timeout = requestTimeout
        try? await connection.executeThenClose { inbound, outbound in
            let arrival = try await withThrowingTaskGroup(of: Arrival.self) { group in
                group.addTask {
                    var iterator = inbound.makeAsyncIterator()
                    return try await iterator.next().map(Arrival.request) ?? .closed
                }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return .timedOut
                }
                let first = try await group.next() ?? .closed
                group.cancelAll()
                return first
            }
            let reply: [UInt8]
            switch arrival {
            case .request(let request):
                reply = await handler(Array(request.readableBytesView))
            case .timedOut:
                reply = Array(#"{ "result": 1, "text": "Connection over control channel timed out" }"#.utf8)
            case .closed:
                return
            }
            try await outbound.write(ByteBuffer(bytes: reply))
        }
    }
}
