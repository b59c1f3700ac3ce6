/// The transport a SIP message travels on (RFC 3261 §18): the `transport` of a Via header is its raw value
/// uppercased (`SIP/2.0/UDP`, `SIP/2.0/TCP`, `SIP/2.0/TLS`).
///
/// ```swift
/// let via = "SIP/2.0/\(peer.transport.viaName) \(local.address):\(local.port)"
/// ```
public enum SIPTransportProtocol: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Unreliable: the transaction layer retransmits (RFC 3261 §17.1.1.2).
    case udp
    /// Reliable, in a connection; messages are framed by Content-Length (RFC 3261 §18.3).
    case tcp
    /// TCP under TLS (RFC 3261 §26.2, `sips:`).
    case tls

    /// The name in a Via header's sent-protocol: `UDP`, `TCP`, `TLS`.
    public var viaName: String {
        switch self {
        case .udp: "UDP"
        case .tcp: "TCP"
        case .tls: "TLS"
        }
    }

    /// Whether messages arrive in a connection (TCP, TLS) rather than as datagrams.
    public var isStream: Bool { self != .udp }

    public var description: String { viaName }
}
