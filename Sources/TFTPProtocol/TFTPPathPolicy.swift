/// Turns a requested file name into path components relative to the served root, refusing anything that
/// could escape it. Pure and string-based.
///
/// Rules, in order:
/// 1. An empty name, or one with a control character (U+0000–U+001F, U+007F), is refused.
/// 2. A backslash counts as a separator (``treatsBackslashAsSeparator``), like the `rg \\ /` rule common
///    in tftp-hpa map files for Windows-minded boot ROMs. So `..\\x` is a parent reference and is refused.
/// 3. One leading `/` is dropped: `/snom715.htm` means `snom715.htm` under the root, as tftp-hpa in
///    `--secure` mode treats it. A second leading `/` (`//etc/passwd`) is refused as absolute.
/// 4. Empty components (`a//b`) and `.` are dropped; `..` is refused; other components starting with `.`
///    (hidden files such as `.git`) are refused unless ``allowsHiddenComponents``.
/// 5. Nothing left (`/`, `.`) is refused.
///
/// Symbolic links cannot be judged from a string. The adapter must open the file so that no component
/// resolves outside the root (e.g. `openat` with `O_NOFOLLOW` per component, or `RESOLVE_BENEATH`), and
/// must check that the result is a regular file.
///
/// ```swift
/// let components = try TFTPPathPolicy().components(of: "/snom/snom715-000413A1B2C3.htm")  // ["snom", "snom715-…"]
/// ```
public struct TFTPPathPolicy: Hashable, Sendable {
    public var treatsBackslashAsSeparator: Bool
    public var allowsHiddenComponents: Bool
    /// The longest name accepted, in UTF-8 bytes.
    public var maximumLength: Int

    public init(
        treatsBackslashAsSeparator: Bool = true, allowsHiddenComponents: Bool = false, maximumLength: Int = 1024
    ) {
        self.treatsBackslashAsSeparator = treatsBackslashAsSeparator
        self.allowsHiddenComponents = allowsHiddenComponents
        self.maximumLength = maximumLength
    }

    /// The components of `filename` below the root, or why it is refused.
    public func components(of filename: String) throws(TFTPPathRefusal) -> [String] {
        guard !filename.isEmpty else { throw .empty }
        guard filename.utf8.count <= maximumLength else { throw .tooLong(filename.utf8.count) }
        guard !filename.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw .controlCharacter
        }
        var parts = filename.split(
            omittingEmptySubsequences: false,
            whereSeparator: { $0 == "/" || (treatsBackslashAsSeparator && $0 == "\\") })
        if parts.count > 1 && parts[0].isEmpty { parts.removeFirst() }
        if parts.count > 1 && parts[0].isEmpty { throw .absolute }
        var components: [String] = []
        for part in parts where !part.isEmpty && part != "." {
            if part == ".." { throw .parentDirectory }
            if part.hasPrefix(".") && !allowsHiddenComponents { throw .hiddenComponent(String(part)) }
            components.append(String(part))
        }
        guard !components.isEmpty else { throw .noFile }
        return components
    }
}

/// Why ``TFTPPathPolicy`` refused a file name; ``errorPacket`` is the answer owed to the client.
public enum TFTPPathRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    case empty
    case tooLong(Int)
    case controlCharacter
    case absolute
    case parentDirectory
    case hiddenComponent(String)
    /// Nothing but separators and `.`: the root itself.
    case noFile

    /// ERROR 2 (access violation) for every refusal: the file is not served, whatever is on disk.
    public var errorPacket: TFTPPacket { .error(.accessViolation, message: "Access violation: \(description)") }

    public var description: String {
        switch self {
        case .empty: return "empty file name"
        case .tooLong(let length): return "file name of \(length) bytes is too long"
        case .controlCharacter: return "control character in file name"
        case .absolute: return "absolute path"
        case .parentDirectory: return "\"..\" in path"
        case .hiddenComponent(let name): return "hidden path component \"\(name)\""
        case .noFile: return "no file name"
        }
    }
}
