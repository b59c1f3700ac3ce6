import Foundation
import NIOCore
import NIOPosix

/// A local control socket: a Unix stream socket where each line is a JSON request and each answer one line
/// of JSON. The supervisor serves `castor status`, `castor service restart` and the daemons' readiness
/// notices on one in the run dir; each daemon may serve its own console commands the same way.
///
/// ```swift
/// let server = try await ControlServer.bind(path: "/run/castor/supervisor.sock") { request in
///     try JSONEncoder().encode(answer(to: request))
/// }
/// try await server.run()   // until the task is cancelled
/// ```
///
/// The socket file is created mode 0600: only root (the appliance's user) may talk to it.
public final class ControlServer: Sendable {
    public typealias Handler = @Sendable (Data) async -> Data

    private let listener: UnixStreamListener
    private let handler: Handler
    public var path: String { listener.path }

    /// The largest request line accepted.
    public static let maximumLineLength = 64 * 1024

    private init(listener: UnixStreamListener, handler: @escaping Handler) {
        self.listener = listener
        self.handler = handler
    }

    /// Binds the socket (replacing a stale socket file left by a killed process). Throws a `ControlError`
    /// naming the path when it cannot.
    public static func bind(path: String, handler: @escaping Handler) async throws -> ControlServer {
        let listener = try await UnixStreamListener.bind(path: path) {
            LineFrameDecoder(maximumLength: maximumLineLength)
        }
        return ControlServer(listener: listener, handler: handler)
    }

    /// Serves connections until the calling task is cancelled; then closes the socket and removes its file.
    public func run() async throws {
        try await listener.run { connection in await self.serve(connection) }
    }

    private func serve(_ connection: UnixStreamListener.Connection) async {
        try? await connection.executeThenClose { inbound, outbound in
            for try await line in inbound {
                var reply = await handler(Data(line.readableBytesView))
                reply.append(UInt8(ascii: "\n"))
                try await outbound.write(ByteBuffer(bytes: reply))
            }
        }
    }
}

/// A control socket could not be bound or reached.
public struct ControlError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}
