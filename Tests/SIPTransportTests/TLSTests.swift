import CastorTestSupport
import SIPTransport
import Testing

/// TLS with openssl as the phone, each way.
@Suite struct TLSTests {
    @Test func aMessageOverTLSIsDeliveredAndAnswered() async throws {
        let files = try await TLSFiles.make()
        defer { files.remove() }
        let delegate = RecordingDelegate { $0.peer.transport == .tls ? sipResponse() : nil }
        try await TransportLab.with(files.configuration, delegate: delegate) { lab in
            let tlsPort = try #require(lab.transport.tlsPort)
            let phone = try OpenSSLPeer.client(port: tlsPort, directory: files.directory)
            phone.write(sipRequest("REGISTER"))
            let message = try #require(try await lab.delegate.messages(atLeast: 1).first)
            #expect(message.bytes == sipRequest("REGISTER"))
            #expect(message.peer.transport == .tls && message.peer.connection != nil)
            #expect(message.local == SIPLocalEndpoint(transport: .tls, address: "127.0.0.1", port: tlsPort))
            try await phone.waitForOutput(sipResponse())
            #expect(lab.transport.counters.tls.messagesReceived == 1)
            try await waitUntil("the send counted") { lab.transport.counters.tls.messagesSent == 1 }
            await phone.stop()
        }
    }

    @Test func sendingToATLSPeerOpensAConnection() async throws {
        let files = try await TLSFiles.make()
        defer { files.remove() }
        try await TransportLab.with(files.configuration) { lab in
            let port = LoopbackPort.freeTCP()
            let phone = try OpenSSLPeer.server(port: port, files: files)
            let peer = SIPPeer(transport: .tls, address: "127.0.0.1", port: port)
            let notify = sipRequest("NOTIFY")
            // s_server may not listen yet: a refused connection is reported, and the test tries again.
            var attempts = 0
            while phone.output.count < notify.count {
                attempts += 1
                guard attempts <= 100 else { throw TestFailure("s_server never received the NOTIFY") }
                let failures = lab.delegate.unreachablePeers.count
                try await lab.send(notify, to: peer)
                try await waitUntil("the NOTIFY delivered or refused") {
                    phone.output.count >= notify.count || lab.delegate.unreachablePeers.count > failures
                }
                if phone.output.count < notify.count { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(phone.output == notify)
            // The phone answers over the connection.
            phone.write(sipResponse())
            let answer = try #require(try await lab.delegate.messages(atLeast: 1).first)
            #expect(answer.bytes == sipResponse())
            #expect(answer.peer.transport == .tls && answer.peer.port == port)
            await phone.stop()
        }
    }

    @Test func aHandshakeNeverStartedClosesTheConnection() async throws {
        let files = try await TLSFiles.make()
        defer { files.remove() }
        var configuration = files.configuration
        configuration.incompleteMessageTimeout = .milliseconds(200)
        try await TransportLab.with(configuration) { lab in
            let silent = try await TCPClient(port: UInt16(try #require(lab.transport.tlsPort)))
            try await silent.waitForClose()
            #expect(lab.transport.counters.connectionsClosedIncomplete == 1)
        }
    }

    @Test func unreadableCertificateFilesAreNamed() async throws {
        var configuration = TransportLab.configuration()
        configuration.tlsPort = 0
        configuration.tlsCertificateChainPath = "/nonexistent/castor.crt"
        configuration.tlsPrivateKeyPath = "/nonexistent/castor.key"
        await #expect(
            throws: SIPTransportError.tlsFile(
                file: "certificate chain", path: "/nonexistent/castor.crt", reason: "No such file or directory")
        ) {
            _ = try await TransportLab.start(configuration)
        }
        let error = SIPTransportError.tlsFile(
            file: "certificate chain", path: "/x.crt", reason: "No such file or directory")
        #expect(error.description == "cannot read the TLS certificate chain /x.crt: No such file or directory")
    }

    @Test func aFileThatIsNotPEMIsNamed() async throws {
        let files = try await TLSFiles.make()
        defer { files.remove() }
        var configuration = files.configuration
        configuration.tlsPrivateKeyPath = files.certificate
        await #expect {
            _ = try await TransportLab.start(configuration)
        } throws: { error in
            guard case .tlsFile(let file, let path, _) = error as? SIPTransportError else { return false }
            return file == "private key" && path == files.certificate
        }
    }
}
