import CastorCore
import CastorModel
import GRDB

/// What the provisioning server reads and records: one device's configuration data, sightings of phones
/// (creating unknown ones unassigned), resync requests.
extension CastorStore {
    /// The configuration data of the device with this MAC, or nil when no such device exists. The device's
    /// admin password, and while it has no line its autoprov account, are made (random) on first use and kept.
    public func provisioning(mac: MACAddress) throws(CastorError) -> DeviceProvisioning? {
        let canonical = mac.description
        // A read, as every fetch is; the write happens once per device, for its first admin password.
        let found = try read { db in
            try DeviceRecord.filter(Column("mac") == canonical).fetchOne(db).map { try provisioning(of: $0, db) }
        }
        guard let found, found.adminPassword.isEmpty || (found.lines.isEmpty && found.autoprovAccount == nil)
        else { return found }
        return try write { db in
            guard var record = try DeviceRecord.filter(Column("mac") == canonical).fetchOne(db) else { return nil }
            if record.adminPassword == nil {
                record.adminPassword = SecretGenerator.secret(length: 16)
                try record.update(db)
            }
            if try LineRecord.filter(Column("device_id") == record.id.stored).fetchCount(db) == 0 {
                try ensureAutoprovAccount(&record, db)
            }
            return try provisioning(of: record, db)
        }
    }

    /// The configuration data of a device's row (its admin password empty when it has none yet).
    private func provisioning(of record: DeviceRecord, _ db: Database) throws -> DeviceProvisioning {
        let device = try deviceModel(record, db)
        let names = try contextNames(db)
        let lineRecords = try LineRecord.filter(Column("device_id") == record.id.stored)
            .order(Column("position")).fetchAll(db)
        var bound: [DeviceProvisioning.BoundLine] = []
        for lineRecord in lineRecords {
            let line = try lineModel(lineRecord, names, db)
            let user = try lineRecord.userID.flatMap { try UserRecord.fetchOne(db, key: $0) }?.model
            let box = try lineRecord.userID.flatMap {
                try VoicemailRecord.filter(Column("user_id") == $0).fetchOne(db)
            }.map { try voicemailModel($0, names) }
            bound.append(.init(position: lineRecord.position ?? 0, line: line, user: user, voicemail: box))
        }
        var account: AutoprovAccount?
        if let username = record.autoprovUsername, let secret = record.autoprovSecret {
            account = AutoprovAccount(username: username, secret: secret)
        }
        return DeviceProvisioning(
            device: device, lines: bound, adminPassword: record.adminPassword ?? "",
            colleagues: try colleagues(of: lineRecords, db), autoprovAccount: account)
    }

    /// Records that a phone fetched a file. A known device gets its address, firmware, User-Agent and last
    /// fetch updated (and a pending resync cleared when it fetched its own configuration); an unknown one is
    /// created unassigned when `create` is true. Returns the device, or nil (unknown, not created).
    @discardableResult
    public func recordSighting(_ sighting: DeviceSighting, create: Bool) throws(CastorError) -> Device? {
        let canonical = sighting.mac.description
        return try write { db in
            if var record = try DeviceRecord.filter(Column("mac") == canonical).fetchOne(db) {
                record.ip = sighting.ip ?? record.ip
                record.firmware = sighting.firmware ?? record.firmware
                record.userAgent = sighting.userAgent ?? record.userAgent
                record.firstSeen = record.firstSeen ?? sighting.at
                record.lastSeen = sighting.at
                record.lastFetch = sighting.file
                if sighting.isOwnConfiguration, let requested = record.resyncRequested, requested <= sighting.at {
                    record.resyncRequested = nil
                }
                try record.update(db)
                return try deviceModel(record, db)
            }
            guard create else { return nil }
            var device = Device(
                mac: sighting.mac, vendor: sighting.vendor, model: sighting.model, plugin: sighting.plugin,
                ip: sighting.ip, firmware: sighting.firmware)
            if (try? device.validate()) == nil {
                // A User-Agent can carry anything; the store keeps only what validates.
                device = Device(mac: sighting.mac, vendor: "Generic", model: "unknown", plugin: sighting.plugin)
            }
            var record = DeviceRecord(device, mac: canonical)
            record.firstSeen = sighting.at
            record.lastSeen = sighting.at
            record.lastFetch = sighting.file
            record.userAgent = sighting.userAgent
            try record.insert(db)
            return try deviceModel(record, db)
        }
    }

    /// Asks the device to fetch its configuration again: recorded until it does. `castor pbx` reads pending
    /// requests (`pendingResyncs`) and sends Snom's `check-sync` NOTIFY once per request.
    public func requestResync(deviceID: Int64, at time: String) throws(CastorError) -> Device {
        try write { db in
            var record = try requireDeviceRecord(deviceID, db)
            record.resyncRequested = time
            try record.update(db)
            return try deviceModel(record, db)
        }
    }

    /// The other lines (with an extension) of the contexts of `lines`, by extension: who a BLF key watches.
    private func colleagues(of lines: [LineRecord], _ db: Database) throws
        -> [DeviceProvisioning.Colleague]
    {
        let own = Set(try lines.map { try $0.id.stored })
        let contexts = Set(lines.map(\.contextID))
        var found: [DeviceProvisioning.Colleague] = []
        for contextID in contexts.sorted() {
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT extension.exten AS exten, line.id AS line_id, line.username AS username, user.name AS name
                    FROM extension JOIN line ON line.id = extension.line_id
                    LEFT JOIN user ON user.id = line.user_id
                    WHERE extension.context_id = ? ORDER BY extension.exten
                    """, arguments: [contextID])
            for row in rows where !own.contains(row["line_id"]) {
                let name: String? = row["name"]
                let username: String = row["username"]
                found.append(.init(exten: row["exten"], name: name ?? username))
            }
        }
        return found
    }
}
