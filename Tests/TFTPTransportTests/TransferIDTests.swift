import CastorTestSupport
import TFTPProtocol
import TFTPTransport
import Testing

/// One transfer at the packet level, with a hand-written client: its own port (TID), strangers answered with
/// ERROR 5, retransmission, duplicate RRQs, the concurrency bound.
@Suite struct TransferIDTests {
    static let file = randomBytes(700, seed: 3)

    static func readRequest(_ name: String = "f.bin", options: [TFTPOption] = []) -> TFTPPacket {
        .readRequest(TFTPRequest(filename: name, mode: .octet, options: options))
    }

    @Test func packetFromAnotherPortGetsUnknownTransferID() async throws {
        try await TFTPLab.with(files: ["f.bin": Self.file]) { lab in
            let client = try RawTFTPClient()
            let stranger = try RawTFTPClient()
            client.send(Self.readRequest(), to: lab.port)
            let (first, transferPort) = try await client.receivePacket()
            #expect(first == .data(block: 1, payload: Array(Self.file[0..<512])))
            #expect(transferPort != lab.port)

            stranger.send(.acknowledgement(block: 1), to: transferPort)
            let (reply, replyPort) = try await stranger.receivePacket()
            #expect(reply == TFTPPacket.unknownTransferID)
            #expect(replyPort == transferPort)

            // The transfer is undisturbed: the client finishes it.
            client.send(.acknowledgement(block: 1), to: transferPort)
            let (second, _) = try await client.receivePacket(skipping: first)
            #expect(second == .data(block: 2, payload: Array(Self.file[512...])))
            client.send(.acknowledgement(block: 2), to: transferPort)
            await lab.waitForEndedTransfers(1)
            #expect(lab.handler.outcomes == [.completed(blocks: 2, bytes: 700)])
            #expect(lab.server.counters.unknownTransferIDPackets == 1)
            // An ERROR from a stranger is counted but not answered.
            stranger.send(.error(.undefined, message: "x"), to: transferPort)
            #expect(await stranger.isSilent(for: .milliseconds(100)))
        }
    }

    @Test func unacknowledgedDataIsSentAgain() async throws {
        try await TFTPLab.with(files: ["f.bin": Self.file], configuration: TFTPLab.configuration(quick: true)) { lab in
            let client = try RawTFTPClient()
            client.send(Self.readRequest(), to: lab.port)
            let (first, port) = try await client.receivePacket()
            let (again, againPort) = try await client.receivePacket()
            #expect(again == first)
            #expect(againPort == port)
            client.send(.acknowledgement(block: 1), to: port)
            let (second, _) = try await client.receivePacket(skipping: first)
            #expect(second == .data(block: 2, payload: Array(Self.file[512...])))
            client.send(.acknowledgement(block: 2), to: port)
            await lab.waitForEndedTransfers(1)
            #expect(lab.handler.outcomes == [.completed(blocks: 2, bytes: 700)])
            #expect(lab.server.counters.retransmittedPackets >= 1)
        }
    }

    @Test func retransmittedOptionAcknowledgementAndWindow() async throws {
        let file = randomBytes(8 * 100 + 5, seed: 4)
        try await TFTPLab.with(files: ["f.bin": file], configuration: TFTPLab.configuration(quick: true)) { lab in
            let client = try RawTFTPClient()
            let options = [TFTPOption(name: "blksize", value: "100"), TFTPOption(name: "windowsize", value: "4")]
            client.send(Self.readRequest(options: options), to: lab.port)
            let (oack, port) = try await client.receivePacket()
            #expect(oack == .optionAcknowledgement(options))
            #expect(try await client.receivePacket().packet == oack)
            client.send(.acknowledgement(block: 0), to: port)
            // DATA only: a slow machine may deliver more copies of the OACK first.
            var blocks: [UInt16] = []
            while blocks.count < 8 {
                guard case .data(let block, _) = try await client.receivePacket().packet else { continue }
                blocks.append(block)
            }
            // The window, then (without an ACK) the whole window again.
            #expect(blocks == [1, 2, 3, 4, 1, 2, 3, 4])
            client.send(.error(.undefined, message: "enough"), to: port)
            await lab.waitForEndedTransfers(1)
            #expect(lab.handler.outcomes == [.failed(.peerError(.undefined, message: "enough"))])
        }
    }

