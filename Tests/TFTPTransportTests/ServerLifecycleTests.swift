import CastorTestSupport
import TFTPProtocol
import TFTPTransport
import Testing

/// Binding, stopping, and handlers other than the directory one.
@Suite struct ServerLifecycleTests {
    @Test func secondServerOnTheSamePortFailsClearly() async throws {
        try await TFTPLab.with { lab in
            var configuration = TFTPLab.configuration()
            configuration.port = lab.port
            await #expect {
                _ = try await TFTPServer.start(configuration: configuration, handler: lab.handler)
            } throws: { error in
                (error as? TFTPBindError)?.message == "cannot bind 127.0.0.1:\(lab.port): Address already in use"
            }
        }
    }

    @Test func hostMustBeAnIPv4Address() async throws {
        let configuration = TFTPServerConfiguration(host: "localhost", port: 0)
        await #expect(throws: TFTPBindError("cannot bind localhost:0: \"localhost\" is not an IPv4 address")) {
            _ = try await TFTPServer.start(configuration: configuration, handler: MemoryHandler(files: [:]))
        }
    }

    @Test func stopAbortsTransfersInProgress() async throws {
        let lab = try await TFTPLab.start(files: ["f.bin": randomBytes(5000, seed: 5)])
        let client = try RawTFTPClient()
        client.send(.readRequest(TFTPRequest(filename: "f.bin", mode: .octet)), to: lab.port)
        _ = try await client.receivePacket()
        #expect(lab.server.activeTransfers == 1)
        await lab.stop()
        #expect(try await client.receivePacket().packet == .error(.undefined, message: "Server shutting down"))
        #expect(lab.server.activeTransfers == 0)
        #expect(lab.handler.outcomes.count == 1)
        #expect(lab.server.counters.transfersFailed == 1)
        // The well-known port is closed: nothing answers.
        client.send(.readRequest(TFTPRequest(filename: "f.bin", mode: .octet)), to: lab.port)
        #expect(await client.isSilent(for: .milliseconds(100)))
        await lab.server.stop()
    }

    @Test func handlerServesGeneratedContentAndRefuses() async throws {
        let handler = MemoryHandler(files: ["snom715.htm": Array("<html/>".utf8)])
        let server = try await TFTPServer.start(
            configuration: TFTPLab.configuration(), handler: handler, group: TFTPLab.group)
        let client = try RawTFTPClient()
        client.send(.readRequest(TFTPRequest(filename: "/snom715.htm", mode: .octet)), to: server.localPort)
        let (data, port) = try await client.receivePacket()
        #expect(data == .data(block: 1, payload: Array("<html/>".utf8)))
        client.send(.acknowledgement(block: 1), to: port)
        client.send(.readRequest(TFTPRequest(filename: "other.htm", mode: .octet)), to: server.localPort)
        let (refusal, refusalPort) = try await client.receivePacket()
        #expect(refusal == .error(.fileNotFound, message: "No profile for other.htm"))
        #expect(refusalPort == server.localPort)
        await server.stop()
        #expect(server.counters.refusals == 1)
    }
}

/// Serves files from memory, as provisioning serves rendered profiles.
struct MemoryHandler: TFTPRequestHandler {
    let files: [String: [UInt8]]

    func resolve(_ request: TFTPReadContext) async -> TFTPResolution {
        let name = request.path.joined(separator: "/")
        guard let bytes = files[name] else { return .refuse(.fileNotFound, message: "No profile for \(name)") }
        return .file(TFTPMemorySource(bytes))
    }
}
