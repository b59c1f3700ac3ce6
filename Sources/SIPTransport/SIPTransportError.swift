/// Why ``SIPTransport/start(configuration:eventLoop:delegate:)`` failed. Fatal for the service; the
/// description says what, where, and why, for the operator to free the port or fix the path:
///
/// ```
/// cannot bind SIP over TCP to 127.0.0.1:5060: Address already in use
/// cannot read the TLS private key /etc/castor/sip.key: Permission denied
/// ```
public enum SIPTransportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A socket could not be created, bound or listened on; `reason` is the system's (strerror).
    case cannotBind(SIPTransportProtocol, address: String, port: Int, reason: String)
    /// A configuration value the transport cannot use (`host` not an IPv4 address, TLS without its files…).
    case invalidConfiguration(String)
    /// A TLS file that cannot be read, or does not hold what it should; `file` says which
    /// ("certificate chain", "private key").
    case tlsFile(file: String, path: String, reason: String)
    /// The certificate and key were read but TLS could not be set up with them (a key that does not match).
    case tlsSetup(reason: String)

    public var description: String {
        switch self {
        case .cannotBind(let transport, let address, let port, let reason):
            "cannot bind SIP over \(transport.viaName) to \(address):\(port): \(reason)"
        case .invalidConfiguration(let reason):
            "invalid SIP transport configuration: \(reason)"
        case .tlsFile(let file, let path, let reason):
            "cannot read the TLS \(file) \(path): \(reason)"
        case .tlsSetup(let reason):
            "cannot set up TLS: \(reason)"
        }
    }
}
