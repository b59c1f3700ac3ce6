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

    private let listener: UnixStreamListener
    private let handler: Handler
    public var path: String { listener.path }
    /// Kea's control channel timeout (10 s by default).
    public let requestTimeout: Duration

    /// The largest request accepted (a `config-set` carrying a whole configuration fits).
    public static let maximumRequestLength = 4 * 1024 * 1024

    private init(listener: UnixStreamListener, requestTimeout: Duration, handler: @escaping Handler) {
        self.listener = listener
        self.requestTimeout = requestTimeout
        self.handler = handler
    }

    /// Binds the socket (replacing a stale socket file). Throws a `ControlError` naming the path.
    public static func bind(path: String, requestTimeout: Duration = .seconds(10), handler: @escaping Handler)
        async throws -> KeaControlServer
    {
        // Half-closure allowed: `socat` shuts its side down after the request and still reads the reply.
        let listener = try await UnixStreamListener.bind(path: path, allowHalfClosure: true) {
            JSONObjectFrameDecoder(maximumLength: maximumRequestLength)
        }
        return KeaControlServer(listener: listener, requestTimeout: requestTimeout, handler: handler)
    }

    /// Serves connections until the calling task is cancelled; then closes the socket and removes its file.
    public func run() async throws {
        try await listener.run { connection in await self.serve(connection) }
    }

    private enum Arrival: Sendable {
        case request(ByteBuffer)
        case closed
        case timedOut
    }

    /// One request, one reply, then close (Kea's behaviour).
    private func serve(_ connection: UnixStreamListener.Connection) async {
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
