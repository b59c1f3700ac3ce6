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
        let script = """
            (sleep 2; echo "register sip:1001@127.0.0.1 \(proxy) \(secret)"; sleep 5; echo quit) \
            | HOME=\(home) timeout 30 linphonec -c \(home)/lp.rc -d 0
            """
        try script.write(toFile: home + "/run.sh", atomically: true, encoding: .utf8)
        let process = try Subprocess.start(
            "/bin/bash", [home + "/run.sh"], stdout: home + "/out", stderr: home + "/out")

        var seen: PBXContact?
        let deadline = ContinuousClock.now + .seconds(15)
        while seen == nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(200))
            seen = try await pbx.control("peers").peers?.first { $0.username == "1001" }?.contacts.first
        }
        let contact = try #require(
            seen, "linphonec never registered: \((try? String(contentsOfFile: home + "/out", encoding: .utf8)) ?? "")")
        #expect(contact.source.hasPrefix("\(transport):127.0.0.1:"))
        #expect(contact.userAgent?.lowercased().contains("linphone") == true)
        await Subprocess.waitForExit(process, limit: .seconds(30))
        // On quit, linphonec sends REGISTER with Expires: 0.
        let after = try await pbx.control("peers").peers?.first { $0.username == "1001" }
        #expect(after?.contacts.isEmpty == true)
        await pbx.stop()
    }
}
