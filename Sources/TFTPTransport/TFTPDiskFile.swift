import TFTPProtocol

#if canImport(Glibc)
    import Glibc
#endif

/// A regular file opened under a ``TFTPRootDirectory``, served with pread(2): each block (or window) is read
/// when the transfer sends it, and read again on retransmission, so a 40 MB image is never held in memory.
/// Owns its descriptor and closes it when the last transfer using it lets go.
///
/// ```swift
/// let file = try root.open(["firmware", "snomD715-10.1.184.15.bin"])
/// file.byteCount    // 33_535_152, announced as tsize
/// let block = try file.read(offset: 0, length: 1468)
/// ```
///
/// Reads happen on the transfer's event loop (as tftpd-hpa reads in its transfer process): files served by
/// TFTP are small or in the page cache. The size is taken when the file is opened; a file replaced later is
/// still served whole from the old inode, one truncated meanwhile ends early. netascii `tsize` is not
/// announced (it would need the whole file read to count line ends).
public final class TFTPDiskFile: TFTPFileSource, Sendable {
    public let byteCount: Int?
    private let descriptor: Int32

    /// Takes ownership of `descriptor`, an open regular file of `byteCount` bytes.
    init(descriptor: Int32, byteCount: Int) {
        self.descriptor = descriptor
        self.byteCount = byteCount
    }

    deinit { close(descriptor) }

    public func read(offset: Int, length: Int) throws(TFTPReadError) -> [UInt8] {
        guard offset >= 0, length > 0 else { return [] }
        var failure: Int32?
        let bytes = [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else { return }
            while count < length {
                let result = pread(descriptor, base + count, length - count, off_t(offset + count))
                if result > 0 {
                    count += result
                } else if result == 0 {
                    return
                } else if errno != EINTR {
                    failure = errno
                    return
                }
            }
        }
        if let failure { throw TFTPReadError(errno: failure, offset: offset) }
        return bytes
    }
}
