import CastorTestSupport
import Foundation
import TFTPProtocol

#if canImport(Glibc)
    import Glibc
#endif

/// A plain UDP socket on 127.0.0.1 for speaking TFTP by hand: send bytes to a port, receive datagrams with
/// their source port. Receiving polls a non-blocking socket with short sleeps, so a test waiting for a
/// reply never blocks a thread of the cooperative pool.
final class RawTFTPClient {
    let socket: LoopbackUDPSocket

    init() throws { socket = try LoopbackUDPSocket() }

    var descriptor: Int32 { socket.descriptor }
    var port: UInt16 { socket.port }

    func send(_ bytes: [UInt8], to port: UInt16) { socket.send(bytes, to: port) }

    func send(_ packet: TFTPPacket, to port: UInt16) { send(packet.serialized(), to: port) }

    /// The next datagram and its source port, or nil after `timeout`.
    func receive(timeout: Duration = .seconds(30)) async -> (bytes: [UInt8], port: UInt16)? {
        await socket.receive(timeout: timeout)
    }

    /// A datagram already queued, if any.
    func receiveNow() -> (bytes: [UInt8], port: UInt16)? { socket.receiveNow() }

    /// The next datagram parsed as a TFTP packet, with its source port.
    func receivePacket(timeout: Duration = .seconds(30)) async throws -> (packet: TFTPPacket, port: UInt16) {
        guard let (bytes, port) = await receive(timeout: timeout) else {
            throw TestFailure("no datagram within \(timeout)")
        }
        return (try TFTPPacket(parsing: bytes), port)
    }

    /// The next packet that is not `previous` again: a client the machine's load delayed past the server's
    /// timeout finds retransmitted copies of what it already has queued before the answer it waits for.
    func receivePacket(skipping previous: TFTPPacket, timeout: Duration = .seconds(30)) async throws
        -> (packet: TFTPPacket, port: UInt16)
    {
        while true {
            let received = try await receivePacket(timeout: timeout)
            if received.packet != previous { return received }
        }
    }

    /// Datagrams arriving within `period`, with their source ports.
    func drain(for period: Duration) async -> [(packet: TFTPPacket?, port: UInt16)] {
        var received: [(packet: TFTPPacket?, port: UInt16)] = []
        let deadline = ContinuousClock.now + period
        while let (bytes, port) = await receive(timeout: deadline - ContinuousClock.now) {
            received.append((try? TFTPPacket(parsing: bytes), port))
        }
        return received
    }

    /// Nothing arrives within `period`.
    func isSilent(for period: Duration) async -> Bool { await receive(timeout: period) == nil }
}
