import NIOCore
import TFTPProtocol

/// The packets one event produced for one peer (a window of DATA, an OACK, an ERROR), serialized back to
/// back into one buffer that the transfer keeps for its lifetime, then sent in order.
struct TFTPOutboundBatch {
    private var buffer: ByteBuffer
    /// The length of each datagram in ``buffer``, in order.
    private var lengths: [Int] = []

    init(capacity: Int) {
        buffer = ByteBufferAllocator().buffer(capacity: capacity)
        lengths.reserveCapacity(16)
    }

    var isEmpty: Bool { lengths.isEmpty }

    mutating func append(_ packet: TFTPPacket) {
        lengths.append(buffer.writeTFTPPacket(packet))
    }

    /// Sends every datagram to `peer` from `descriptor` and empties the batch (keeping its storage); the
    /// number of datagrams the kernel refused.
    mutating func send(from descriptor: Int32, to peer: TFTPPeer) -> Int {
        guard !lengths.isEmpty else { return 0 }
        var failures = 0
        buffer.withUnsafeReadableBytes { bytes in
            var offset = 0
            for length in lengths {
                let datagram = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length])
                if !UDPSocket.send(datagram, from: descriptor, to: peer) { failures += 1 }
                offset += length
            }
        }
        buffer.clear()
        lengths.removeAll(keepingCapacity: true)
        return failures
    }
}
