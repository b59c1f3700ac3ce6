import CastorModel
import CastorTestSupport
import Foundation
import Testing

@testable import PBXService

/// Two linphonec (Debian's linphone-cli) registered as lab lines call each other through Castor. Each plays
/// a tone from a file (1 kHz from the caller, 440 Hz from the callee) and records what it hears; sox checks
/// each recording holds the other's tone (notes/sip-testing.md §4). Once with both phones on PCMU, once with
/// the caller on PCMU only and the callee on PCMA only: the relay transcodes between the laws.
@Suite("castor pbx: two linphonec call each other and hear each other's tone", .serialized)
struct LinphoneCallTests {
    /// One linphonec driven through a script that waits for marker files the test creates.
    struct Phone {
        let home: String
        let line: String
        let process: ChildProcess

        static func start(
            _ line: String, in directory: String, pbx: PBXFixture, codec: String, tone: String, autoanswer: Bool,
            calls: String? = nil
        ) async throws -> Phone {
            let home = directory + "/lp-\(line)"
            try FileManager.default.createDirectory(
                atPath: home + "/.local/share/linphone", withIntermediateDirectories: true)
            let rc =
                "[sip]\nsip_port=\(LoopbackPort.freeTCP())\nsip_tcp_port=0\nsip_tls_port=0\n"
                + "[rtp]\naudio_rtp_port=\(LoopbackPort.freeTCP())\n"
            try rc.write(toFile: home + "/lp.rc", atomically: true, encoding: .utf8)
            // linphonec numbers its codecs itself: ask it, then keep only `codec` enabled.
            let listing = try await Subprocess.run(
                "/bin/bash",
                [
                    "-c",
                    "(sleep 1; echo 'codec list'; sleep 1; echo quit) | HOME=\(home) timeout 20 linphonec -c \(home)/lp.rc -d 0",
                ])
            let codecLines = (listing.stdout + listing.stderr).split(separator: "\n").compactMap {
                row -> (Int, String)? in
                let parts = row.split(separator: ":", maxSplits: 1)
                guard parts.count == 2, let index = Int(parts[0].trimmingCharacters(in: .whitespaces)) else {
                    return nil
                }
                return (index, parts[1].trimmingCharacters(in: .whitespaces))
            }
            #expect(codecLines.contains { $0.1.hasPrefix("\(codec) (8000)") }, "linphonec codecs: \(codecLines)")
            let codecCommands = codecLines.map { index, name in
                "echo 'codec \(name.hasPrefix("\(codec) (8000)") ? "enable" : "disable") \(index)'"
            }.joined(separator: "; ")
            let secret = try pbx.secret(line)
            func waitFor(_ marker: String) -> String {
                "i=0; while [ ! -e \(home)/\(marker) ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done"
            }
            var steps = [
                "sleep 1", "echo 'soundcard use files'", codecCommands,
                autoanswer ? "echo 'autoanswer enable'" : "true", "echo 'play \(tone)'",
                "echo 'record \(home)/heard.wav'",
                "echo 'register sip:\(line)@127.0.0.1 sip:127.0.0.1:\(pbx.port) \(secret)'",
            ]
            if let calls {
                steps += [waitFor("call"), "echo 'call sip:\(calls)@127.0.0.1'", waitFor("hangup"), "echo terminate"]
            }
            steps += [waitFor("quit"), "echo quit"]
            let script =
                "(\(steps.joined(separator: "; "))) | HOME=\(home) timeout 120 linphonec -c \(home)/lp.rc -d 0\n"
            try script.write(toFile: home + "/run.sh", atomically: true, encoding: .utf8)
            let process = try Subprocess.start(
                "/bin/bash", [home + "/run.sh"], stdout: home + "/out", stderr: home + "/out")
            return Phone(home: home, line: line, process: process)
        }

        func signal(_ marker: String) { FileManager.default.createFile(atPath: home + "/" + marker, contents: nil) }

        func stop() async {
            signal("quit")
            await Subprocess.waitForExit(process, limit: .seconds(15))
        }

        var output: String { (try? String(contentsOfFile: home + "/out", encoding: .utf8)) ?? "" }
    }

    /// sox's rough frequency and RMS amplitude of a recording, skipping its first second.
    static func analyse(_ path: String) async throws -> (frequency: Double, rms: Double) {
        let stat = try await Subprocess.run("/usr/bin/sox", [path, "-n", "trim", "1", "3", "stat"])
        func value(_ label: String) -> Double {
            let line = stat.stderr.split(separator: "\n").first { $0.hasPrefix(label) } ?? ""
            return Double(line.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") ?? 0
        }
        return (value("Rough   frequency"), value("RMS     amplitude"))
    }

    static func until(_ limit: Duration, _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(200))
        }
        return false
    }

    @Test(
        "1001 calls 1002; each hears the other's tone",
        arguments: [("PCMU", "PCMU"), ("PCMU", "PCMA")])
    func toneBothWays(callerCodec: String, calleeCodec: String) async throws {
        let pbx = try await PBXFixture.start { $0.rtpPorts = 31_400...31_499 }
        let directory = pbx.directory
        for (name, frequency) in [("tone1k", 1000), ("tone440", 440)] {
            let made = try await Subprocess.run(
                "/usr/bin/sox",
                [
                    "-n", "-r", "8000", "-c", "1", "-b", "16", "\(directory)/\(name).wav", "synth", "30", "sine",
                    "\(frequency)",
                ])
            #expect(made.status == 0, "sox: \(made.stderr)")
        }
        let callee = try await Phone.start(
            "1002", in: directory, pbx: pbx, codec: calleeCodec, tone: directory + "/tone440.wav", autoanswer: true)
        let caller = try await Phone.start(
            "1001", in: directory, pbx: pbx, codec: callerCodec, tone: directory + "/tone1k.wav", autoanswer: false,
            calls: "1002")
        let registered = try await Self.until(.seconds(30)) {
            let peers = try await pbx.control("peers").peers ?? []
            return ["1001", "1002"].allSatisfy { line in peers.contains { $0.username == line && !$0.contacts.isEmpty }
            }
        }
        #expect(registered, "registration: \(caller.output)\n\(callee.output)")
        caller.signal("call")
        let up = try await Self.until(.seconds(20)) {
            try await pbx.control("calls").calls?.contains { $0.state == "Up" } ?? false
        }
        #expect(up, "the call never came up: \(caller.output)")
        // Five seconds of conversation (the recordings are analysed from their second second).
        try await Task.sleep(for: .seconds(5))
        caller.signal("hangup")
        let records = try await CallPeerTests.records(pbx, count: 1)
        await caller.stop()
        await callee.stop()
        let record = try #require(records.first, "no CDR row: \(caller.output)")
        #expect(record.disposition == .answered)
        #expect(record.callerCodec == callerCodec && record.calleeCodec == calleeCodec)
        let heardByCaller = try await Self.analyse(caller.home + "/heard.wav")
        let heardByCallee = try await Self.analyse(callee.home + "/heard.wav")
        #expect(abs(heardByCaller.frequency - 440) < 30, "caller heard \(heardByCaller)")
        #expect(abs(heardByCallee.frequency - 1000) < 50, "callee heard \(heardByCallee)")
        #expect(heardByCaller.rms > 0.1 && heardByCallee.rms > 0.1)
        await pbx.stop()
    }
}
