import CastorCore

/// Everything the store knows that goes into one phone's configuration: the device, the lines bound to it
/// with their users and voicemail boxes, its admin password, and the colleagues its BLF keys watch.
/// Built by the store for one MAC, so nothing of another device's lines can be in it.
public struct DeviceProvisioning: Sendable, Equatable {
    /// A line on the device at a position, with the user it rings and that user's voicemail box.
    public struct BoundLine: Sendable, Equatable {
        public var position: Int
        public var line: Line
        public var user: User?
        public var voicemail: VoicemailBox?

        public init(position: Int, line: Line, user: User? = nil, voicemail: VoicemailBox? = nil) {
            self.position = position
            self.line = line
            self.user = user
            self.voicemail = voicemail
        }
    }

    /// Another line of the same context as one of the device's lines: a BLF key.
    public struct Colleague: Sendable, Equatable {
        public var exten: String
        public var name: String

        public init(exten: String, name: String) {
            self.exten = exten
            self.name = name
        }
    }

    public var device: Device
    public var lines: [BoundLine]
    /// The phone's web/admin password: random, made once per device and kept.
    public var adminPassword: String
    public var colleagues: [Colleague]
    /// The device's own autoprov account, while no line is bound to it (nil once it has one).
    public var autoprovAccount: AutoprovAccount?

    public init(
        device: Device, lines: [BoundLine], adminPassword: String, colleagues: [Colleague],
        autoprovAccount: AutoprovAccount? = nil
    ) {
        self.device = device
        self.lines = lines
        self.adminPassword = adminPassword
        self.colleagues = colleagues
        self.autoprovAccount = lines.isEmpty ? autoprovAccount : nil
    }
}

/// A phone fetching a provisioning file, as the provisioning server saw it: recorded on the device (created
/// unassigned when it is new), as wazo-provd does.
public struct DeviceSighting: Sendable, Equatable {
    public var mac: MACAddress
    public var vendor: String
    public var model: String
    public var plugin: String
    public var ip: String?
    public var firmware: String?
    public var userAgent: String?
    /// The file fetched.
    public var file: String
    /// When (ISO 8601, UTC).
    public var at: String
    /// Whether the file is the device's own configuration: fetching it satisfies a pending resync request.
    public var isOwnConfiguration: Bool

    public init(
        mac: MACAddress, vendor: String, model: String, plugin: String, ip: String?, firmware: String?,
        userAgent: String?, file: String, at: String, isOwnConfiguration: Bool
    ) {
        self.mac = mac
        self.vendor = vendor
        self.model = model
        self.plugin = plugin
        self.ip = ip
        self.firmware = firmware
        self.userAgent = userAgent
        self.file = file
        self.at = at
        self.isOwnConfiguration = isOwnConfiguration
    }
}