    @Test func silentClientTimesOut() async throws {
        try await TFTPLab.with(files: ["f.bin": Self.file], configuration: TFTPLab.configuration(quick: true)) { lab in
            let client = try RawTFTPClient()
            client.send(Self.readRequest(), to: lab.port)
            var last: TFTPPacket?
            while let (bytes, _) = await client.receive(timeout: .seconds(20)) {
                last = try TFTPPacket(parsing: bytes)
                if case .error = last { break }
            }
            #expect(last == .error(.undefined, message: "Transfer timed out"))
            await lab.waitForEndedTransfers(1)
            #expect(lab.handler.outcomes == [.failed(.timedOut)])
            #expect(lab.server.activeTransfers == 0)
        }
    }

    @Test func duplicateRequestStartsNoSecondTransfer() async throws {
        try await TFTPLab.with(files: ["f.bin": Self.file]) { lab in
            let client = try RawTFTPClient()
            client.send(Self.readRequest(), to: lab.port)
            client.send(Self.readRequest(), to: lab.port)
            let (first, port) = try await client.receivePacket()
            // A second transfer would send its DATA 1 at once, from another port (retransmissions of the
            // first come from its own port, when the machine is slow enough for its timer to expire).
            let others = await client.drain(for: .milliseconds(300)).filter { $0.port != port }
            #expect(others.isEmpty)
            #expect(lab.server.activeTransfers == 1)
            client.send(.acknowledgement(block: 1), to: port)
            _ = try await client.receivePacket(skipping: first)
            client.send(.acknowledgement(block: 2), to: port)
            await lab.waitForEndedTransfers(1)
            #expect(lab.server.counters.transfersStarted == 1)
            #expect(lab.server.activeTransfers == 0)
        }
    }

    /// A client reusing its port for the next file may send the RRQ before the server has processed its last
    /// ACK: a different request is a new transfer, not a duplicate.
    @Test func differentRequestFromTheSamePortStartsAnotherTransfer() async throws {
        try await TFTPLab.with(files: ["f.bin": Self.file, "g.bin": [4, 2]]) { lab in
            let client = try RawTFTPClient()
            client.send(Self.readRequest(), to: lab.port)
            let (_, firstPort) = try await client.receivePacket()
            client.send(Self.readRequest("g.bin"), to: lab.port)
            var (packet, secondPort) = try await client.receivePacket()
            // Retransmissions of the first transfer's DATA 1 may come first on a slow machine.
            while secondPort == firstPort { (packet, secondPort) = try await client.receivePacket() }
            #expect(packet == .data(block: 1, payload: [4, 2]))
            #expect(secondPort != firstPort)
            client.send(.acknowledgement(block: 1), to: secondPort)
            client.send(.error(.undefined, message: "not that one"), to: firstPort)
            await lab.waitForEndedTransfers(2)
            #expect(lab.server.counters.transfersStarted == 2)
            #expect(lab.server.activeTransfers == 0)
        }
    }

    @Test func beyondTheBoundClientsAreToldTheServerIsBusy() async throws {
        var configuration = TFTPLab.configuration()
        configuration.maximumConcurrentTransfers = 1
        try await TFTPLab.with(files: ["f.bin": Self.file], configuration: configuration) { lab in
            let first = try RawTFTPClient()
            first.send(Self.readRequest(), to: lab.port)
            let (_, port) = try await first.receivePacket()
            let second = try RawTFTPClient()
            second.send(Self.readRequest(), to: lab.port)
            #expect(try await second.receivePacket().packet == .error(.undefined, message: "Server busy"))
            first.send(.error(.undefined, message: "done"), to: port)
            await lab.waitForEndedTransfers(1)
            second.send(Self.readRequest(), to: lab.port)
            #expect(try await second.receivePacket().packet == .data(block: 1, payload: Array(Self.file[0..<512])))
        }
    }
}
