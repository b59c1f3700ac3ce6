import CastorCore

/// The part of a context that belongs to one device: its MAC, its lines with their credentials, its keys and
/// its admin password.
public struct DeviceContext: Sendable, Equatable {
    /// A line as the phone registers it.
    public struct Line: Sendable, Equatable {
        /// The identity/account number on the phone, from 1 (Snom `idx`, Yealink `account.N`).
        public var position: Int
        /// The SIP user (AOR user part).
        public var username: String
        /// The digest user name.
        public var authUsername: String
        public var password: String
        public var displayName: String
        /// The line's extension, if it has one.
        public var number: String?
        public var host: String
        public var port: Int
        /// `udp`, `tcp` or `tls` (a WebSocket line is given `udp`: phones do not speak WebSocket).
        public var transport: String
        /// The number the message key dials, when the line's user has a voicemail box.
        public var mailbox: String?
        public var vendor: [String: String]
    }

    /// A programmable key.
    public struct Key: Sendable, Equatable {
        /// Position among the function keys, from 0 (Snom `fkey idx`).
        public var index: Int
        /// `line`, `blf`, `speed_dial` or `voicemail`.
        public var kind: String
        public var exten: String
        public var label: String
        /// `sip:<exten>@<sip host>`.
        public var uri: String
        /// For BLF keys: the pickup prefix, if the site has one.
        public var pickup: String?
        /// For line keys: the line's position.
        public var line: Int?
        public var vendor: [String: String]
    }

    public var mac: MACAddress
    /// No line is bound: nothing below carries anyone's credential (`lines` holds at most the device's own
    /// autoprov account).
    public var autoprov: Bool
    public var adminUser: String?
    public var adminPassword: String?
    public var lines: [Line]
    /// Identity positions (1…`maxIdentities`) no line uses, so a template can switch them off and clear what an
    /// earlier assignment left on the phone.
    public var unusedPositions: [Int]
    public var keys: [Key]
}
