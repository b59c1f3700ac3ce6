import TFTPProtocol

/// A ``TFTPRequestHandler``'s answer to a read request: the bytes to send, or the ERROR to send instead.
///
/// ```swift
/// return .file(try root.open(request.path))                      // a file under the root
/// return .file(TFTPMemorySource(Array(rendered.utf8)))           // generated content
/// return .refuse(.fileNotFound, message: "File not found")       // ERROR 1
/// ```
public enum TFTPResolution: Sendable {
    /// Serve this source from a fresh port (the transfer's TID), negotiating the RRQ's options.
    case file(any TFTPFileSource & Sendable)
    /// Send this ERROR once from the well-known port and forget the request (RFC 1350 §7).
    case refuse(TFTPErrorCode, message: String)
}
