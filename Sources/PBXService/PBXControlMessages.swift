/// The PBX's control socket (`<run_dir>/pbx.sock`): one JSON request per line, one JSON answer per line,
/// as the supervisor's. `castor cli -x "sip show peers"` asks it; the answer is data, the CLI draws the table.
public struct PBXControlRequest: Codable, Sendable {
    /// `peers`, `registrations`, `stats`, `calls`, `resync` (read the store's resync requests now: the
    /// check-sync NOTIFYs not sent yet leave at once).
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

/// A call in progress, with its two legs, as `core show calls` and `core show channels` show it.
public struct PBXCall: Codable, Sendable, Equatable {
    /// One leg: the phone's line and number, the codec it agreed, the relay's port facing it, where its
    /// audio comes from, and what the relay counted of it.
    public struct Leg: Codable, Sendable, Equatable {
        public var line: String
        public var number: String
        public var context: String
        public var codec: String?
        public var relayPort: Int
        public var remote: String?
        public var onHold: Bool
        public var packetsReceived: Int
        public var packetsSent: Int
        public var lost: Int
        public var jitterMilliseconds: Double

        public init(
            line: String, number: String, context: String, codec: String?, relayPort: Int, remote: String?,
            onHold: Bool, packetsReceived: Int, packetsSent: Int, lost: Int, jitterMilliseconds: Double
        ) {
            self.line = line
            self.number = number
            self.context = context
            self.codec = codec
            self.relayPort = relayPort
            self.remote = remote
            self.onHold = onHold
            self.packetsReceived = packetsReceived
            self.packetsSent = packetsSent
            self.lost = lost
            self.jitterMilliseconds = jitterMilliseconds
        }
    }

    public var id: Int
    /// `Dialing`, `Ringing`, `Up`.
    public var state: String
    public var seconds: Double
    public var answeredSeconds: Double?
    public var caller: Leg
    public var callee: Leg

    public init(id: Int, state: String, seconds: Double, answeredSeconds: Double?, caller: Leg, callee: Leg) {
        self.id = id
        self.state = state
        self.seconds = seconds
        self.answeredSeconds = answeredSeconds
        self.caller = caller
        self.callee = callee
    }
}

/// The answer to every control request: one of the fields, or an error.
public struct PBXControlReply: Codable, Sendable {
    public var peers: [PBXPeer]?
    public var calls: [PBXCall]?
    /// `stats`: counter name → value.
    public var stats: [String: Double]?
    public var message: String?
    public var error: String?

    public init(
        peers: [PBXPeer]? = nil, calls: [PBXCall]? = nil, stats: [String: Double]? = nil, message: String? = nil,
        error: String? = nil
    ) {
        self.peers = peers
        self.calls = calls
        self.stats = stats
        self.message = message
        self.error = error
    }
}
