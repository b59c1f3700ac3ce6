import TFTPProtocol

#if canImport(Glibc)
    import Glibc
#endif

/// Why ``TFTPRootDirectory/open(_:)`` serves no file: the ERROR the client gets, and a fuller reason for logs.
///
/// | cause                                                     | ERROR                 |
/// |-----------------------------------------------------------|-----------------------|
/// | no such file (ENOENT), a file used as a directory (ENOTDIR) | 1 File not found      |
/// | permission (EACCES, EPERM), a symbolic link, not a regular file | 2 Access violation |
/// | anything else (EMFILE, EIO…)                              | 0 Cannot open file    |
///
/// ```swift
/// do { return .file(try root.open(request.path)) } catch { return error.resolution }
/// ```
public struct TFTPOpenFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The ERROR code for the client.
    public var code: TFTPErrorCode
    /// The ERROR message for the client: short, naming nothing of the server's file system.
    public var message: String
    /// What went wrong and where, for the server's log: `snom/x.htm: a symbolic link (refused)`.
    public var reason: String

    public init(code: TFTPErrorCode, message: String, reason: String) {
        self.code = code
        self.message = message
        self.reason = reason
    }

    /// The refusal to hand back from ``TFTPRequestHandler/resolve(_:)``.
    public var resolution: TFTPResolution { .refuse(code, message: message) }

    public var description: String { reason }

    static func notFound(_ path: String, _ why: String) -> TFTPOpenFailure {
        TFTPOpenFailure(code: .fileNotFound, message: "File not found", reason: "\(path): \(why)")
    }

    static func accessViolation(_ path: String, _ why: String) -> TFTPOpenFailure {
        TFTPOpenFailure(code: .accessViolation, message: "Access violation", reason: "\(path): \(why)")
    }

    /// The failure for `errno` from openat(2) on `path`.
    static func from(errno code: Int32, path: String) -> TFTPOpenFailure {
        let text = String(cString: strerror(code))
        switch code {
        case ENOENT, ENOTDIR, ENAMETOOLONG: return .notFound(path, text)
        case EACCES, EPERM, ELOOP: return .accessViolation(path, text)
        default: return TFTPOpenFailure(code: .undefined, message: "Cannot open file", reason: "\(path): \(text)")
        }
    }
}
