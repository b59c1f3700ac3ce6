/// Why HTTPS provisioning cannot start: which file, where it is, and what is wrong with it. `castor provd`
/// stops with it rather than serve plain HTTP alone when HTTPS was asked for.
///
/// ```text
/// HTTPS certificate /etc/castor/provd.crt: cannot read it: No such file or directory
/// ```
public enum ProvisioningTLSError: Error, Hashable, Sendable, CustomStringConvertible {
    /// openssl(1) could not make the self-signed pair in the data dir.
    case selfSigned(path: String, reason: String)
    /// A file is missing, unreadable or not PEM; `file` is "certificate" or "private key".
    case file(file: String, path: String, reason: String)
    /// Both files were read but do not make a TLS server (most often: the key is not the certificate's).
    case mismatch(certificate: String, key: String, reason: String)

    public var description: String {
        switch self {
        case .selfSigned(let path, let reason):
            "cannot make the self-signed HTTPS certificate \(path): \(reason)"
        case .file(let file, let path, let reason):
            "HTTPS \(file) \(path): \(reason)"
        case .mismatch(let certificate, let key, let reason):
            "HTTPS private key \(key) does not go with the certificate \(certificate): \(reason)"
        }
    }
}
