import CastorTestSupport
import Foundation
import SIPTransport

/// A self-signed certificate and its key, made with openssl in a temporary directory.
struct TLSFiles {
    let directory: String
    var certificate: String { directory + "/cert.pem" }
    var key: String { directory + "/key.pem" }

    static func make() async throws -> TLSFiles {
        let directory = NSTemporaryDirectory() + "castor-sip-tls-" + UUID().uuidString.prefix(8)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let files = TLSFiles(directory: directory)
        let result = try await Subprocess.run(
            OpenSSLPeer.openssl,
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", files.key, "-out", files.certificate,
                "-days", "1", "-subj", "/CN=castor-test",
            ])
        guard result.status == 0 else { throw TestFailure("openssl req: \(result.stderr)") }
        return files
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    /// The lab's configuration with TLS on a free port, using these files.
    var configuration: SIPTransportConfiguration {
        var configuration = TransportLab.configuration()
        configuration.tlsPort = 0
        configuration.tlsCertificateChainPath = certificate
        configuration.tlsPrivateKeyPath = key
        return configuration
    }
}
