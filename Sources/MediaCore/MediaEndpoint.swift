import CastorCore

/// An IPv4 transport address (address and UDP port) of a media stream: where a phone's RTP or RTCP comes
/// from, or where the relay sends it. Host byte order, so it hashes and compares cheaply on the hot path.
///
/// ```swift
/// let phone = MediaEndpoint(address: "192.0.2.7", port: 4000)   // 192.0.2.7:4000
/// ```
public struct MediaEndpoint: Hashable, Sendable, CustomStringConvertible {
    /// The IPv4 address, host byte order.
    public var address: UInt32
    public var port: UInt16

    public init(address: UInt32, port: UInt16) {
        self.address = address
        self.port = port
    }

    /// A dotted-quad address and a port in 1…65535; `nil` for anything else, and for `0.0.0.0`, which SDP
    /// uses to say "no address" (RFC 3264 §8.4, the old way to put a call on hold).
    public init?(address text: String, port: Int) {
        guard let address = IPv4Network.address(parsing: text), address != 0,
            let port = UInt16(exactly: port), port != 0
        else { return nil }
        self.init(address: address, port: port)
    }

    /// `192.0.2.7:4000`.
    public var description: String { "\(IPv4Network.format(address)):\(port)" }
}
