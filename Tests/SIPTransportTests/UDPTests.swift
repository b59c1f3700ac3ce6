import SIPCodec
import SIPTransport
import Testing

/// Datagrams in, batches to the delegate, responses out of the listening port.
@Suite struct UDPTests {
    @Test func datagramsArriveAsOneBatchWithPeerAndLocal() async throws {
        try await TransportLab.with(TransportLab.configuration(tcp: false)) { lab in
            let client = try UDPClient()
            let requests = (1...3).map { sipRequest(callID: "call-\($0)") }
            try await lab.withLoopHeld {
                for request in requests { client.send(request, to: lab.udpPort) }
            }
            let messages = try await lab.delegate.messages(atLeast: 3)
            #expect(messages.map(\.bytes) == requests)
            #expect(lab.delegate.batches.count == 1)
            let peer = SIPPeer(transport: .udp, address: "127.0.0.1", port: Int(client.port))
            #expect(messages.allSatisfy { $0.peer == peer })
            let local = SIPLocalEndpoint(transport: .udp, address: "127.0.0.1", port: lab.transport.udpPort)
            #expect(messages.allSatisfy { $0.local == local })
            #expect(lab.transport.counters.udp.messagesReceived == 3)

            try await lab.send(sipResponse(callID: "call-1"), to: peer)
            let (reply, source) = try await client.receive()
            #expect(reply == sipResponse(callID: "call-1"))
            #expect(source == lab.udpPort)
            try await waitUntil("the send counted") { lab.transport.counters.udp.messagesSent == 1 }
        }
    }

    @Test func wildcardListenerReportsTheAddressReached() async throws {
        var configuration = TransportLab.configuration(tcp: false)
        configuration.host = "0.0.0.0"
        try await TransportLab.with(configuration) { lab in
            let client = try UDPClient()
            client.send(sipRequest(), to: lab.udpPort)
            let message = try #require(try await lab.delegate.messages(atLeast: 1).first)
            #expect(
                message.local == SIPLocalEndpoint(transport: .udp, address: "127.0.0.1", port: lab.transport.udpPort))
        }
    }

    @Test func aBurstIsDeliveredWholeInBatches() async throws {
        var configuration = TransportLab.configuration(tcp: false)
        configuration.udpReceiveBufferSize = 4 << 20
        try await TransportLab.with(configuration) { lab in
            let client = try UDPClient()
            let count = 500
            // Bursts of 100 while the loop is held, so that each is read in as few cycles as possible, and
            // fits the receive buffer even where net.core.rmem_max caps it at the default.
            for round in 0..<5 {
                try await lab.withLoopHeld {
                    for index in round * 100..<(round + 1) * 100 {
                        client.send(sipRequest(callID: "burst-\(index)"), to: lab.udpPort)
                    }
                }
            }
            let messages = try await lab.delegate.messages(atLeast: count)
            #expect(messages.count == count)
            #expect(messages.map(\.bytes) == (0..<count).map { sipRequest(callID: "burst-\($0)") })
            #expect(lab.delegate.batches.contains { $0.count > 1 })
            #expect(lab.delegate.batches.count < count)
        }
    }

    @Test func keepAlivesAndOversizeDatagramsAreDropped() async throws {
        var configuration = TransportLab.configuration(tcp: false)
        configuration.maximumMessageSize = 1_000
        try await TransportLab.with(configuration) { lab in
            let client = try UDPClient()
            client.send([], to: lab.udpPort)
            client.send(Array("\r\n".utf8), to: lab.udpPort)
            client.send(Array("\r\n\r\n".utf8), to: lab.udpPort)
            client.send(sipRequest(body: String(repeating: "v", count: 1_000)), to: lab.udpPort)
            client.send(sipRequest(callID: "after"), to: lab.udpPort)
            let messages = try await lab.delegate.messages(atLeast: 1)
            #expect(messages.map(\.bytes) == [sipRequest(callID: "after")])
            #expect(lab.transport.counters.keepAlivesReceived == 3)
            #expect(lab.transport.counters.oversizeDropped == 1)
        }
    }

    @Test func aSendTheKernelRefusesLeavesTheSocketOpen() async throws {
        try await TransportLab.with(TransportLab.configuration(tcp: false)) { lab in
            // A broadcast destination without SO_BROADCAST: sendto fails with EACCES.
            try await lab.send(sipResponse(), to: SIPPeer(transport: .udp, address: "255.255.255.255", port: 5060))
            try await lab.send(sipResponse(), to: SIPPeer(transport: .udp, address: "not an address", port: 5060))
            #expect(lab.transport.counters.sendErrors == 2)
            let client = try UDPClient()
            client.send(sipRequest(), to: lab.udpPort)
            let message = try #require(try await lab.delegate.messages(atLeast: 1).first)
            try await lab.send(sipResponse(), to: message.peer)
            #expect(try await client.receive().bytes == sipResponse())
        }
    }
}
