import CastorModel
import GRDB

/// A row of `device`; `mac` is canonical (`00:04:13:aa:bb:01`), so uniqueness holds whatever the spelling.
struct DeviceRecord: Codable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "device"
    var id: Int64?
    var mac: String
    var vendor: String
    var model: String
    var plugin: String
    var ip: String?
    var firmware: String?
    var state: String
    var description: String?
    // v2: what provisioning saw, and the phone's own admin password (never in the API's device model).
    var firstSeen: String?
    var lastSeen: String?
    var lastFetch: String?
    var userAgent: String?
    var adminPassword: String?
    var resyncRequested: String?
    // v5: the device's own autoprov SIP account (never in the API's device model).
    var autoprovUsername: String?
    var autoprovSecret: String?

    enum CodingKeys: String, CodingKey {
        case id, mac, vendor, model, plugin, ip, firmware, state, description
        case firstSeen = "first_seen"
        case lastSeen = "last_seen"
        case lastFetch = "last_fetch"
        case userAgent = "user_agent"
        case adminPassword = "admin_password"
        case resyncRequested = "resync_requested"
        case autoprovUsername = "autoprov_username"
        case autoprovSecret = "autoprov_secret"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension DeviceRecord {
    /// The row for a device; the state is a placeholder until `refreshDeviceStates` computes it.
    init(_ device: Device, mac: String) {
        self.init(
            id: nil, mac: mac, vendor: device.vendor, model: device.model, plugin: device.plugin, ip: device.ip,
            firmware: device.firmware, state: device.lines.isEmpty ? "autoprov" : "configured",
            description: device.description)
    }

    /// Keeps what only provisioning writes (sightings, admin password, resync request) from `stored`.
    mutating func keepProvisioningFields(of stored: DeviceRecord) {
        firstSeen = stored.firstSeen
        lastSeen = stored.lastSeen
        lastFetch = stored.lastFetch
        userAgent = stored.userAgent
        adminPassword = stored.adminPassword
        resyncRequested = stored.resyncRequested
        autoprovUsername = stored.autoprovUsername
        autoprovSecret = stored.autoprovSecret
    }
}
