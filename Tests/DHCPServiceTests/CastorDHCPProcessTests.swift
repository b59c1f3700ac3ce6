import CastorCore
import CastorFuzzing
import CastorTestSupport
import DHCPCodec
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `castor dhcp` as a subprocess, with real peers: perfdhcp, a relay socket, kill -9, SIGHUP.
@Suite(.serialized) struct CastorDHCPProcessTests {
    /// perfdhcp (Debian's kea-admin) runs DORA exchanges as a relay on 127.0.0.2 (notes/kea-dhcp.md §5).
    /// `-W` lets it wait for the last replies; without it the last exchange counts as a drop, for Kea too.
    @Test func perfdhcpCompletesEveryExchange() async throws {
        let perfdhcp = "/usr/sbin/perfdhcp"
        try #require(FileManager.default.isExecutableFile(atPath: perfdhcp), "perfdhcp (kea-admin) is not installed")
        try await LoopbackRelay.ensureAddress()
        let environment = try DHCPTestEnvironment()
        defer { environment.remove() }
        let clientPort = DHCPTestEnvironment.freeUDPPort()
        let server = try await environment.startCastor(clientPort: clientPort)
        defer { kill(server.processIdentifier, SIGKILL) }

        let output = try await Subprocess.run(
            perfdhcp,
            [
                "-4", "-l", "127.0.0.2", "-L", "\(clientPort)", "-N", "\(environment.serverPort)", "-r", "100", "-R",
                "200", "-n", "200", "-p", "20", "-W", "500000", "127.0.0.1",
            ], limit: .seconds(60))
        let report = PerfdhcpReport(output.stdout)
        print("perfdhcp: \(report.summary)")
        #expect(output.status == 0, "perfdhcp: \(output.stdout)\(output.stderr)")
        #expect(report.sent.first == 200)
        #expect(report.received == report.sent)
        #expect(report.drops.allSatisfy { $0 == 0 })
        #expect(environment.leaseRows().count == 200)

        kill(server.processIdentifier, SIGTERM)
        await Subprocess.waitForExit(server)
        #expect(server.terminationStatus == 0)
        #expect(environment.log.contains("DHCP4_SHUTDOWN"))
    }

