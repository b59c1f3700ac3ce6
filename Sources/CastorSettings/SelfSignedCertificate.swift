import Foundation

/// The self-signed certificate a TLS listener uses when castor.yaml names none (`pbx.tls_certificate` for
/// SIP over TLS, `provd.tls_certificate` for HTTPS provisioning): made once with openssl(1) at the first
/// start (RSA 2048, 10 years, CN and subjectAltName = the address phones reach Castor at) and kept in the
/// data dir, key mode 0600.
///
/// ```swift
/// try SelfSignedCertificate.ensure(certificate: "/var/lib/castor/tls/provd.crt",
///                                  key: "/var/lib/castor/tls/provd.key", commonName: "10.20.0.1")
/// ```
///
/// It lives beside the settings because it is what an empty `tls_certificate` means, for every daemon.
public enum SelfSignedCertificate {
    /// openssl could not be run, or refused: its own words, with the file it was making.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Makes the pair when either file is missing; leaves existing files alone (delete both to make a new
    /// pair, e.g. after changing the server address).
    public static func ensure(certificate: String, key: String, commonName: String) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: certificate), manager.fileExists(atPath: key) { return }
        let directory = (certificate as NSString).deletingLastPathComponent
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = [
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate, "-days", "3650",
            "-subj", "/CN=\(commonName)/O=Castor", "-addext",
            "subjectAltName=\(commonName.allSatisfy { $0.isNumber || $0 == "." } ? "IP" : "DNS"):\(commonName)",
        ]
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot run /usr/bin/openssl to make \(certificate): \(error)")
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description: "openssl could not make \(certificate): "
                    + String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        chmod(key, 0o600)
    }
}
