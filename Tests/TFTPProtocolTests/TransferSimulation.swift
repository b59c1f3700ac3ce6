import CastorCore
import TFTPProtocol
import Testing

/// A read transfer against a ``LoopbackClient`` over a lossy in-memory network, with a fake clock that jumps
/// to the armed timer whenever nothing is in flight. Packets travel in bursts: everything the server sent
/// reaches the client before the client's answers reach the server.
struct TransferSimulation<Source: TFTPFileSource> {
    var transfer: TFTPReadTransfer<Source>
    var client = LoopbackClient()
    var now = MonotonicInstant.zero
    private(set) var timer: MonotonicInstant?
    private(set) var outcome: TFTPTransferOutcome?
    /// Every packet the server sent, lost or not, in order.
    private(set) var serverSent: [TFTPPacket] = []
    private(set) var timeouts = 0
    /// Whether to lose a packet, given it and how many times the same packet was offered before.
    var losesToClient: (TFTPPacket, Int) -> Bool = { _, _ in false }
    var losesToServer: (TFTPPacket, Int) -> Bool = { _, _ in false }
    /// How many copies of each client packet reach the server (2 simulates a duplicating network).
    var copiesToServer = 1

    private var toClient: [TFTPPacket] = []
    private var toServer: [TFTPPacket] = []
    private var offeredToClient: [TFTPPacket: Int] = [:]
    private var offeredToServer: [TFTPPacket: Int] = [:]

    init(_ request: TFTPRequest, source: Source, limits: TFTPServerLimits = TFTPServerLimits()) {
        transfer = TFTPReadTransfer(request: request, source: source, limits: limits)
    }

    /// Runs until the transfer finishes (or `maximumSteps` events, which is recorded as an issue).
    mutating func run(maximumSteps: Int = 2_000_000) {
        apply(transfer.start(now: now))
        for _ in 0..<maximumSteps {
            if outcome != nil {
                // The last packets (an ERROR) still reach the client.
                for packet in toClient { _ = client.receive(packet) }
                return
            }
            if !toClient.isEmpty {
                let packet = toClient.removeFirst()
                if let reply = client.receive(packet) { offerToServer(reply) }
            } else if !toServer.isEmpty {
                now = now + .milliseconds(1)
                apply(transfer.receive(toServer.removeFirst(), now: now))
            } else if let timer {
                now = max(now, timer)
                timeouts += 1
                apply(transfer.timerFired(now: now))
            } else {
                Issue.record("nothing in flight and no timer, but the transfer is not finished")
                return
            }
        }
        Issue.record("no outcome after \(maximumSteps) steps")
    }

    mutating func apply(_ actions: [TFTPReadTransfer<Source>.Action]) {
        for action in actions {
            #expect(outcome == nil, "action \(action) after the transfer finished")
            switch action {
            case .send(let packet):
                serverSent.append(packet)
                let count = offeredToClient[packet, default: 0]
                offeredToClient[packet] = count + 1
                if !losesToClient(packet, count) { toClient.append(packet) }
            case .scheduleTimeout(let instant):
                #expect(instant > now)
                timer = instant
            case .finished(let result):
                outcome = result
            }
        }
    }

    private mutating func offerToServer(_ packet: TFTPPacket) {
        let count = offeredToServer[packet, default: 0]
        offeredToServer[packet] = count + 1
        if !losesToServer(packet, count) {
            toServer += Array(repeating: packet, count: copiesToServer)
        }
    }

    /// The block numbers of the DATA packets the server sent, in order.
    var dataBlocksSent: [UInt16] {
        serverSent.compactMap { if case .data(let block, _) = $0 { block } else { nil } }
    }
}

/// Deterministic file content: byte `i` of the file.
func patternByte(_ offset: Int) -> UInt8 { UInt8(truncatingIfNeeded: offset &* 131 &+ offset >> 9) }

func patternFile(count: Int) -> [UInt8] { (0..<count).map(patternByte) }

/// A file generated on demand, so that a rollover test needs no 560 KB fixture and reads can be counted.
struct SyntheticSource: TFTPFileSource {
    var byteCount: Int?

    func read(offset: Int, length: Int) -> [UInt8] {
        let size = byteCount ?? 0
        guard offset < size else { return [] }
        return (offset..<min(size, offset + length)).map(patternByte)
    }
}

/// A source whose reads fail from some offset on.
struct FailingSource: TFTPFileSource {
    struct ReadError: Error, CustomStringConvertible {
        var description: String { "EIO" }
    }
    var byteCount: Int? { 10_000 }
    var failsFrom: Int

    func read(offset: Int, length: Int) throws -> [UInt8] {
        guard offset < failsFrom else { throw ReadError() }
        return Array(repeating: 0x55, count: length)
    }
}

func octetRequest(_ options: [(String, String)] = [], filename: String = "snom715.htm") -> TFTPRequest {
    TFTPRequest(
        filename: filename, mode: .octet, options: options.map { TFTPOption(name: $0.0, value: $0.1) })
}

/// The block number of a DATA send action.
func dataBlock<Source>(_ action: TFTPReadTransfer<Source>.Action) -> UInt16? {
    if case .send(.data(let block, _)) = action { return block }
    return nil
}
