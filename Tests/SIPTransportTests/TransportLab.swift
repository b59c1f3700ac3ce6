import CastorTestSupport
import NIOCore
import NIOPosix
import SIPTransport
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A transport on 127.0.0.1 with a ``RecordingDelegate``, on an event loop of the tests' own group.
struct TransportLab {
    /// The tests' own loops: other suites run NIO work on the singleton group in parallel.
    static let group = MultiThreadedEventLoopGroup(numberOfThreads: 2)

    let transport: SIPTransport
    let delegate: RecordingDelegate

    /// Loopback, ports picked by the kernel, UDP and TCP on the same number.
    static func configuration(tcp: Bool = true) -> SIPTransportConfiguration {
        SIPTransportConfiguration(host: "127.0.0.1", udpPort: 0, tcpPort: tcp ? 0 : nil)
    }

    static func start(
        _ configuration: SIPTransportConfiguration = configuration(), delegate: RecordingDelegate = RecordingDelegate()
    ) async throws -> TransportLab {
        let transport = try await SIPTransport.start(
            configuration: configuration, eventLoop: group.next(), delegate: delegate)
        return TransportLab(transport: transport, delegate: delegate)
    }

    /// Runs `body` with a lab, closing it afterwards whatever happens.
    static func with<Result>(
        _ configuration: SIPTransportConfiguration = configuration(), delegate: RecordingDelegate = RecordingDelegate(),
        _ body: (TransportLab) async throws -> Result
    ) async throws -> Result {
        let lab = try await start(configuration, delegate: delegate)
        do {
            let result = try await body(lab)
            await lab.transport.close()
            return result
        } catch {
            await lab.transport.close()
            throw error
        }
    }

    var udpPort: UInt16 { UInt16(transport.udpPort) }
    var tcpPort: UInt16 { UInt16(transport.tcpPort ?? 0) }

    /// ``SIPTransport/send(_:to:)`` on the transport's event loop, as the delegate would.
    func send(_ bytes: [UInt8], to peer: SIPPeer) async throws {
        let transport = self.transport
        try await transport.eventLoop.submit { transport.send(bytes, to: peer) }.get()
    }

    /// Holds the event loop busy until `body` has run, so what `body` sends is all queued in the sockets when
    /// the loop reads again: one read cycle, one batch.
    func withLoopHeld(_ body: () throws -> Void) async throws {
        let gate = LoopGate()
        transport.eventLoop.execute { gate.hold() }
        try await waitUntil("the event loop is held") { gate.isHolding }
        defer { gate.release() }
        try body()
    }
}

/// A latch the event loop waits on (at most 10 s, so a failing test cannot wedge the loop).
final class LoopGate: Sendable {
    private let holding = Atomic(false)
    private let released = Atomic(false)

    var isHolding: Bool { holding.load(ordering: .acquiring) }

    func hold() {
        holding.store(true, ordering: .releasing)
        let deadline = ContinuousClock.now + .seconds(10)
        while !released.load(ordering: .acquiring) && ContinuousClock.now < deadline { usleep(500) }
    }

    func release() { released.store(true, ordering: .releasing) }
}

/// Records what the transport reports; when `reply` returns bytes for a message, sends them back to its peer
/// from the event loop, as a real delegate does.
final class RecordingDelegate: SIPTransportDelegate, Sendable {
    struct Record {
        var batches: [[SIPInboundMessage]] = []
        var closed: [SIPConnectionID] = []
        var unreachable: [SIPPeer] = []
    }

    private let record = Mutex(Record())
    private let reply: (@Sendable (SIPInboundMessage) -> [UInt8]?)?

    init(reply: (@Sendable (SIPInboundMessage) -> [UInt8]?)? = nil) { self.reply = reply }

    func transport(_ transport: SIPTransport, received batch: [SIPInboundMessage]) {
        record.withLock { $0.batches.append(batch) }
        guard let reply else { return }
        for message in batch {
            if let bytes = reply(message) { transport.send(bytes, to: message.peer) }
        }
    }

    func transport(_ transport: SIPTransport, connectionClosed connection: SIPConnectionID) {
        record.withLock { $0.closed.append(connection) }
    }

    func transport(_ transport: SIPTransport, failedToConnectTo peer: SIPPeer) {
        record.withLock { $0.unreachable.append(peer) }
    }

    var batches: [[SIPInboundMessage]] { record.withLock { $0.batches } }
    var messages: [SIPInboundMessage] { batches.flatMap { $0 } }
    var closedConnections: [SIPConnectionID] { record.withLock { $0.closed } }
    var unreachablePeers: [SIPPeer] { record.withLock { $0.unreachable } }

    /// The messages received so far, once there are at least `count`.
    func messages(atLeast count: Int, within limit: Duration = .seconds(20)) async throws -> [SIPInboundMessage] {
        try await waitUntil("\(count) messages (have \(messages.count))", within: limit) { messages.count >= count }
        return messages
    }
}

/// Polls `condition` every few milliseconds, for at most `limit`.
func waitUntil(
    _ what: @autoclosure () -> String, within limit: Duration = .seconds(20), _ condition: () -> Bool
) async throws {
    let deadline = ContinuousClock.now + limit
    while !condition() {
        guard ContinuousClock.now < deadline else { throw TestFailure("timed out waiting for \(what())") }
        try await Task.sleep(for: .milliseconds(2))
    }
}

/// A SIP request with a Content-Length, `body` as its body.
func sipRequest(_ method: String = "OPTIONS", callID: String = "a84b4c76e66710", body: String = "") -> [UInt8] {
    Array(
        """
        \(method) sip:castor@127.0.0.1 SIP/2.0\r
        Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK\(callID)\r
        Max-Forwards: 70\r
        To: <sip:castor@127.0.0.1>\r
        From: <sip:phone@127.0.0.1>;tag=1928301774\r
        Call-ID: \(callID)\r
        CSeq: 1 \(method)\r
        Content-Length: \(body.utf8.count)\r
        \r
        \(body)
        """.utf8)
}

/// A response to it.
func sipResponse(callID: String = "a84b4c76e66710") -> [UInt8] {
    Array(
        """
        SIP/2.0 200 OK\r
        Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK\(callID)\r
        To: <sip:castor@127.0.0.1>;tag=castor\r
        From: <sip:phone@127.0.0.1>;tag=1928301774\r
        Call-ID: \(callID)\r
        CSeq: 1 OPTIONS\r
        Content-Length: 0\r
        \r

        """.utf8)
}
