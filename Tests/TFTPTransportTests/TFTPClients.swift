import CastorTestSupport
import Foundation

/// The real TFTP clients the tests run: atftp 0.8.0 (options, windowsize) and tftp-hpa's `tftp` (RFC 1350
/// only: tftp-hpa 5.2's client sends no options).
enum TFTPClients {
    static let atftpPath = "/usr/bin/atftp"
    static let tftpPath = "/usr/bin/tftp"

    static var available: Bool {
        FileManager.default.isExecutableFile(atPath: atftpPath)
            && FileManager.default.isExecutableFile(atPath: tftpPath)
    }

    /// `atftp -g -r REMOTE -l LOCAL [--option "name value"]… 127.0.0.1 PORT`.
    static func atftp(
        get remote: String, to local: String, port: UInt16, options: [String] = [], limit: Duration = .seconds(30)
    ) async throws -> Subprocess.Output {
        var arguments = ["-g", "-r", remote, "-l", local]
        for option in options { arguments += ["--option", option] }
        arguments += ["127.0.0.1", String(port)]
        return try await Subprocess.run(atftpPath, arguments, limit: limit)
    }

    /// `tftp 127.0.0.1 PORT -m binary -c get REMOTE LOCAL` (tftp-hpa).
    static func tftp(get remote: String, to local: String, port: UInt16) async throws -> Subprocess.Output {
        try await Subprocess.run(
            tftpPath, ["127.0.0.1", String(port), "-m", "binary", "-c", "get", remote, local], limit: .seconds(30))
    }
}
