/// An address and a UDP port media or RTCP is sent to, as a negotiated description gives them
/// (RFC 8866 §5.7, §5.14; RFC 3605 for RTCP).
public struct SDPTransportAddress: Hashable, Sendable, CustomStringConvertible {
    public var address: String
    public var port: Int

    public init(address: String, port: Int) {
        self.address = address
        self.port = port
    }

    public var description: String { address.contains(":") ? "[\(address)]:\(port)" : "\(address):\(port)" }
}
