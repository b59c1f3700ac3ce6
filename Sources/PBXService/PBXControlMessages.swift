/// The PBX's control socket (`<run_dir>/pbx.sock`): one JSON request per line, one JSON answer per line,
/// as the supervisor's. `castor cli -x "sip show peers"` asks it; the answer is data, the CLI draws the table.
public struct PBXControlRequest: Codable, Sendable {
    /// `peers`, `registrations`, `stats`, `reload`.
    public var command: String

    public init(command: String) { self.command = command }
}

/// A line and what the PBX knows of it: registered contacts, their source, user agent, reachability, RTT.
public struct PBXPeer: Codable, Sendable, Equatable {
    public var username: String
    public var context: String
    public var contacts: [PBXContact]

    public init(username: String, context: String, contacts: [PBXContact]) {
        self.username = username
        self.context = context
        self.contacts = contacts
    }
}

/// One binding as `sip show peers` and `sip show registrations` show it.
public struct PBXContact: Codable, Sendable, Equatable {
    public var contact: String
    public var source: String
    public var userAgent: String?
    /// `OK`, `UNREACHABLE` or `UNKNOWN` (not qualified yet), as Asterisk's `sip show peers` says.
    public var state: String
    /// The last OPTIONS round-trip time in milliseconds.
    public var rttMilliseconds: Double?
    /// Seconds until the binding expires.
    public var expiresIn: Int

    public init(
        contact: String, source: String, userAgent: String?, state: String, rttMilliseconds: Double?, expiresIn: Int
    ) {
        self.contact = contact
        self.source = source
        self.userAgent = userAgent
        self.state = state
        self.rttMilliseconds = rttMilliseconds
        self.expiresIn = expiresIn
    }
}

/// The answer to every control request: one of the fields, or an error.
public struct PBXControlReply: Codable, Sendable {
    public var peers: [PBXPeer]?
    /// `stats`: counter name → value.
    public var stats: [String: Double]?
    public var message: String?
    public var error: String?

    public init(
        peers: [PBXPeer]? = nil, stats: [String: Double]? = nil, message: String? = nil, error: String? = nil
    ) {
        self.peers = peers
        self.stats = stats
        self.message = message
        self.error = error
    }
}
