#if canImport(Glibc)
    import Glibc
#endif

/// pread(2) failed (EIO from a failing disk, mostly): the transfer ends with ERROR 0 "Read error", and the
/// handler's outcome carries this description.
///
/// ```swift
/// do { _ = try file.read(offset: 0, length: 512) } catch { print(error) }  // pread at offset 0: Input/output error
/// ```
public struct TFTPReadError: Error, Hashable, Sendable, CustomStringConvertible {
    public var errno: Int32
    public var offset: Int

    public var description: String { "pread at offset \(offset): \(String(cString: strerror(errno)))" }
}
