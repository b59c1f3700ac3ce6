/// The origin line (RFC 8866 §5.2): who made the description, a session id, and the version that increases
/// by one each time the description changes (RFC 3264 §8).
///
/// ```
/// o=alice 2890844526 2890844527 IN IP4 host.atlanta.example.com
///   \___/ \________/ \________/ \/ \_/ \______________________/
/// username  sess-id  sess-version nettype addrtype unicast-address
/// ```
public struct SDPOrigin: Hashable, Sendable, CustomStringConvertible {
    /// The user's login on the originating host, or `-`.
    public var username: String
    public var sessionID: UInt64
    public var sessionVersion: UInt64
    /// `IN` for the Internet.
    public var networkType: String
    /// `IP4` or `IP6`.
    public var addressType: String
    public var address: String

    public init(
        username: String, sessionID: UInt64, sessionVersion: UInt64, networkType: String = "IN",
        addressType: String = "IP4", address: String
    ) {
        self.username = username
        self.sessionID = sessionID
        self.sessionVersion = sessionVersion
        self.networkType = networkType
        self.addressType = addressType
        self.address = address
    }

    /// Parses the value of an o= line: six space-separated fields, the two numbers decimal and below 2^64.
    public init(parsing text: String) throws(SDPParseError) {
        let fields = SDPText.fields(text)
        guard fields.count == 6 else {
            throw SDPParseError(
                .invalidOrigin, text: text,
                "expected username sess-id sess-version nettype addrtype address (RFC 8866 §5.2)")
        }
        guard let id = SDPText.decimal(fields[1]), let version = SDPText.decimal(fields[2]) else {
            throw SDPParseError(
                .invalidOrigin, text: text,
                "sess-id and sess-version must be decimal numbers below 2^64 (RFC 8866 §5.2)")
        }
        self.init(
            username: String(fields[0]), sessionID: id, sessionVersion: version, networkType: String(fields[3]),
            addressType: String(fields[4]), address: String(fields[5]))
    }

    public var description: String {
        "\(username) \(sessionID) \(sessionVersion) \(networkType) \(addressType) \(address)"
    }
}
