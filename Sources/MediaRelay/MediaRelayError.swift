/// Why the relay could not start or allocate a session. The description says what, where and what to do:
///
/// ```
/// no free RTP port pair in 127.0.0.1:10000-10003 (2 pairs, all in use or taken by other programs); widen the media port range
/// cannot bind media sockets to 192.0.2.1:10000: Cannot assign requested address
/// ```
public enum MediaRelayError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A configuration value the relay cannot use.
    case invalidConfiguration(String)
    /// Every port pair of the range is in use by a session or bound by another program.
    case portRangeExhausted(address: String, ports: ClosedRange<Int>, pairs: Int)
    /// A socket could not be created or bound for a reason other than the port being taken.
    case cannotBind(address: String, port: Int, reason: String)
    /// An epoll instance, eventfd or thread could not be created.
    case cannotStart(String)
    /// The relay was shut down.
    case stopped

    public var description: String {
        switch self {
        case .invalidConfiguration(let reason):
            "invalid media relay configuration: \(reason)"
        case .portRangeExhausted(let address, let ports, let pairs):
            "no free RTP port pair in \(address):\(ports.lowerBound)-\(ports.upperBound) (\(pairs) pairs, all in use "
                + "or taken by other programs); widen the media port range"
        case .cannotBind(let address, let port, let reason):
            "cannot bind media sockets to \(address):\(port): \(reason)"
        case .cannotStart(let reason):
            "cannot start the media relay: \(reason)"
        case .stopped:
            "the media relay was shut down"
        }
    }
}
