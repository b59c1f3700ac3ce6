import NIOSSL

#if canImport(Glibc)
    import Glibc
#endif

/// The TLS listener's context (RFC 3261 §26.2.1), from a PEM certificate chain and private key, with errors
/// that name the file at fault.
///
/// ```swift
/// let context = try SIPServerTLS.context(certificateChainPath: "/etc/castor/sip.crt",
///                                        privateKeyPath: "/etc/castor/sip.key")
/// ```
///
/// Clients are not asked for a certificate (phones authenticate with SIP digest).
enum SIPServerTLS {
    static func context(certificateChainPath: String, privateKeyPath: String) throws(SIPTransportError)
        -> NIOSSLContext
    {
        try checkReadable(certificateChainPath, file: "certificate chain")
        try checkReadable(privateKeyPath, file: "private key")
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(certificateChainPath)
        } catch {
            throw .tlsFile(
                file: "certificate chain", path: certificateChainPath, reason: "not PEM certificates (\(error))")
        }
        guard !certificates.isEmpty else {
            throw .tlsFile(file: "certificate chain", path: certificateChainPath, reason: "no certificate in it")
        }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: privateKeyPath, format: .pem)
        } catch {
            throw .tlsFile(file: "private key", path: privateKeyPath, reason: "not a PEM private key (\(error))")
        }
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: certificates.map { .certificate($0) }, privateKey: .privateKey(key))
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw .tlsSetup(reason: "\(certificateChainPath) with \(privateKeyPath): \(error)")
        }
    }

    /// Opens the file for reading once, for the system's reason when it cannot be (missing, no permission).
    private static func checkReadable(_ path: String, file: String) throws(SIPTransportError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .tlsFile(file: file, path: path, reason: SIPSocket.lastError()) }
        close(descriptor)
    }
}
