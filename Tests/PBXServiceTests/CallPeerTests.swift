import CastorModel
import CastorTestSupport
import Foundation
import Testing

@testable import PBXService

/// Calls through `castor pbx` between real SIPp user agents: a UAC placing calls as line 1001 (407 digest,
/// RTP from a µ-law tone file) and a UAS registered as the callee's contact that echoes the RTP it gets
/// (`-rtp_echo`), so audio crosses the relay both ways.
@Suite("castor pbx calls with SIPp", .serialized)
struct CallPeerTests {
    /// A SIPp UAS answering calls for `line`, registered (REGISTER from another SIPp, Contact = the UAS port).
    struct Callee {
        let process: ChildProcess
        let port: Int

        static func start(for line: String, pbx: PBXFixture, calls: Int) async throws -> Callee {
            let port = LoopbackPort.freeTCP()
            let work = pbx.directory + "/uas-\(line)"
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
            let process = try Subprocess.start(
                "/usr/bin/sipp",
                [
                    "-sf", PBXFixture.scenarios + "/uas_call.xml", "-i", "127.0.0.1", "-p", String(port),
                    "-mi", "127.0.0.1", "-mp", String(LoopbackPort.freeTCP()), "-rtp_echo", "-m", String(calls),
                    "-nostdin", "-trace_err", "-error_file", work + "/errors.log",
                ], stdout: work + "/out", stderr: work + "/out")
            let secret = try pbx.secret(line)
            let registered = try await pbx.sipp(
                "register_contact.xml", users: [(line, secret)], calls: 1, extraFields: [String(port)])
            #expect(registered.status == 0, "register \(line): \(registered.errors)")
            return Callee(process: process, port: port)
        }

        func stop() async {
            if process.isRunning { kill(process.processIdentifier, SIGTERM) }
            await Subprocess.waitForExit(process, limit: .seconds(5))
        }
    }

    /// A raw µ-law file of a 1 kHz tone for SIPp's rtp_stream (sox, as notes/sip-testing.md §2 says).
    static func tone(in directory: String) async throws -> String {
        let path = directory + "/tone1k.pcmu"  // uac_call.xml streams it from SIPp's working directory
        let made = try await Subprocess.run(
            "/usr/bin/sox", ["-n", "-r", "8000", "-c", "1", "-t", "ul", path, "synth", "3", "sine", "1000"])
        #expect(made.status == 0, "sox: \(made.stderr)")
        return path
    }

    /// The CDR rows of the finished calls, waiting for the writer thread to store them.
    static func records(_ pbx: PBXFixture, count: Int) async throws -> [CallDetailRecord] {
        let deadline = ContinuousClock.now + .seconds(15)
        var records: [CallDetailRecord] = []
        while ContinuousClock.now < deadline {
            records = try pbx.store.cdrs(limit: 100, before: nil, caller: nil, disposition: nil)
            if records.count >= count { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        return records
    }

    @Test("a SIPp UAC calls a SIPp UAS through Castor, RTP both ways through the relay, CDR rows written")
    func callsWithMedia() async throws {
        let pbx = try await PBXFixture.start { $0.rtpPorts = 31_000...31_199 }
        let callee = try await Callee.start(for: "1002", pbx: pbx, calls: 3)
        _ = try await Self.tone(in: pbx.directory)
        let result = try await pbx.sipp(
            "uac_call.xml", users: [("1001", try pbx.secret("1001"))], calls: 3, rate: 1,
            extraFields: ["1002"],
            extraArguments: ["-d", "2000", "-mi", "127.0.0.1", "-mp", String(LoopbackPort.freeTCP())],
            in: pbx.directory)
        #expect(result.status == 0, "uac: \(result.errors)")
        let records = try await Self.records(pbx, count: 3)
        #expect(records.count == 3)
        for record in records {
            #expect(record.disposition == .answered)
            #expect(record.caller == "1001" && record.callee == "1002")
            #expect(record.callerCodec == "PCMU" && record.calleeCodec == "PCMU")
            // 2 s of 20 ms packets from the caller, echoed back by the callee: both legs carried audio.
            #expect(record.callerPackets > 40, "caller → relay packets: \(record.callerPackets)")
            #expect(record.calleePackets > 40, "callee → relay packets: \(record.calleePackets)")
        }
        let stats = try await pbx.control("stats").stats ?? [:]
        #expect(stats["calls_live"] == 0)
        await callee.stop()
        await pbx.stop()
    }

    @Test("1001 → 2001 is refused (404) until `castor context include comptabilite administratif`, then rings")
    func contextInclude() async throws {
        let pbx = try await PBXFixture.start { $0.rtpPorts = 31_200...31_299 }
        let callee = try await Callee.start(for: "2001", pbx: pbx, calls: 1)
        _ = try await Self.tone(in: pbx.directory)
        let secret = try pbx.secret("1001")
        let refused = try await pbx.sipp(
            "uac_call.xml", users: [("1001", secret)], calls: 1, extraFields: ["2001"],
            extraArguments: ["-d", "500", "-mi", "127.0.0.1", "-mp", String(LoopbackPort.freeTCP())],
            in: pbx.directory)
        #expect(refused.status != 0)
        #expect(refused.errors.contains("404"), "\(refused.errors)")
        _ = try pbx.store.include("administratif", in: "comptabilite")
        await pbx.service.reload()
        let rings = try await pbx.sipp(
            "uac_call.xml", users: [("1001", secret)], calls: 1, extraFields: ["2001"],
            extraArguments: ["-d", "500", "-mi", "127.0.0.1", "-mp", String(LoopbackPort.freeTCP())],
            in: pbx.directory)
        #expect(rings.status == 0, "\(rings.errors)")
        let records = try await Self.records(pbx, count: 2)
        #expect(records.map(\.disposition).sorted { $0.rawValue < $1.rawValue } == [.answered, .failed])
        #expect(records.first { $0.disposition == .failed }?.sipStatus == 404)
        await callee.stop()
        await pbx.stop()
    }
}
