import Foundation

/// The self-signed certificate SIP over TLS uses when castor.yaml names none: made once with openssl(1)
/// at the first start (RSA 2048, 10 years, CN = the advertised host) and kept in the data dir, key mode 0600.
enum SelfSignedCertificate {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Makes the pair when either file is missing; leaves existing files alone.
    static func ensure(certificate: String, key: String, commonName: String) throws {
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
