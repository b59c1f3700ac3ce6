import TFTPProtocol

#if canImport(Glibc)
    import Glibc
#endif

/// The directory a TFTP server serves, opened once; files below it are opened so that nothing outside it can
/// be reached, whatever the directory contains.
///
/// ```swift
/// let root = try TFTPRootDirectory(path: "/srv/tftp")
/// let file = try root.open(["snom", "snom715.htm"])   // components from TFTPPathPolicy
/// ```
///
/// ``open(_:)`` walks the components with openat(2), one at a time from the root's descriptor, each with
/// `O_NOFOLLOW` (and `O_DIRECTORY` for the directories on the way), then requires a regular file (fstat(2)).
/// So **every symbolic link below the root is refused**, even one that points inside it: that is simpler to
/// reason about than resolving links and checking where they land, and leaves no race between a check and
/// the open. Serve a file under two names with a hard link or a copy instead. The root itself may be a
/// symbolic link (it is the operator's choice, resolved once here). The final open also has `O_NONBLOCK`,
/// so a FIFO planted in the tree cannot hang the server before fstat refuses it.
public final class TFTPRootDirectory: Sendable {
    /// The path the root was opened with.
    public let path: String
    private let descriptor: Int32

    /// Opens `path` as the root. Throws ``TFTPRootDirectoryError`` if it is not an accessible directory.
    public init(path: String) throws(TFTPRootDirectoryError) {
        let descriptor = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw TFTPRootDirectoryError("cannot open the TFTP root \(path): \(String(cString: strerror(errno)))")
        }
        self.path = path
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Opens the regular file at `components` below the root (components as ``TFTPProtocol/TFTPPathPolicy``
    /// returns them; `..`, `.`, empty names and names containing `/` are refused again here regardless).
    public func open(_ components: [String]) throws(TFTPOpenFailure) -> TFTPDiskFile {
        let shown = components.joined(separator: "/")
        guard !components.isEmpty else { throw .accessViolation(shown, "no file name") }
        var directory = descriptor
        // The descriptor of the last intermediate directory opened, closed when the walk moves past it.
        var intermediate: Int32?
        defer { if let intermediate { close(intermediate) } }
        for (index, name) in components.enumerated() {
            guard name != ".", name != "..", !name.isEmpty, !name.utf8.contains(0x2F), !name.utf8.contains(0) else {
                throw .accessViolation(shown, "component \"\(name)\" is not a plain name")
            }
            let isLast = index == components.count - 1
            let flags = O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | (isLast ? O_NONBLOCK : O_DIRECTORY)
            let opened = openat(directory, name, flags)
            guard opened >= 0 else {
                let code = errno
                // A symbolic link gives ELOOP as the last component but ENOTDIR as a directory on the way.
                if Self.isSymbolicLink(name, in: directory) {
                    throw .accessViolation(shown, "\"\(name)\" is a symbolic link (refused)")
                }
                throw .from(errno: code, path: shown)
            }
            guard isLast else {
                if let intermediate { close(intermediate) }
                intermediate = opened
                directory = opened
                continue
            }
            var status = stat()
            guard fstat(opened, &status) == 0 else {
                let code = errno
                close(opened)
                throw .from(errno: code, path: shown)
            }
            guard status.st_mode & S_IFMT == S_IFREG else {
                close(opened)
                throw .accessViolation(shown, "not a regular file")
            }
            return TFTPDiskFile(descriptor: opened, byteCount: Int(status.st_size))
        }
        throw .accessViolation(shown, "no file name")
    }

    private static func isSymbolicLink(_ name: String, in directory: Int32) -> Bool {
        var status = stat()
        return fstatat(directory, name, &status, AT_SYMLINK_NOFOLLOW) == 0 && status.st_mode & S_IFMT == S_IFLNK
    }
}
