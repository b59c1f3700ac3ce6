import CastorCore

/// A phone known by its MAC address. A device without a line is in autoprov ("unassigned"); lines are bound
/// to it by position (line key 1..n), and a line is on at most one device.
public struct Device: Codable, Equatable, Sendable {
    /// Provisioning state, as wazo-provd reports it.
    public enum State: String, Codable, Sendable, CaseIterable {
        /// Known, no line bound: gets a config without anyone's credentials.
        case autoprov
        /// At least one line bound; its config carries them.
        case configured
    }

    public var id: Int64?
    public var mac: MACAddress
    public var vendor: String
    public var model: String
    /// The provisioning plugin that renders its files (`snom`, `yealink`).
    public var plugin: String
    public var ip: String?
    public var firmware: String?
    public var state: State
    /// Free text for the admin (room, desk).
    public var description: String?
    /// The lines bound to the device, by position. Filled by the store on read; written through
    /// `ModelStore.bindLine` (or given when a device is created).
    public var lines: [DeviceLine]
    /// What provisioning saw, kept by the store and ignored on write: when the phone first and last fetched
    /// a file (ISO 8601, UTC), the last file it fetched, its User-Agent.
    public var firstSeen: String?
    public var lastSeen: String?
    public var lastFetch: String?
    public var userAgent: String?
    /// When an admin asked the phone to fetch its configuration again (ISO 8601, UTC); cleared once the
    /// phone has fetched its own file after that. Ignored on write: `castor device resync` sets it.
    public var resyncRequested: String?

    public init(
        id: Int64? = nil, mac: MACAddress, vendor: String, model: String, plugin: String? = nil, ip: String? = nil,
        firmware: String? = nil, state: State = .autoprov, description: String? = nil, lines: [DeviceLine] = []
    ) {
        self.id = id
        self.mac = mac
        self.vendor = vendor
        self.model = model
        self.plugin = plugin ?? vendor.lowercased()
        self.ip = ip
        self.firmware = firmware
        self.state = state
        self.description = description
        self.lines = lines
    }

    enum CodingKeys: String, CodingKey {
        case id, mac, vendor, model, plugin, ip, firmware, state, description, lines
        case firstSeen = "first_seen"
        case lastSeen = "last_seen"
        case lastFetch = "last_fetch"
        case userAgent = "user_agent"
        case resyncRequested = "resync_requested"
    }

    public func validate() throws(CastorError) {
        try Validate.label(vendor, field: "vendor")
        try Validate.label(model, field: "model")
        try Validate.identifier(plugin, field: "plugin")
        if let ip { try Validate.ipv4(ip, field: "ip") }
    }

    /// The vendor of a MAC address by its OUI, for devices added with only a MAC and a model.
    public static func vendor(forModel model: String, mac: MACAddress) -> String {
        let lower = model.lowercased()
        if lower.hasPrefix("snom") || lower.hasPrefix("d7") || lower.hasPrefix("d3")
            || mac.octets.prefix(3) == [0x00, 0x04, 0x13]
        {
            return "Snom"
        }
        if lower.hasPrefix("t") && lower.count <= 5 || lower.hasPrefix("yealink")
            || mac.octets.prefix(3) == [0x80, 0x5e, 0xc0] || mac.octets.prefix(3) == [0x00, 0x15, 0x65]
        {
            return "Yealink"
        }
        return "Generic"
    }
}

/// A line on a device, at a position (line key) starting at 1.
public struct DeviceLine: Codable, Equatable, Sendable {
    public var position: Int
    public var lineID: Int64
    /// The line's username, for display (ignored on write).
    public var username: String?

    public init(position: Int, lineID: Int64, username: String? = nil) {
        self.position = position
        self.lineID = lineID
        self.username = username
    }

    enum CodingKeys: String, CodingKey {
        case position, username
        case lineID = "line_id"
    }
}
