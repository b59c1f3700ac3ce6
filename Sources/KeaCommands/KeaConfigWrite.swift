import CastorJSON

#if canImport(Glibc)
    import Glibc
#endif

/// `config-write`: the running configuration, written to `filename` (default: the file it came from).
enum KeaConfigWrite {
    static func write(_ args: Arguments, host: any KeaCommandHost) async throws(KeaCommandError) -> JSONValue {
        var path = await host.configurationPath
        if let given = args.members["filename"] {
            guard let text = given.stringValue, !text.isEmpty else {
                throw KeaCommandError(.error, "passed parameter 'filename' is not a string")
            }
            path = text
        }
        let bytes = Array(((await host.configurationJSON).serialized + "\n").utf8)
        // Written beside, then renamed: a reader never sees half a file.
        let temporary = path + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o640)
        guard fd >= 0 else {
            throw KeaCommandError(
                .error, "Unable to open file \(path) for writing: \(String(cString: strerror(errno)))")
        }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            guard n > 0 else {
                close(fd)
                throw KeaCommandError(.error, "Error during write to \(path): \(String(cString: strerror(errno)))")
            }
            offset += n
        }
        fsync(fd)
        close(fd)
        guard rename(temporary, path) == 0 else {
            throw KeaCommandError(.error, "Unable to write \(path): \(String(cString: strerror(errno)))")
        }
        return KeaCommandProcessor.reply(
            .success, "Configuration written to \(path) successfully",
            arguments: .object(["filename": .string(path), "size": .integer(bytes.count)]))
    }
}
