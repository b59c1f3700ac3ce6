/// Where a block starts in the source: a byte offset, plus, in netascii, the second byte of a two-byte
/// encoding that did not fit in the previous block.
struct TFTPSourcePosition: Hashable, Sendable {
    var offset: Int
    var pending: UInt8?

    static let start = TFTPSourcePosition(offset: 0, pending: nil)

    /// Reads the block of at most `size` bytes that starts here, and where the next block starts.
    func block(
        size: Int, netascii: Bool, from source: some TFTPFileSource
    ) throws -> (payload: [UInt8], next: TFTPSourcePosition) {
        guard netascii else {
            // `prefix` guards against a source that returns more than it was asked for.
            let payload = Array(try source.read(offset: offset, length: size).prefix(size))
            return (payload, TFTPSourcePosition(offset: offset + payload.count, pending: nil))
        }
        var payload: [UInt8] = []
        payload.reserveCapacity(size)
        if let pending { payload.append(pending) }
        // Every raw byte gives at least one encoded byte, so this many raw bytes can always fill the block.
        let raw = try source.read(offset: offset, length: size - payload.count)
        var next = TFTPSourcePosition(offset: offset, pending: nil)
        for byte in raw {
            guard payload.count < size else { break }
            next.offset += 1
            guard let second = TFTPNetascii.secondByte(of: byte) else {
                payload.append(byte)
                continue
            }
            payload.append(TFTPNetascii.carriageReturn)
            if payload.count < size { payload.append(second) } else { next.pending = second }
        }
        return (payload, next)
    }
}
