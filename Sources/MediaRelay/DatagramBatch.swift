import CCastorShims
import MediaCore

#if canImport(Glibc)
    import Glibc
#endif

/// A relay thread's preallocated datagrams: the buffers recvmmsg(2) fills, and the list of what to send
/// with sendmmsg(2). Packets are forwarded from the buffer they arrived in (rewritten in place), so a
/// packet costs no allocation and no copy.
final class DatagramBatch {
    /// Datagrams per recvmmsg call.
    static let capacity = 32
    /// Bytes per datagram: an RTP packet in an Ethernet frame, with room. Larger datagrams are dropped.
    static let bufferSize = 2048

    let storage: UnsafeMutableRawPointer
    /// What recvmmsg filled: `received[i]` for i in 0..<count.
    let received: UnsafeMutablePointer<castor_datagram>
    /// What to send, in order, with the socket and kind of each.
    private let outgoing: UnsafeMutablePointer<castor_datagram>
    private let outgoingSockets: UnsafeMutablePointer<Int32>
    private let outgoingIsRTCP: UnsafeMutablePointer<Bool>
    private(set) var outgoingCount = 0

    init() {
        let capacity = Self.capacity
        storage = UnsafeMutableRawPointer.allocate(byteCount: capacity * Self.bufferSize, alignment: 16)
        received = .allocate(capacity: capacity)
        outgoing = .allocate(capacity: capacity)
        outgoingSockets = .allocate(capacity: capacity)
        outgoingIsRTCP = .allocate(capacity: capacity)
        for index in 0..<capacity {
            received[index] = castor_datagram(
                bytes: storage + index * Self.bufferSize, capacity: UInt32(Self.bufferSize), length: 0, address: 0,
                port: 0, truncated: 0)
        }
    }

    deinit {
        storage.deallocate()
        received.deallocate()
        outgoing.deallocate()
        outgoingSockets.deallocate()
        outgoingIsRTCP.deallocate()
    }

    /// Receives up to ``capacity`` datagrams from `socket`: how many (0 when none is waiting or on error).
    func receive(from socket: Int32) -> Int {
        outgoingCount = 0
        return max(0, Int(castor_receive_datagrams(socket, received, UInt32(Self.capacity))))
    }

    /// The bytes of received datagram `index`, to parse and rewrite in place.
    func bytes(_ index: Int) -> UnsafeMutableRawBufferPointer {
        UnsafeMutableRawBufferPointer(start: received[index].bytes, count: Int(received[index].length))
    }

    /// The source of received datagram `index`.
    func source(_ index: Int) -> MediaEndpoint {
        MediaEndpoint(address: received[index].address, port: received[index].port)
    }

    func isTruncated(_ index: Int) -> Bool { received[index].truncated != 0 }

    /// Queues received datagram `index` (as it is now) to go to `destination` through `socket`.
    func send(_ index: Int, through socket: Int32, to destination: MediaEndpoint, isRTCP: Bool) {
        var datagram = received[index]
        datagram.address = destination.address
        datagram.port = destination.port
        outgoing[outgoingCount] = datagram
        outgoingSockets[outgoingCount] = socket
        outgoingIsRTCP[outgoingCount] = isRTCP
        outgoingCount += 1
    }

    /// What ``flush()`` sent.
    struct Tally {
        var rtpPackets = 0
        var rtpBytes = 0
        var rtcpPackets = 0
        var failed = 0
    }

    /// Sends what is queued, one sendmmsg per run of datagrams for the same socket. A datagram the kernel
    /// refuses is counted and skipped; when the socket buffer is full, the rest of the run is dropped (UDP
    /// would lose it anyway; waiting would delay every other session of the thread).
    func flush() -> Tally {
        var tally = Tally()
        var start = 0
        while start < outgoingCount {
            let socket = outgoingSockets[start]
            var end = start + 1
            while end < outgoingCount && outgoingSockets[end] == socket { end += 1 }
            while start < end {
                let sent = Int(castor_send_datagrams(socket, outgoing + start, UInt32(end - start)))
                if sent > 0 {
                    for index in start..<start + sent { credit(index, to: &tally) }
                    start += sent
                    continue
                }
                let error = errno
                tally.failed += 1
                start += 1
                if error == EAGAIN || error == EWOULDBLOCK || error == ENOBUFS {
                    tally.failed += end - start
                    start = end
                }
            }
        }
        outgoingCount = 0
        return tally
    }

    private func credit(_ index: Int, to tally: inout Tally) {
        if outgoingIsRTCP[index] {
            tally.rtcpPackets += 1
        } else {
            tally.rtpPackets += 1
            tally.rtpBytes += Int(outgoing[index].length)
        }
    }
}
