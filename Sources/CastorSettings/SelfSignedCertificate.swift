import CCastorShims
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

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
        let arguments = [
            "/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate,
            "-days", "3650", "-subj", "/CN=\(commonName)/O=Castor", "-addext",
            "subjectAltName=\(commonName.allSatisfy { $0.isNumber || $0 == "." } ? "IP" : "DNS"):\(commonName)",
        ]
        // posix_spawn through the shim, not Foundation's Process: its run() over-reads /proc/self/fd entries
        // on Linux (swift-corelibs-foundation PR #5472), enough to crash a daemon at its first start.
        let errorsPath = directory + "/.openssl-\(getpid()).err"
        defer { unlink(errorsPath) }
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: Int32 = -1
        let spawned = castor_spawn(arguments[0], &argv, nil, nil, -1, "/dev/null", errorsPath, &pid)
        guard spawned == 0 else {
            throw Failure(
                description: "cannot run /usr/bin/openssl to make \(certificate): \(String(cString: strerror(spawned)))"
            )
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        // Exited (low 7 bits 0) with status 0.
        guard status & 0x7F == 0, (status >> 8) & 0xFF == 0 else {
            let message = (try? String(contentsOfFile: errorsPath, encoding: .utf8)) ?? ""
            throw Failure(
                description: "openssl could not make \(certificate): "
                    + message.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        chmod(key, 0o600)
    }
}
