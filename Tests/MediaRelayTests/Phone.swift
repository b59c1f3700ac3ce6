import CastorTestSupport
import MediaCore

/// A UDP socket on 127.0.0.1 standing for a phone's RTP or RTCP port: sends datagrams to a relay port,
/// receives what the relay sends, with the source port. Non-blocking; waits poll with short sleeps and are
/// bounded, and no test asserts how long anything took.
final class Phone: @unchecked Sendable {
    let socket: LoopbackUDPSocket

    init() throws { socket = try LoopbackUDPSocket(receiveBuffer: 4 << 20) }

    var port: UInt16 { socket.port }

    /// This phone's address, as SDP would name it.
    var endpoint: MediaEndpoint { MediaEndpoint(address: 0x7F00_0001, port: port) }

    func send(_ bytes: [UInt8], to port: Int) { socket.send(bytes, to: UInt16(port)) }

    /// The next datagram waiting, if any.
    func receiveNow() -> (bytes: [UInt8], port: Int)? { socket.receiveNow().map { ($0.bytes, Int($0.port)) } }

    /// The next datagram, waiting for it at most `limit`.
    func receive(within limit: Duration = .seconds(20)) async throws -> (bytes: [UInt8], port: Int) {
        guard let datagram = await socket.receive(timeout: limit) else {
            throw TestFailure("port \(port): no datagram within \(limit)")
        }
        return (datagram.bytes, Int(datagram.port))
    }

    /// Whether a datagram is waiting now (for "nothing arrived" checks, made after a later datagram proved
    /// the path works, so the answer does not depend on timing).
    func hasWaiting() -> Bool { socket.hasWaiting() }
}

/// RTP and RTCP packets as a phone sends them.
enum Packet {
    /// An RTP packet: 12-byte header (RFC 3550 §5.1) and `payload` (160 bytes of a µ-law ramp by default).
    static func rtp(
        payloadType: UInt8 = 0, sequence: UInt16, ssrc: UInt32 = 0x1234_5678, marker: Bool = false,
        payload: [UInt8]? = nil
    ) -> [UInt8] {
        let timestamp = UInt32(sequence) &* 160
        let header: [UInt8] = [
            0x80, (marker ? 0x80 : 0) | payloadType, UInt8(sequence >> 8), UInt8(sequence & 0xFF),
            UInt8(timestamp >> 24), UInt8(timestamp >> 16 & 0xFF), UInt8(timestamp >> 8 & 0xFF),
            UInt8(timestamp & 0xFF), UInt8(ssrc >> 24), UInt8(ssrc >> 16 & 0xFF), UInt8(ssrc >> 8 & 0xFF),
            UInt8(ssrc & 0xFF),
        ]
        return header + (payload ?? (0..<160).map { UInt8(truncatingIfNeeded: $0 &+ Int(sequence)) })
    }

    /// An RTCP receiver report without report blocks (RFC 3550 §6.4.2): 8 bytes.
    static func receiverReport(ssrc: UInt32 = 0x1234_5678) -> [UInt8] {
        [
            0x80, 201, 0x00, 0x01, UInt8(ssrc >> 24), UInt8(ssrc >> 16 & 0xFF), UInt8(ssrc >> 8 & 0xFF),
            UInt8(ssrc & 0xFF),
        ]
    }
}

/// Polls `condition` until it holds, for at most `limit`.
func eventually(
    _ what: String, within limit: Duration = .seconds(20), _ condition: () -> Bool
) async throws {
    let deadline = ContinuousClock.now + limit
    while !condition() {
        guard ContinuousClock.now < deadline else { throw TestFailure("\(what): not within \(limit)") }
        try await Task.sleep(for: .milliseconds(2))
    }
}
