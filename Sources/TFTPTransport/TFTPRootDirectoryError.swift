/// The root directory could not be opened: missing, not a directory, or not readable.
///
/// ```swift
/// do { root = try TFTPRootDirectory(path: "/srv/tftp") } catch { print(error) }
/// // cannot open the TFTP root /srv/tftp: No such file or directory
/// ```
public struct TFTPRootDirectoryError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
