/// Where a read transfer gets the file's bytes: by offset and length, so that a 40 MB image is read one
/// block (or one window) at a time and re-read on retransmission, never copied whole.
///
/// The adapter implements it over an open file (`pread`); ``TFTPMemorySource`` serves a byte array. Reads
/// are synchronous and happen inside the transfer's event methods.
///
/// ```swift
/// struct FileSource: TFTPFileSource {
///     let descriptor: FileDescriptor
///     let byteCount: Int?
///     func read(offset: Int, length: Int) throws -> [UInt8] { … pread … }
/// }
/// ```
public protocol TFTPFileSource {
    /// The file's size in bytes if known: announced as `tsize` for octet transfers.
    var byteCount: Int? { get }
    /// The size after netascii conversion (``TFTPNetascii/encodedCount(of:)``), if known cheaply: announced as
    /// `tsize` for netascii transfers. The default is `nil`, so `tsize` is then omitted from the OACK: honest,
    /// where announcing the raw size would be wrong for any file containing CR or LF.
    var netasciiByteCount: Int? { get }
    /// Up to `length` bytes from `offset`. Fewer only at the end of the file (none at or past it). A thrown
    /// error ends the transfer with ERROR 0.
    func read(offset: Int, length: Int) throws -> [UInt8]
}

extension TFTPFileSource {
    public var netasciiByteCount: Int? { nil }
}

/// A file held in memory, for generated content (per-device configuration) and for tests.
public struct TFTPMemorySource: TFTPFileSource, Hashable, Sendable {
    public var bytes: [UInt8]

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var byteCount: Int? { bytes.count }

    public var netasciiByteCount: Int? { TFTPNetascii.encodedCount(of: bytes) }

    public func read(offset: Int, length: Int) -> [UInt8] {
        guard offset >= 0, length > 0, offset < bytes.count else { return [] }
        return Array(bytes[offset..<min(bytes.count, offset + min(length, bytes.count - offset))])
    }
}
