/// Our end of a received message: the transport and the listener's address and port, which is what a
/// Via sent-by, a Record-Route or a Contact names (RFC 3261 §18.2.1, §16.6 step 4).
///
/// ```swift
/// let contact = "<sip:\(message.local.address):\(message.local.port);transport=\(message.local.transport)>"
/// ```
///
/// The address is the one the peer reached: the address a datagram was sent to (IP_PKTINFO) or a
/// connection's local address, even when the listener is bound to `0.0.0.0`. The port is the listening
/// port of that transport, also for a connection we opened ourselves from an ephemeral port.
public struct SIPLocalEndpoint: Hashable, Sendable, CustomStringConvertible {
    public var transport: SIPTransportProtocol
    public var address: String
    public var port: Int

    public init(transport: SIPTransportProtocol, address: String, port: Int) {
        self.transport = transport
        self.address = address
        self.port = port
    }

    public var description: String { "\(transport.rawValue):\(address):\(port)" }
}
