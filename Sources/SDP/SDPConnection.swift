/// Connection data (RFC 8866 §5.7): the address media is sent to, at session level or per media.
///
/// ```
/// c=IN IP4 203.0.113.7
/// c=IN IP4 233.252.0.1/127/3      (multicast: TTL 127, three addresses)
/// c=IN IP6 ff15::101/3            (IPv6 multicast: three addresses, no TTL)
/// ```
public struct SDPConnection: Hashable, Sendable, CustomStringConvertible {
    /// `IN` for the Internet.
    public var networkType: String
    /// `IP4` or `IP6`.
    public var addressType: String
    /// The address without its `/ttl` or `/count` suffixes: an IP address or a host name.
    public var address: String
    /// An IPv4 multicast address's TTL.
    public var ttl: Int?
    /// The number of consecutive multicast addresses.
    public var count: Int?

    public init(
        networkType: String = "IN", addressType: String = "IP4", address: String, ttl: Int? = nil, count: Int? = nil
    ) {
        self.networkType = networkType
        self.addressType = addressType
        self.address = address
        self.ttl = ttl
        self.count = count
    }

    /// Parses the value of a c= line. Suffixes are split as RFC 8866 §5.7 says: `/ttl[/count]` for IP4,
    /// `/count` for IP6; an address of another type is kept whole.
    public init(parsing text: String) throws(SDPParseError) {
        let fields = SDPText.fields(text)
        guard fields.count == 3, !fields[2].hasPrefix("/") else {
            throw SDPParseError(
                .invalidConnection, text: text, "expected nettype addrtype connection-address (RFC 8866 §5.7)")
        }
        self.init(networkType: String(fields[0]), addressType: String(fields[1]), address: String(fields[2]))
        let parts = fields[2].split(separator: "/", omittingEmptySubsequences: false)
        let suffixes = parts.dropFirst().map { SDPText.integer($0, maximum: 65535) }
        guard !suffixes.contains(nil) else {
            throw SDPParseError(
                .invalidConnection, text: text, "a TTL or address count that is not a number (RFC 8866 §5.7)")
        }
        switch (addressType.uppercased(), suffixes.count) {
        case (_, 0):
            return
        case ("IP4", 1), ("IP4", 2):
            ttl = suffixes[0]
            count = suffixes.count == 2 ? suffixes[1] : nil
        case ("IP6", 1):
            count = suffixes[0]
        case ("IP4", _), ("IP6", _):
            throw SDPParseError(
                .invalidConnection, text: text, "too many /suffixes on the address (RFC 8866 §5.7)")
        default:
            return
        }
        address = String(parts[0])
    }

    /// The RFC 2543 way of putting a call on hold: an IPv4 connection address of 0.0.0.0 (RFC 3264 §8.4).
    public var isHoldAddress: Bool { address == "0.0.0.0" }

    public var description: String {
        var text = "\(networkType) \(addressType) \(address)"
        if let ttl { text += "/\(ttl)" }
        if let count { text += "/\(count)" }
        return text
    }
}
