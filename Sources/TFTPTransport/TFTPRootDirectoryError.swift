/// The root directory could not be opened: `cannot open the TFTP root /srv/tftp: No such file or directory`.
public struct TFTPRootDirectoryError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
