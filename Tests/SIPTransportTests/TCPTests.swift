import SIPCodec
import SIPTransport
import Testing

/// Framing, keepalives and routing over TCP.
@Suite struct TCPTests {
    @Test func udpAndTCPShareThePortNumber() async throws {
        try await TransportLab.with { lab in
            #expect(lab.transport.tcpPort == lab.transport.udpPort)
            #expect(lab.transport.tlsPort == nil)
        }
    }

    @Test func aMessageSplitByteByByteIsDeliveredOnce() async throws {
        try await TransportLab.with { lab in
            let client = try await TCPClient(port: lab.tcpPort)
            let request = sipRequest(body: "v=0\r\n")
            for byte in request { try client.write([byte]) }
            // A second message after it: when it arrives, the first has been delivered exactly once.
            try client.write(sipRequest(callID: "sentinel"))
            let messages = try await lab.delegate.messages(atLeast: 2)
            #expect(messages.map(\.bytes) == [request, sipRequest(callID: "sentinel")])
            let peer = try #require(messages.first?.peer)
            #expect(peer.transport == .tcp && peer.address == "127.0.0.1" && peer.port == Int(client.port))
            #expect(peer.connection != nil)
            #expect(
                messages.first?.local == SIPLocalEndpoint(transport: .tcp, address: "127.0.0.1", port: Int(lab.tcpPort))
            )
            #expect(lab.transport.counters.tcp.messagesReceived == 2)
        }
    }

    @Test func twoMessagesInOneWriteAreTwoMessages() async throws {
        try await TransportLab.with { lab in
            let client = try await TCPClient(port: lab.tcpPort)
            let first = sipRequest(callID: "one", body: "first body")
            let second = sipRequest(callID: "two")
            try client.write(first + second)
            let messages = try await lab.delegate.messages(atLeast: 2)
            #expect(messages.map(\.bytes) == [first, second])
        }
    }

    @Test func aPingIsAnsweredWithAPong() async throws {
        try await TransportLab.with { lab in
            let client = try await TCPClient(port: lab.tcpPort)
            try client.write("\r\n\r\n")
            #expect(try await client.read(count: 2) == Array("\r\n".utf8))
            #expect(lab.transport.counters.keepAlivesReceived == 1)
            // The connection carries messages as before.
            try client.write(sipRequest())
            #expect(try await lab.delegate.messages(atLeast: 1).map(\.bytes) == [sipRequest()])
        }
    }

    @Test func aMessageWithoutContentLengthClosesTheConnection() async throws {
        try await TransportLab.with { lab in
            let client = try await TCPClient(port: lab.tcpPort)
            try client.write("OPTIONS sip:castor@127.0.0.1 SIP/2.0\r\nCall-ID: x\r\n\r\n")
            try await client.waitForClose()
            #expect(lab.transport.counters.framingErrors == 1)
            #expect(lab.delegate.messages.isEmpty)
            try await waitUntil("the connection is forgotten") { lab.transport.counters.connectionsOpen == 0 }
        }
    }

    @Test func anOversizeMessageClosesTheConnection() async throws {
        var configuration = TransportLab.configuration()
        configuration.maximumMessageSize = 2_000
        try await TransportLab.with(configuration) { lab in
            let client = try await TCPClient(port: lab.tcpPort)
            try client.write(sipRequest(callID: "fits", body: String(repeating: "a", count: 1_000)))
            try client.write(sipRequest(callID: "too-big", body: String(repeating: "b", count: 3_000)))
            try await client.waitForClose()
            #expect(
                try await lab.delegate.messages(atLeast: 1).map(\.bytes) == [
                    sipRequest(callID: "fits", body: String(repeating: "a", count: 1_000))
                ])
            #expect(lab.transport.counters.framingErrors == 1)
        }
    }

    @Test func aResponseGoesBackOverTheRequestsConnection() async throws {
        let delegate = RecordingDelegate { message in
            message.bytes.starts(with: Array("OPTIONS".utf8)) ? sipResponse() : nil
        }
        try await TransportLab.with(delegate: delegate) { lab in
            let client = try await TCPClient(port: lab.tcpPort)
            try client.write(sipRequest())
            #expect(try await client.read(count: sipResponse().count) == sipResponse())
            // Counted once the write returns, which may be after the client has read the bytes.
            try await waitUntil("the send counted") { lab.transport.counters.tcp.messagesSent == 1 }
            // By connection identifier, from outside the delegate too.
            let peer = try #require(lab.delegate.messages.first?.peer)
            try await lab.send(sipResponse(callID: "again"), to: peer)
            #expect(try await client.read(count: sipResponse(callID: "again").count) == sipResponse(callID: "again"))
        }
    }

    @Test func sendingToAPeerWithoutAConnectionOpensOne() async throws {
        try await TransportLab.with { lab in
            let phone = try TCPListener()
            let peer = SIPPeer(transport: .tcp, address: "127.0.0.1", port: Int(phone.port))
            let notify = sipRequest("NOTIFY", callID: "outbound")
            try await lab.send(notify, to: peer)
            try await lab.send(sipRequest("NOTIFY", callID: "queued"), to: peer)
            let connection = try await phone.accept()
            let expected = notify + sipRequest("NOTIFY", callID: "queued")
            #expect(try await connection.read(count: expected.count) == expected)
            #expect(lab.transport.counters.connectionsInitiated == 1)

            // The phone answers over the same connection.
            try connection.write(sipResponse(callID: "outbound"))
            let answer = try #require(try await lab.delegate.messages(atLeast: 1).first)
            #expect(answer.bytes == sipResponse(callID: "outbound"))
            #expect(answer.peer.port == Int(phone.port) && answer.peer.connection != nil)
            #expect(answer.local == SIPLocalEndpoint(transport: .tcp, address: "127.0.0.1", port: Int(lab.tcpPort)))

            // A later message reuses the connection.
            try await lab.send(sipRequest("NOTIFY", callID: "third"), to: peer)
            let third = sipRequest("NOTIFY", callID: "third")
            #expect(try await connection.read(count: third.count) == third)
            #expect(lab.transport.counters.connectionsInitiated == 1)
        }
    }

    @Test func aPeerThatRefusesTheConnectionIsReported() async throws {
        try await TransportLab.with { lab in
            let closedPort = try TCPListener().port  // released at once: nothing listens there
            let peer = SIPPeer(transport: .tcp, address: "127.0.0.1", port: Int(closedPort))
            try await lab.send(sipRequest(), to: peer)
            try await waitUntil("the failure reported") { !lab.delegate.unreachablePeers.isEmpty }
            #expect(lab.delegate.unreachablePeers.map(\.port) == [Int(closedPort)])
            #expect(lab.transport.counters.sendErrors == 1)
            #expect(lab.transport.counters.connectionsOpen == 0)
        }
    }

    @Test func aClosedConnectionIsReported() async throws {
        try await TransportLab.with { lab in
            var client: TCPClient? = try await TCPClient(port: lab.tcpPort)
            try client?.write(sipRequest())
            let connection = try #require(try await lab.delegate.messages(atLeast: 1).first?.peer.connection)
            client = nil
            try await waitUntil("the close reported") { lab.delegate.closedConnections == [connection] }
            #expect(lab.transport.counters.connectionsOpen == 0)
        }
    }
}
