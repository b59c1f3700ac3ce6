#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a settings file as UTF-8 text with POSIX calls, so that an unreadable file is reported with the
/// operating system's own words (`No such file or directory`, `Permission denied`).
enum SettingsFile {
    /// Far beyond any real settings file; refusing more keeps a mistaken `--config /dev/zero` from eating
    /// memory.
    static let maximumSize = 1 << 20

    static func contents(ofPath path: String) throws(SettingsError) -> String {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw failure(path, "cannot read the file: " + systemError()) }
        defer { close(descriptor) }

        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure(path, "cannot read the file: " + systemError())
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
            if bytes.count > maximumSize {
                throw failure(path, "the file is larger than \(maximumSize / 1024) KiB; is this a settings file?")
            }
        }
        return try text(of: bytes, file: path)
    }

    /// Decodes UTF-8, pointing at the first byte that is not, rather than silently replacing it.
    static func text(of bytes: [UInt8], file: String) throws(SettingsError) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        var column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                // Unreachable when validation failed above; kept so the loop is total.
                return String(decoding: bytes, as: UTF8.self)
            case .error:
                throw SettingsError(
                    file: file, line: line, column: column, key: "", message: "the file is not valid UTF-8 text")
            }
        }
    }

    private static func failure(_ path: String, _ message: String) -> SettingsError {
        SettingsError(file: path, line: 0, column: 0, key: "", message: message)
    }

    private static func systemError() -> String {
        guard let text = strerror(errno) else { return "error \(errno)" }
        return String(cString: text)
    }
}
