import TFTPProtocol

/// What a ``TFTPRequestHandler`` learns about an admitted read request: the RRQ as parsed, the file name as
/// path components ``TFTPPathPolicy`` accepted, and who asked.
///
/// ```swift
/// func resolve(_ request: TFTPReadContext) async -> TFTPResolution {
///     // request.path == ["snom", "snom715-000413A1B2C3.htm"], request.clientAddress == "10.0.0.23"
///     guard let bytes = profiles[request.path.joined(separator: "/")] else {
///         return .refuse(.fileNotFound, message: "File not found")
///     }
///     return .file(TFTPMemorySource(bytes))
/// }
/// ```
public struct TFTPReadContext: Hashable, Sendable, CustomStringConvertible {
    /// The RRQ: file name as sent, mode and options.
    public var request: TFTPRequest
    /// The file name split into components below the root, already vetted: no `..`, no absolute path.
    public var path: [String]
    /// The client's IPv4 address in dotted-quad notation.
    public var clientAddress: String
    /// The client's UDP port: its transfer ID (RFC 1350 §4).
    public var clientPort: UInt16

    public init(request: TFTPRequest, path: [String], clientAddress: String, clientPort: UInt16) {
        self.request = request
        self.path = path
        self.clientAddress = clientAddress
        self.clientPort = clientPort
    }

    /// `RRQ "snom/x.htm" octet from 10.0.0.23:2070`, for logs.
    public var description: String {
        "RRQ \"\(request.filename)\" \(request.mode.rawValue) from \(clientAddress):\(clientPort)"
    }
}
