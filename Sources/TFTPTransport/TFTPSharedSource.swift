import TFTPProtocol

/// The handler's source, whatever its type, as the concrete `Source` a ``TFTPProtocol/TFTPReadTransfer``
/// needs (an existential does not conform to its own protocol).
///
/// It reads ahead: a disk file is read ``readAhead`` bytes at a time and blocks are cut from that chunk, so
/// a lock-step transfer makes one `pread` per 44 blocks of 1468 bytes instead of one per block (a
/// retransmission before the chunk reads again from its offset). Sources held in memory are passed through.
/// `@unchecked Sendable`: a transfer's source is used only on that transfer's event loop.
final class TFTPSharedSource: TFTPFileSource, @unchecked Sendable {
    static let readAhead = 64 * 1024

    let base: any TFTPFileSource & Sendable
    private let buffered: Bool
    private var chunk: [UInt8] = []
    private var chunkOffset = 0
    private var loaded = false

    init(base: any TFTPFileSource & Sendable) {
        self.base = base
        self.buffered = !(base is TFTPMemorySource)
    }

    var byteCount: Int? { base.byteCount }

    var netasciiByteCount: Int? { base.netasciiByteCount }

    func read(offset: Int, length: Int) throws -> [UInt8] {
        guard buffered, length > 0, length <= Self.readAhead, offset >= 0 else {
            return try base.read(offset: offset, length: length)
        }
        let chunkEnd = chunkOffset + chunk.count
        // A chunk shorter than the read-ahead ends at the end of the file: what lies past it does not exist.
        let reachesEnd = chunk.count < Self.readAhead
        if !loaded || offset < chunkOffset || offset > chunkEnd || (offset + length > chunkEnd && !reachesEnd) {
            chunk = try base.read(offset: offset, length: Self.readAhead)
            chunkOffset = offset
            loaded = true
        }
        let start = offset - chunkOffset
        return Array(chunk[start..<min(chunk.count, start + length)])
    }
}
