import SIPTransport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Binding, and the errors that say which port.
@Suite struct BindTests {
    @Test func aUDPPortInUseIsNamed() async throws {
        let squatter = try UDPClient()
        var configuration = TransportLab.configuration(tcp: false)
        configuration.udpPort = Int(squatter.port)
        await #expect {
            _ = try await TransportLab.start(configuration)
        } throws: { error in
            (error as? SIPTransportError)?.description
                == "cannot bind SIP over UDP to 127.0.0.1:\(squatter.port): Address already in use"
        }
    }

    @Test func aTCPPortInUseIsNamed() async throws {
        try await TransportLab.with { lab in
            var configuration = TransportLab.configuration()
            configuration.tcpPort = lab.transport.tcpPort
            await #expect {
                _ = try await TransportLab.start(configuration)
            } throws: { error in
                (error as? SIPTransportError)?.description
                    == "cannot bind SIP over TCP to 127.0.0.1:\(lab.tcpPort): Address already in use"
            }
        }
    }

    @Test func tcpTakesAnotherSharedPortWhenTheFirstIsTaken() async throws {
        // Many transports at once: each must find a number free for both UDP and TCP.
        var transports: [TransportLab] = []
        for _ in 0..<8 { transports.append(try await TransportLab.start()) }
        for lab in transports {
            #expect(lab.transport.tcpPort == lab.transport.udpPort)
            await lab.transport.close()
        }
    }

    @Test func theHostMustBeAnIPv4Address() async throws {
        var configuration = TransportLab.configuration()
        configuration.host = "localhost"
        await #expect(throws: SIPTransportError.invalidConfiguration("host \"localhost\" is not an IPv4 address")) {
            _ = try await TransportLab.start(configuration)
        }
    }

    @Test func closingFreesThePorts() async throws {
        // A port below the kernel's ephemeral range (32768-60999 here): between the close and the second
        // bind, another test's port-0 socket could be handed a freed ephemeral port, failing this one with
        // "Address already in use" (seen once in a full run); nothing is handed a port outside that range.
        var started: TransportLab?
        for _ in 0..<50 where started == nil {
            var configuration = TransportLab.configuration()
            configuration.udpPort = Int.random(in: 20_000..<32_000)
            started = try? await TransportLab.start(configuration)
        }
        let lab = try #require(started)
        let port = lab.transport.udpPort
        await lab.transport.close()
        await lab.transport.close()
        var configuration = TransportLab.configuration()
        configuration.udpPort = port
        try await TransportLab.with(configuration) { again in
            #expect(again.transport.udpPort == port && again.transport.tcpPort == port)
        }
    }
}
