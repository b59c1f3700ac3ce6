import CastorSettings
import Foundation
import HummingbirdCore
import HummingbirdTLS
import NIOSSL

/// HTTPS provisioning's certificate and private key (castor.yaml's `provd.tls_certificate` and `tls_key`, or
/// a self-signed pair in the data dir), checked before anything listens, and the Hummingbird server that
/// serves the same `ProvisioningHTTPResponder` over TLS with them.
///
/// ```swift
/// let tls = ProvisioningTLS(settings: settings.provd, dataDir: "/var/lib/castor")
/// let https = Application(responder: responder, server: try tls.server(),
///                         configuration: .init(address: .hostname("0.0.0.0", port: settings.provd.httpsPort)))
/// ```
///
/// Phones are not asked for a client certificate (notes/provisioning.md §5: Snom's factory certificates
/// would allow it; the allow list and the URL key are the checks for now).
public struct ProvisioningTLS: Sendable, Equatable {
    /// The PEM certificate chain, the server's certificate first.
    public var certificatePath: String
    /// The PEM private key of the certificate.
    public var keyPath: String
    /// The name a self-signed pair is made for (CN and subjectAltName) when the files are missing; nil when
    /// the admin named the files, which are then never written.
    public var selfSignedName: String?

    public init(certificatePath: String, keyPath: String, selfSignedName: String? = nil) {
        self.certificatePath = certificatePath
        self.keyPath = keyPath
        self.selfSignedName = selfSignedName
    }

    /// The configured pair, or `<data_dir>/tls/provd.crt` and `provd.key` self-signed for `server_address`
    /// (the address phones reach Castor at, so that a phone checking the name finds it).
    public init(settings: Settings.Provd, dataDir: String) {
        let data = dataDir.hasSuffix("/") ? String(dataDir.dropLast()) : dataDir
        if settings.tlsCertificate.isEmpty && settings.tlsKey.isEmpty {
            self.init(
                certificatePath: data + "/tls/provd.crt", keyPath: data + "/tls/provd.key",
                selfSignedName: settings.serverAddress)
        } else {
            self.init(certificatePath: settings.tlsCertificate, keyPath: settings.tlsKey)
        }
    }

    /// Makes the self-signed pair when it is ours and missing, reads both files and checks that they go
    /// together; every failure names the file at fault.
    public func configuration() throws(ProvisioningTLSError) -> TLSConfiguration {
        if let selfSignedName {
            do {
                try SelfSignedCertificate.ensure(certificate: certificatePath, key: keyPath, commonName: selfSignedName)
            } catch {
                throw .selfSigned(path: certificatePath, reason: "\(error)")
            }
        }
        try Self.checkReadable(certificatePath, file: "certificate")
        try Self.checkReadable(keyPath, file: "private key")
        let certificates: [NIOSSLCertificate]
        do {
            certificates = try NIOSSLCertificate.fromPEMFile(certificatePath)
        } catch {
            throw .file(file: "certificate", path: certificatePath, reason: "not a PEM certificate (\(error))")
        }
        guard !certificates.isEmpty else {
            throw .file(file: "certificate", path: certificatePath, reason: "no PEM certificate in it")
        }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: keyPath, format: .pem)
        } catch {
            throw .file(file: "private key", path: keyPath, reason: "not a PEM private key (\(error))")
        }
        let configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: certificates.map { .certificate($0) }, privateKey: .privateKey(key))
        // Hummingbird makes its context when the server starts; making one now turns a key that is not the
        // certificate's into a start error that names both files.
        do {
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw .mismatch(certificate: certificatePath, key: keyPath, reason: "\(error)")
        }
        return configuration
    }

    /// HTTP/1.1 over TLS with this pair, for `Application(responder:server:…)`.
    public func server() throws(ProvisioningTLSError) -> HTTPServerBuilder {
        let configuration = try configuration()
        do {
            return try .tls(.http1(), tlsConfiguration: configuration)
        } catch {
            throw .mismatch(certificate: certificatePath, key: keyPath, reason: "\(error)")
        }
    }

    /// Opens the file once, for the system's own reason when it cannot be read (missing, no permission).
    private static func checkReadable(_ path: String, file: String) throws(ProvisioningTLSError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .file(file: file, path: path, reason: "cannot read it: " + String(cString: strerror(errno)))
        }
        close(descriptor)
    }
}
