import SIPTransport
import Testing

/// The bounds a hostile or broken peer runs into.
@Suite struct OverloadTests {
    @Test func connectionsBeyondTheMaximumAreRefused() async throws {
        var configuration = TransportLab.configuration()
        configuration.maximumConnections = 2
        try await TransportLab.with(configuration) { lab in
            let first = try await TCPClient(port: lab.tcpPort)
            let second = try await TCPClient(port: lab.tcpPort)
            try first.write(sipRequest(callID: "first"))
            try second.write(sipRequest(callID: "second"))
            _ = try await lab.delegate.messages(atLeast: 2)

            let third = try await TCPClient(port: lab.tcpPort)
            try await third.waitForClose()
            #expect(lab.transport.counters.connectionsRefused == 1)
            #expect(lab.transport.counters.connectionsOpen == 2)

            try first.write(sipRequest(callID: "first-again"))
            let messages = try await lab.delegate.messages(atLeast: 3)
            #expect(messages.last?.bytes == sipRequest(callID: "first-again"))
        }
    }

    @Test func aPeerThatDoesNotReadIsDisconnected() async throws {
        var configuration = TransportLab.configuration()
        configuration.maximumPendingOutboundBytesPerConnection = 16 << 10
        try await TransportLab.with(configuration) { lab in
            let client = try await TCPClient(port: lab.tcpPort, receiveBufferSize: 4_096)
            try client.write(sipRequest())
            let peer = try #require(try await lab.delegate.messages(atLeast: 1).first?.peer)
            // 4 KB NOTIFYs until the kernel's buffers are full and the transport's bound is passed (at most
            // 80 MB, far more than any socket buffer holds).
            let notify = sipRequest("NOTIFY", body: String(repeating: "x", count: 4_000))
            let transport = lab.transport
            let sent = try await transport.eventLoop.submit {
                var sent = 0
                while sent < 20_000 && transport.counters.connectionsClosedForOverload == 0 {
                    transport.send(notify, to: peer)
                    sent += 1
                }
                return sent
            }.get()
            #expect(sent < 20_000)
            #expect(lab.transport.counters.connectionsClosedForOverload == 1)
            try await client.waitForClose()
            try await waitUntil("the connection is forgotten") { lab.transport.counters.connectionsOpen == 0 }
        }
    }

    @Test func aMessageLeftUnfinishedClosesTheConnection() async throws {
        var configuration = TransportLab.configuration()
        configuration.incompleteMessageTimeout = .milliseconds(200)
        try await TransportLab.with(configuration) { lab in
            let client = try await TCPClient(port: lab.tcpPort)
            let request = sipRequest(body: "half of this body never arrives")
            try client.write(Array(request.prefix(request.count - 10)))
            try await client.waitForClose()
            #expect(lab.transport.counters.connectionsClosedIncomplete == 1)
            #expect(lab.delegate.messages.isEmpty)
        }
    }

    @Test func aSilentConnectionIsClosedWhenIdle() async throws {
        var configuration = TransportLab.configuration()
        configuration.idleTimeout = .milliseconds(200)
        try await TransportLab.with(configuration) { lab in
            let client = try await TCPClient(port: lab.tcpPort)
            try await client.waitForClose()
            #expect(lab.transport.counters.connectionsClosedIdle == 1)
            #expect(lab.transport.counters.connectionsClosedIncomplete == 0)
        }
    }

    @Test func aPendingPongIsNotAnUnfinishedMessage() async throws {
        var configuration = TransportLab.configuration()
        configuration.incompleteMessageTimeout = .milliseconds(100)
        configuration.idleTimeout = .milliseconds(600)
        try await TransportLab.with(configuration) { lab in
            let client = try await TCPClient(port: lab.tcpPort)
            // A lone CRLF waits for the next byte (it could be half a ping): idle, not unfinished. (Should the
            // connection be closed before the write, as idle, the outcome is the same.)
            try? client.write("\r\n")
            try await client.waitForClose()
            #expect(lab.transport.counters.connectionsClosedIdle == 1)
            #expect(lab.transport.counters.connectionsClosedIncomplete == 0)
        }
    }
}