    /// A thousand malformed datagrams (mutated real packets and noise, seeded) from a relay address: the
    /// daemon counts them, stays up and answers the next good client.
    @Test func malformedPacketsNeverStopTheDaemon() async throws {
        try await LoopbackRelay.ensureAddress()
        let environment = try DHCPTestEnvironment()
        defer { environment.remove() }
        let relay = try LoopbackRelay(serverPort: environment.serverPort)
        let server = try await environment.startCastor(clientPort: relay.port)
        defer { kill(server.processIdentifier, SIGKILL) }

        var random = SeededRandom(seed: 0xBAD_9ACE7)
        let seeds = DHCPFuzzTarget.seeds.map { seed in
            // As a relay on 127.0.0.2 would forward it, so it reaches the engine's relay path too.
            var bytes = seed
            if bytes.count > 28 { bytes.replaceSubrange(24..<28, with: [127, 0, 0, 2]) }
            return bytes
        }
        for round in 0..<1_000 {
            var bytes = seeds[round % seeds.count]
            if round % 10 == 9 {
                bytes = (0..<Int.random(in: 0...600, using: &random)).map { _ in
                    UInt8.random(in: 0...255, using: &random)
                }
            } else {
                DHCPFuzzTarget.mutate(&bytes, rounds: 1 + round % 3, using: &random)
            }
            relay.send(bytes)
            if round % 100 == 99 { try await Task.sleep(for: .milliseconds(5)) }
        }
        let mac = testMAC(0x77)
        let address = try await relay.lease(mac: mac, xid: 0x7700)
        #expect(address != nil, "no lease after the malformed burst: \(environment.log.suffix(2000))")
        #expect(server.isRunning)
        let statistics = try await KeaControlClient(path: environment.controlSocketPath).command(
            #"{"command": "statistic-get", "arguments": {"name": "pkt4-parse-failed"}}"#)
        let failed =
            (((statistics["arguments"] as? [String: Any])?["pkt4-parse-failed"] as? [[Any]])?.first?.first as? Int) ?? 0
        #expect(failed > 0, "\(statistics)")
        kill(server.processIdentifier, SIGTERM)
        await Subprocess.waitForExit(server)
        #expect(server.terminationStatus == 0)
    }

    /// Every address ACKed before a kill -9 is in the lease file, and the restarted server knows it.
    @Test func ackedLeasesSurviveKillMinus9() async throws {
        let environment = try DHCPTestEnvironment()
        defer { environment.remove() }
        let relay = try LoopbackRelay(serverPort: environment.serverPort)
        let server = try await environment.startCastor(clientPort: relay.port)
        var acked: [Int: IPv4Address] = [:]
        for client in 1...30 {
            if let address = try await relay.lease(mac: testMAC(client), xid: UInt32(0x1000 + client * 4)) {
                acked[client] = address
            }
        }
        kill(server.processIdentifier, SIGKILL)
        await Subprocess.waitForExit(server)
        #expect(acked.count == 30)
        let rows = environment.leaseRows()
        for address in acked.values { #expect(rows["\(address)"] == 3600, "\(address) was ACKed but not stored") }

        // Restarted, the server offers each client the address it holds.
        let restarted = try await environment.startCastor(clientPort: relay.port)
        defer { kill(restarted.processIdentifier, SIGKILL) }
        for client in [1, 15, 30] {
            let offer = try await relay.exchange(
                LoopbackRelay.request(.discover, xid: UInt32(0x9000 + client), mac: testMAC(client)))
            #expect(offer?.yiaddr == acked[client])
        }
    }

    @Test func aBadConfigurationIsRefusedWithItsPosition() async throws {
        let environment = try DHCPTestEnvironment()
        defer { environment.remove() }
        try environment.writeBrokenConfig()
        let run = try await Subprocess.run(
            Subprocess.castor, ["dhcp", "-c", environment.configPath, "-p", "\(environment.serverPort)"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(environment.configPath):3:3: "), "\(run.stderr)")
        let check = try await Subprocess.run(Subprocess.castor, ["dhcp", "-t", environment.configPath])
        #expect(check.status == 1)
        #expect(check.stderr.contains("\(environment.configPath):3:3: "))
    }

    @Test func aPortInUseIsFatalWithAClearMessage() async throws {
        let environment = try DHCPTestEnvironment()
        defer { environment.remove() }
        let first = try await environment.startCastor(clientPort: DHCPTestEnvironment.freeUDPPort())
        defer { kill(first.processIdentifier, SIGKILL) }
        let second = try await Subprocess.run(
            Subprocess.castor, ["dhcp", "-c", environment.configPath, "-p", "\(environment.serverPort)"])
        #expect(second.status == 1)
        #expect(
            second.stderr.contains(
                "castor dhcp: cannot bind 127.0.0.1:\(environment.serverPort): Address already in use"),
            "\(second.stderr)")
    }

    @Test func sighupWithABrokenConfigurationKeepsServing() async throws {
        let environment = try DHCPTestEnvironment()
        defer { environment.remove() }
        let relay = try LoopbackRelay(serverPort: environment.serverPort)
        let server = try await environment.startCastor(clientPort: relay.port)
        defer { kill(server.processIdentifier, SIGKILL) }
        #expect(try await relay.lease(mac: testMAC(1), xid: 0x500) != nil)

        try environment.writeBrokenConfig()
        kill(server.processIdentifier, SIGHUP)
        let deadline = ContinuousClock.now + .seconds(10)
        while !environment.log.contains("DHCP4_DYNAMIC_RECONFIGURATION_FAIL"), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(environment.log.contains("DHCP4_DYNAMIC_RECONFIGURATION_FAIL"))
        #expect(server.isRunning)
        #expect(try await relay.lease(mac: testMAC(2), xid: 0x600) != nil)
    }
}

/// perfdhcp's report: one "sent packets / received packets / drops" block per exchange (DISCOVER-OFFER,
/// REQUEST-ACK), and the rate line.
struct PerfdhcpReport {
    var sent: [Int] = []
    var received: [Int] = []
    var drops: [Int] = []
    var rate = ""

    init(_ text: String) {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "sent packets": sent.append(Int(parts[1]) ?? -1)
            case "received packets": received.append(Int(parts[1]) ?? -1)
            case "drops": drops.append(Int(parts[1]) ?? -1)
            case "Rate": rate = parts[1]
            default: break
            }
        }
    }

    var summary: String { "sent \(sent), received \(received), drops \(drops), rate \(rate)" }
}
