/// A SIP line (endpoint): the credentials a phone registers with, the context its calls start in,
/// and its number there.
public struct Line: Codable, Equatable, Sendable {
    public enum Transport: String, Codable, Sendable, CaseIterable {
        case udp, tcp, tls, ws, wss
    }

    public var id: Int64?
    /// The user this line rings, if any (a line without a user is XiVO's "ligne orpheline").
    public var userID: Int64?
    /// The SIP username (digest auth, AOR user part). Castor's CLI uses the extension.
    public var username: String
    public var secret: String
    /// The context's name.
    public var context: String
    /// The number of the line in its context (its extension), if it has one.
    public var exten: String?
    /// Codecs in order of preference (`ulaw`, `alaw`, …).
    public var codecs: [String]
    public var transport: Transport
    /// How many contacts may be registered at once for this line.
    public var maxContacts: Int
    /// The device the line is on (a line belongs to at most one device) and its position there.
    public var deviceID: Int64?
    public var position: Int?
    /// Six digits, random, unique and kept: dialled from a phone in autoprov, they bind that phone to this line
    /// (wazo's provisioning code). Made by the store; ignored on write.
    public var provisioningCode: String?

    public init(
        id: Int64? = nil, userID: Int64? = nil, username: String, secret: String, context: String,
        exten: String? = nil, codecs: [String] = ["ulaw", "alaw"], transport: Transport = .udp, maxContacts: Int = 3,
        deviceID: Int64? = nil, position: Int? = nil, provisioningCode: String? = nil
    ) {
        self.id = id
        self.userID = userID
        self.username = username
        self.secret = secret
        self.context = context
        self.exten = exten
        self.codecs = codecs
        self.transport = transport
        self.maxContacts = maxContacts
        self.deviceID = deviceID
        self.position = position
        self.provisioningCode = provisioningCode
    }

    enum CodingKeys: String, CodingKey {
        case id, username, secret, context, exten, codecs, transport, position
        case userID = "user_id"
        case maxContacts = "max_contacts"
        case deviceID = "device_id"
        case provisioningCode = "provisioning_code"
    }

    /// Codecs Castor's media layer knows by these names (Asterisk's spelling).
    public static let knownCodecs: Set<String> = ["ulaw", "alaw", "g722", "g729", "opus", "gsm"]

    public func validate() throws(CastorError) {
        try Validate.sipUser(username, field: "username")
        try Validate.secret(secret, field: "secret")
        try Validate.identifier(context, field: "context")
        if let exten { try Validate.digits(exten, field: "exten") }
        guard !codecs.isEmpty else { throw .invalid(field: "codecs", reason: "at least one codec is needed") }
        for (index, codec) in codecs.enumerated() where !Self.knownCodecs.contains(codec) {
            throw .invalid(
                field: "codecs[\(index)]",
                reason: "unknown codec \"\(codec)\" (known: \(Self.knownCodecs.sorted().joined(separator: ", ")))")
        }
        guard (1...100).contains(maxContacts) else {
            throw .invalid(field: "max_contacts", reason: "must be between 1 and 100, got \(maxContacts)")
        }
        if let position, !(1...64).contains(position) {
            throw .invalid(field: "position", reason: "must be between 1 and 64, got \(position)")
        }
        if position != nil && deviceID == nil {
            throw .invalid(field: "position", reason: "a position needs a device_id")
        }
    }
}
