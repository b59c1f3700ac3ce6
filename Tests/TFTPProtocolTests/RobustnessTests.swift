import CastorCore
import Testing

@testable import TFTPProtocol

/// Bytes from the wire never trap: not the parser, not the admission, not a running transfer.
@Suite struct RobustnessTests {
    static let fixtures = [
        PacketFixtures.readRequestWithOptions, PacketFixtures.readRequestNetascii, PacketFixtures.writeRequest,
        PacketFixtures.data, PacketFixtures.acknowledgementZero, PacketFixtures.optionError,
        PacketFixtures.optionAcknowledgement,
    ]

    @Test func everyTruncation() throws {
        for bytes in Self.fixtures {
            for length in 0...bytes.count {
                if let packet = try? TFTPPacket(parsing: bytes.prefix(length)) {
                    #expect(try TFTPPacket(parsing: packet.serialized()) == packet)
                }
            }
        }
    }

    @Test func randomBytesThroughTheParser() throws {
        var random = SeededRandom(seed: 0x7F7F)
        var parsed = 0
        for iteration in 0..<10_000 {
            let length = Int.random(in: 0...64, using: &random)
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            // Mostly valid opcodes and NUL-rich text, so the string parsers see work.
            if length >= 2 && !iteration.isMultiple(of: 4) {
                bytes[0] = 0
                bytes[1] = UInt8.random(in: 1...6, using: &random)
                for index in 2..<length where Bool.random(using: &random) {
                    bytes[index] = [0, 0x61, 0x31, 0x6f][Int.random(in: 0..<4, using: &random)]
                }
            }
            _ = TFTPRequestAdmission(datagram: bytes)
            guard let packet = try? TFTPPacket(parsing: bytes) else { continue }
            parsed += 1
            _ = packet.description
            if case .error = packet { continue }  // lenient decoding does not round-trip byte-exactly
            #expect(try TFTPPacket(parsing: packet.serialized()) == packet, "\(bytes)")
        }
        #expect(parsed > 1000)
    }

    @Test func randomEventsThroughARunningTransfer() {
        var random = SeededRandom(seed: 0xACC)
        let file = patternFile(count: 3000)
        var events = 0
        while events < 10_000 {
            let options = [("blksize", "8"), ("windowsize", "5"), ("tsize", "0")].filter { _ in
                Bool.random(using: &random)
            }
            let request = TFTPRequest(
                filename: "f", mode: Bool.random(using: &random) ? .octet : .netascii,
                options: options.map { TFTPOption(name: $0.0, value: $0.1) })
            var transfer = TFTPReadTransfer(request: request, source: TFTPMemorySource(file))
            var now = MonotonicInstant.zero
            var finished = false
            var actions = transfer.start(now: now)
            while events < 10_000 {
                events += 1
                check(actions, blockSize: transfer.options.blockSize, finished: &finished)
                now = now + .milliseconds(Int64.random(in: 0...700, using: &random))
                switch Int.random(in: 0..<10, using: &random) {
                case 0:
                    actions = transfer.timerFired(now: now)
                case 1:
                    let length = Int.random(in: 0...12, using: &random)
                    actions = transfer.receive(
                        datagram: (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }, now: now)
                default:
                    // Mostly ACKs near the front of the transfer, in any order, duplicated, stale.
                    let block = UInt16.random(in: 0...UInt16(min(40, 65535)), using: &random)
                    actions = transfer.receive(.acknowledgement(block: block), now: now)
                }
                if finished {
                    #expect(actions.isEmpty)
                    break
                }
            }
        }
    }

    private func check<Source>(_ actions: [TFTPReadTransfer<Source>.Action], blockSize: Int, finished: inout Bool) {
        for action in actions {
            #expect(!finished)
            switch action {
            case .send(.data(_, let payload)): #expect(payload.count <= blockSize)
            case .finished: finished = true
            case .send, .scheduleTimeout: break
            }
        }
    }
}
