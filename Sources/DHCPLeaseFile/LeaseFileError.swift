/// A lease file that cannot be read or written, with the file and what to do.
public struct LeaseFileError: Error, Equatable, CustomStringConvertible {
    public var path: String
    /// 1-based line, when the problem is in one (0 otherwise).
    public var line: Int
    public var reason: String

    public init(path: String, line: Int = 0, reason: String) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    public var description: String { line > 0 ? "\(path):\(line): \(reason)" : "\(path): \(reason)" }
}

/// A row skipped while loading (Kea logs `DHCPSRV_MEMFILE_LEASE_LOAD_ROW_ERROR` and goes on).
public struct LeaseRowError: Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var reason: String
    public var description: String { "\(path):\(line): \(reason)" }
}
