import CastorTestSupport
import Foundation
import TFTPProtocol
import TFTPTransport
import Testing

/// Names that try to leave the root, and things in the root that are not files to serve: the client reports
/// an ERROR, its local file stays empty, and the server keeps serving.
@Suite(.enabled(if: TFTPClients.available, "needs atftp and tftp-hpa (scripts/setup.sh installs them)"))
struct TraversalTests {
    static let refused = [
        "../etc/passwd", "/../x", "//etc/passwd", "..\\etc\\passwd", "passwd-link", "etc-link/passwd", "inside-link",
        "configs", ".hidden", "missing.cfg",
    ]

    /// A lab whose root holds a file, a hidden file and three symbolic links.
    static func withLab(_ body: (TFTPLab) async throws -> Void) async throws {
        try await TFTPLab.with(files: ["configs/phone.cfg": Array("ok".utf8), ".hidden": [1]]) { lab in
            let manager = FileManager.default
            try manager.createSymbolicLink(atPath: lab.root + "/passwd-link", withDestinationPath: "/etc/passwd")
            try manager.createSymbolicLink(atPath: lab.root + "/etc-link", withDestinationPath: "/etc")
            try manager.createSymbolicLink(atPath: lab.root + "/inside-link", withDestinationPath: "configs/phone.cfg")
            try await body(lab)
        }
    }

    @Test func atftpIsRefusedAndTheServerKeepsServing() async throws {
        try await Self.withLab { lab in
            for (index, name) in Self.refused.enumerated() {
                let local = lab.download("refused-\(index)")
                let output = try await TFTPClients.atftp(get: name, to: local, port: lab.port)
                #expect(output.status != 0, "\(name) was served")
                #expect(output.stderr.contains("error received from server"), "\(name): \(output.stderr)")
                #expect(TFTPLab.contents(local) ?? [] == [], "\(name) wrote bytes")
            }
            let local = lab.download("after")
            let output = try await TFTPClients.atftp(get: "configs/phone.cfg", to: local, port: lab.port)
            #expect(output.status == 0)
            #expect(TFTPLab.contents(local) == Array("ok".utf8))
            #expect(lab.server.counters.refusals == Self.refused.count)
            #expect(lab.server.counters.transfersStarted == 1)
        }
    }

    /// tftp-hpa exits 0 after an ERROR (it only prints it), so its output is what tells.
    @Test func tftpHpaIsRefused() async throws {
        try await Self.withLab { lab in
            for (index, name) in ["../etc/passwd", "passwd-link", "configs"].enumerated() {
                let local = lab.download("hpa-\(index)")
                let output = try await TFTPClients.tftp(get: name, to: local, port: lab.port)
                let text = output.stdout + output.stderr
                #expect(text.contains("Error code 2"), "\(name): \(text)")
                #expect(TFTPLab.contents(local) ?? [] == [], "\(name) wrote bytes")
            }
        }
    }
}
