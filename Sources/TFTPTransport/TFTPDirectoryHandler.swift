import TFTPProtocol

/// A ``TFTPRequestHandler`` that serves the files under a ``TFTPRootDirectory``, like `in.tftpd --secure`
/// without write support.
///
/// ```swift
/// let handler = TFTPDirectoryHandler(root: try TFTPRootDirectory(path: "/srv/tftp"))
/// let server = try await TFTPServer.start(configuration: TFTPServerConfiguration(), handler: handler)
/// ```
public struct TFTPDirectoryHandler: TFTPRequestHandler {
    public let root: TFTPRootDirectory

    public init(root: TFTPRootDirectory) { self.root = root }

    public func resolve(_ request: TFTPReadContext) async -> TFTPResolution {
        resolveNow(request)
    }

    /// Opening a file does not wait: answered on the listener's event loop.
    public func resolveNow(_ request: TFTPReadContext) -> TFTPResolution {
        do {
            return .file(try root.open(request.path))
        } catch {
            return error.resolution
        }
    }
}
