import Synchronization
import TFTPProtocol
import Testing

@testable import TFTPTransport

/// The transfer's source reads a disk file a chunk at a time: same bytes as the file, far fewer reads.
@Suite struct ReadAheadTests {
    /// A file-like source that counts its reads (not a TFTPMemorySource, which is passed through).
    final class CountingSource: TFTPFileSource, Sendable {
        let bytes: [UInt8]
        let reads = Mutex(0)

        init(count: Int) {
            bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        }

        var byteCount: Int? { bytes.count }

        func read(offset: Int, length: Int) -> [UInt8] {
            reads.withLock { $0 += 1 }
            guard offset < bytes.count else { return [] }
            return Array(bytes[offset..<min(bytes.count, offset + length)])
        }
    }

    @Test("sequential blocks come from one read per chunk, backwards and past the end stay exact")
    func readAhead() throws {
        let file = CountingSource(count: 200_000)
        let source = TFTPSharedSource(base: file)
        var assembled: [UInt8] = []
        var offset = 0
        while true {
            let block = try source.read(offset: offset, length: 1468)
            assembled += block
            offset += block.count
            if block.count < 1468 { break }
        }
        #expect(assembled == file.bytes)
        // 200,000 bytes in 64 KiB chunks: 4 reads (the last one short), not 137.
        #expect(file.reads.withLock { $0 } == 4)

        // A retransmission of an earlier block reads from there again; bytes stay right.
        #expect(try source.read(offset: 1468, length: 1468) == Array(file.bytes[1468..<2936]))
        #expect(try source.read(offset: 200_000, length: 512) == [])
        #expect(try source.read(offset: 199_900, length: 512) == Array(file.bytes[199_900...]))
    }

    @Test("a file in memory is passed through")
    func memory() throws {
        let memory = TFTPMemorySource(Array(repeating: 7, count: 1000))
        #expect(try TFTPSharedSource(base: memory).read(offset: 990, length: 512) == Array(repeating: 7, count: 10))
    }
}
