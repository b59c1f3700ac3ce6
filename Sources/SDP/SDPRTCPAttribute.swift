/// The rtcp attribute (RFC 3605 §2.1): where a stream's RTCP goes when it is not the RTP port plus one, as
/// a NAT or a port allocator may require.
///
/// ```
/// a=rtcp:53020
/// a=rtcp:53020 IN IP4 126.16.64.4
/// ```
public struct SDPRTCPAttribute: Hashable, Sendable, CustomStringConvertible {
    public var port: Int
    /// The address, when the attribute gives one; else the stream's connection address applies.
    public var connection: SDPConnection?

    public init(port: Int, connection: SDPConnection? = nil) {
        self.port = port
        self.connection = connection
    }

    /// Parses the attribute's value: `port [nettype addrtype connection-address]`.
    public init(parsing text: String) throws(SDPParseError) {
        let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard let first = parts.first, let port = SDPText.integer(first, maximum: 65535) else {
            throw SDPParseError(
                .invalidAttribute, text: text, "expected port [nettype addrtype address] (RFC 3605 §2.1)")
        }
        self.init(port: port, connection: try parts.count == 2 ? SDPConnection(parsing: String(parts[1])) : nil)
    }

    public var description: String { connection.map { "\(port) \($0)" } ?? "\(port)" }
}
