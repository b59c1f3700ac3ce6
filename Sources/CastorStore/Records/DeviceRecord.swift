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
}
