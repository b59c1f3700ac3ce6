import CastorTestSupport
import Foundation
import Testing

@testable import PBXService

/// linphonec (Debian's linphone-cli) registers a lab line over UDP, TCP and TLS (the PBX's self-signed
/// certificate, made at start), is listed by `sip show peers` with its user agent while registered, and
/// unregisters when it quits.
@Suite("castor pbx with linphonec", .serialized)
struct LinphoneTests {
    @Test("linphonec registers over UDP, TCP and TLS, and unregisters on quit", arguments: ["udp", "tcp", "tls"])
    func register(transport: String) async throws {
        let pbx = try await PBXFixture.start(tls: transport == "tls")
        let secret = try pbx.secret("1001")
        let home = pbx.directory + "/linphone-\(transport)"
        // linphonec starts no SIP transport without this directory (notes/sip-testing.md §4).
        try FileManager.default.createDirectory(
            atPath: home + "/.local/share/linphone", withIntermediateDirectories: true)
        let port = LoopbackPort.freeTCP()
        let ports = ["udp": "sip_port", "tcp": "sip_tcp_port", "tls": "sip_tls_port"].map { kind, key in
            "\(key)=\(kind == transport ? port : 0)"
        }.joined(separator: "\n")
        // The PBX's certificate is self-signed: linphonec is told not to verify it (a lab phone is set up so).
        try
            "[sip]\n\(ports)\nverify_server_certs=0\nverify_server_cn=0\n[rtp]\naudio_rtp_port=\(LoopbackPort.freeTCP())\n"
            .write(toFile: home + "/lp.rc", atomically: true, encoding: .utf8)
        let proxy =
            transport == "udp"
            ? "sip:127.0.0.1:\(pbx.port)"
            : "sip:127.0.0.1:\(transport == "tls" ? pbx.service.tlsPort ?? 0 : pbx.port);transport=\(transport)"
        // linphonec quits when the test says so (the `quit` file), not after a fixed sleep: on a loaded CI
        // machine its start and first REGISTER can take several seconds.
        let script = """
            (sleep 1; echo "register sip:1001@127.0.0.1 \(proxy) \(secret)"; i=0; \
             while [ ! -e \(home)/quit ] && [ $i -lt 450 ]; do sleep 0.1; i=$((i+1)); done; echo quit) \
            | HOME=\(home) timeout 60 linphonec -c \(home)/lp.rc -d 5 -l \(home)/linphone.log
            """
        try script.write(toFile: home + "/run.sh", atomically: true, encoding: .utf8)
        let process = try Subprocess.start(
            "/bin/bash", [home + "/run.sh"], stdout: home + "/out", stderr: home + "/out")

        var seen: PBXContact?
        let deadline = ContinuousClock.now + .seconds(30)
        while seen == nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(200))
            seen = try await pbx.control("peers").peers?.first { $0.username == "1001" }?.contacts.first
        }
        FileManager.default.createFile(atPath: home + "/quit", contents: nil)
        let contact = try #require(
            seen, "linphonec never registered: \(Self.diagnostics(home))")
        #expect(contact.source.hasPrefix("\(transport):127.0.0.1:"))
        #expect(contact.userAgent?.lowercased().contains("linphone") == true)
        await Subprocess.waitForExit(process, limit: .seconds(30))
        // On quit, linphonec sends REGISTER with Expires: 0.
        let after = try await pbx.control("peers").peers?.first { $0.username == "1001" }
        #expect(after?.contacts.isEmpty == true)
        await pbx.stop()
    }

    /// What linphonec printed, and the SIP lines of its log, for a failure message.
    static func diagnostics(_ home: String) -> String {
        let out = (try? String(contentsOfFile: home + "/out", encoding: .utf8)) ?? ""
        let log = (try? String(contentsOfFile: home + "/linphone.log", encoding: .utf8)) ?? ""
        let sip = log.split(separator: "\n").filter {
            $0.contains("REGISTER") || $0.contains("SIP/2.0") || $0.contains("error") || $0.contains("transport")
        }
        return out + "\n--- linphone.log (SIP lines, last 60) ---\n" + sip.suffix(60).joined(separator: "\n")
    }
}
