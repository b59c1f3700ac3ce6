/// A registered contact of a line (RFC 3261 §10.3): where the line's calls are delivered until `expiresAt`.
///
/// The PBX keeps its bindings in memory and appends each change to its journal before it answers 200 OK
/// (the store follows), so an acknowledged registration survives a restart or `kill -9`; at start it
/// replays the journal into the store and loads the unexpired ones.
/// One binding per (line, contact URI): a REGISTER with the same contact refreshes it (§10.3 step 7).
public struct SIPBinding: Codable, Equatable, Hashable, Sendable {
    /// The line (its database id) whose address-of-record this contact is bound to.
    public var lineID: Int64
    /// The line's SIP username (its AOR's user part), for display and for lookups by name.
    public var username: String
    /// The Contact URI as registered (`sip:1001@192.0.2.10:5060;transport=udp`).
    public var contact: String
    /// Where requests for this contact are sent: the registered URI, or the source address when the phone is
    /// behind NAT (Via showed a different address than the packet came from).
    public var target: String
    /// The transport and the address the REGISTER came from (`udp`, `198.51.100.7`, 5060): a request to
    /// the binding goes back there when the phone is behind NAT, and over the same TCP/TLS connection.
    public var transport: String
    public var sourceAddress: String
    public var sourcePort: Int
    /// Call-ID and CSeq of the last REGISTER that touched the binding (§10.3 step 7: an older CSeq with the
    /// same Call-ID is refused).
    public var callID: String
    public var cseq: UInt32
    /// Wall-clock seconds since 1970 (the binding must outlive a restart, so not a monotonic instant).
    public var registeredAt: Double
    public var expiresAt: Double
    public var userAgent: String?
    /// `q` (0…1) as the phone gave it, for ordering contacts.
    public var q: Double?
    /// RFC 5626 `+sip.instance`, when the phone sends one.
    public var instance: String?

    public init(
        lineID: Int64, username: String, contact: String, target: String, transport: String,
        sourceAddress: String, sourcePort: Int, callID: String, cseq: UInt32, registeredAt: Double,
        expiresAt: Double, userAgent: String? = nil, q: Double? = nil, instance: String? = nil
    ) {
        self.lineID = lineID
        self.username = username
        self.contact = contact
        self.target = target
        self.transport = transport
        self.sourceAddress = sourceAddress
        self.sourcePort = sourcePort
        self.callID = callID
        self.cseq = cseq
        self.registeredAt = registeredAt
        self.expiresAt = expiresAt
        self.userAgent = userAgent
        self.q = q
        self.instance = instance
    }

    enum CodingKeys: String, CodingKey {
        case contact, target, transport, cseq, q, instance, username
        case lineID = "line_id"
        case sourceAddress = "source_address"
        case sourcePort = "source_port"
        case callID = "call_id"
        case registeredAt = "registered_at"
        case expiresAt = "expires_at"
        case userAgent = "user_agent"
    }
}

/// One change to the stored bindings, as the registrar produces them: applied in order, in one transaction.
public enum SIPBindingChange: Equatable, Sendable {
    /// Insert or replace the binding of (line, contact).
    case save(SIPBinding)
    /// Remove the binding of (line, contact).
    case remove(lineID: Int64, contact: String)
}
