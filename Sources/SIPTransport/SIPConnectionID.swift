/// One TCP or TLS connection of a ``SIPTransport``, inbound or outbound: what a response goes back on
/// (RFC 3261 §18.2.2: "the response MUST be sent using the same connection"). Never reused while the
/// transport runs, so an identifier kept after its connection closed matches no later connection.
///
/// ```swift
/// var reply = request.peer             // carries request.peer.connection
/// transport.send(response, to: reply)  // same connection while it is open
/// ```
public struct SIPConnectionID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var rawValue: UInt64

    public init(rawValue: UInt64) { self.rawValue = rawValue }

    public static func < (lhs: SIPConnectionID, rhs: SIPConnectionID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "#\(rawValue)" }
}
