import CastorCore
import CastorModel
import GRDB

/// Devices (phones by MAC) and the lines bound to them by position. A device's state is the store's to
/// decide: `configured` while it has a line, `autoprov` otherwise, whatever an input says.
extension CastorStore {
    public func devices() throws(CastorError) -> [Device] {
        try read { db in try DeviceRecord.order(Column("mac")).fetchAll(db).map { try deviceModel($0, db) } }
    }

    public func device(id: Int64) throws(CastorError) -> Device {
        try read { db in try deviceModel(requireDeviceRecord(id, db), db) }
    }

    public func device(mac: String) throws(CastorError) -> Device {
        let canonical = try Self.canonicalMAC(mac)
        return try read { db in
            guard let record = try DeviceRecord.filter(Column("mac") == canonical).fetchOne(db) else {
                throw CastorError.notFound(kind: "device", key: canonical)
            }
            return try deviceModel(record, db)
        }
    }

    public func createDevice(_ device: Device) throws(CastorError) -> Device {
        try device.validate()
        return try write { db in
            let record = try insertDevice(device, db)
            return try deviceModel(record, db)
        }
    }

    public func updateDevice(id: Int64, with device: Device) throws(CastorError) -> Device {
        try device.validate()
        return try write { db in
            let stored = try requireDeviceRecord(id, db)
            let mac = device.mac.description
            try checkMACFree(mac, except: id, db)
            let bindings = try checkBindings(device.lines, deviceID: id, db)
            var record = DeviceRecord(device, mac: mac)
            record.id = id
            record.keepProvisioningFields(of: stored)
            try record.update(db)
            try bind(bindings, to: id, db)
            return try deviceModel(requireDeviceRecord(id, db), db)
        }
    }

    public func deleteDevice(id: Int64) throws(CastorError) {
        try write { db in
            _ = try requireDeviceRecord(id, db)
            try db.execute(
                sql: "UPDATE line SET device_id = NULL, position = NULL WHERE device_id = ?", arguments: [id])
            try DeviceRecord.deleteOne(db, key: id)
        }
    }

    public func bindLine(lineID: Int64, toDevice deviceID: Int64, position: Int?) throws(CastorError) -> Device {
        try write { db in
            let device = try requireDeviceRecord(deviceID, db)
            guard var line = try LineRecord.fetchOne(db, key: lineID) else {
                throw CastorError.invalid(field: "line_id", reason: "no line with id \(lineID)")
            }
            if let other = line.deviceID, other != deviceID {
                throw try lineElsewhere(line, deviceID: other, field: "line_id", db)
            }
            line.position = try freePosition(
                position, on: deviceID, mac: device.mac, field: "position", except: lineID, db)
            line.deviceID = deviceID
            try line.update(db)
            try refreshDeviceStates(db)
            return try deviceModel(requireDeviceRecord(deviceID, db), db)
        }
    }

    // MARK: Inside a transaction

    /// Inserts a validated device and binds the lines it lists.
    func insertDevice(_ device: Device, _ db: Database) throws -> DeviceRecord {
        let mac = device.mac.description
        try checkMACFree(mac, except: nil, db)
        let bindings = try checkBindings(device.lines, deviceID: nil, db)
        var record = DeviceRecord(device, mac: mac)
        try record.insert(db)
        try bind(bindings, to: record.id.stored, db)
        return try requireDeviceRecord(record.id.stored, db)
    }

    /// Sets every device's state from its lines (one statement; devices are few).
    func refreshDeviceStates(_ db: Database) throws {
        try db.execute(
            sql: """
                UPDATE device SET state = CASE
                    WHEN EXISTS (SELECT 1 FROM line WHERE line.device_id = device.id) THEN 'configured'
                    ELSE 'autoprov' END
                """)
    }

    /// The position for a line on a device: `position` if free, else the first free one when nil.
    /// `except` is the line being placed (its own current place does not count as taken).
    func freePosition(
        _ position: Int?, on deviceID: Int64, mac: String, field: String, except lineID: Int64?, _ db: Database
    ) throws -> Int {
        let taken = try LineRecord.filter(Column("device_id") == deviceID).fetchAll(db)
            .filter { $0.id != lineID }
        if let position {
            guard (1...64).contains(position) else {
                throw CastorError.invalid(field: field, reason: "must be between 1 and 64, got \(position)")
            }
            if let other = taken.first(where: { $0.position == position }) {
                throw CastorError.conflict(
                    field: field, reason: "device \(mac) already has line \(other.username) at position \(position)")
            }
            return position
        }
        if let lineID, let own = try LineRecord.fetchOne(db, key: lineID), own.deviceID == deviceID,
            let current = own.position
        {
            return current
        }
        let used = Set(taken.compactMap(\.position))
        guard let free = (1...64).first(where: { !used.contains($0) }) else {
            throw CastorError.conflict(field: field, reason: "device \(mac) has no free position left (64 are taken)")
        }
        return free
    }

    private func checkMACFree(_ mac: String, except id: Int64?, _ db: Database) throws {
        var request = DeviceRecord.filter(Column("mac") == mac)
        if let id { request = request.filter(Column("id") != id) }
        if let other = try request.fetchOne(db) {
            throw CastorError.conflict(
                field: "mac", reason: "a device with MAC \(mac) already exists (device \(try other.id.stored))")
        }
    }

    /// Checks the lines a device input lists: positions valid and distinct, lines existing, listed once, and
    /// on no other device. Returns (line id, position) pairs to bind.
    private func checkBindings(_ lines: [DeviceLine], deviceID: Int64?, _ db: Database) throws -> [(Int64, Int)] {
        var positions: [Int: Int] = [:]
        var lineIDs: [Int64: Int] = [:]
        var bindings: [(Int64, Int)] = []
        for (index, entry) in lines.enumerated() {
            let field = "lines[\(index)]"
            guard (1...64).contains(entry.position) else {
                throw CastorError.invalid(
                    field: "\(field).position", reason: "must be between 1 and 64, got \(entry.position)")
            }
            if let first = positions[entry.position] {
                throw CastorError.conflict(
                    field: "\(field).position", reason: "position \(entry.position) is already given to lines[\(first)]"
                )
            }
            if let first = lineIDs[entry.lineID] {
                throw CastorError.invalid(
                    field: "\(field).line_id", reason: "line \(entry.lineID) is already listed in lines[\(first)]")
            }
            guard let line = try LineRecord.fetchOne(db, key: entry.lineID) else {
                throw CastorError.invalid(field: "\(field).line_id", reason: "no line with id \(entry.lineID)")
            }
            if let other = line.deviceID, other != deviceID {
                throw try lineElsewhere(line, deviceID: other, field: "\(field).line_id", db)
            }
            positions[entry.position] = index
            lineIDs[entry.lineID] = index
            bindings.append((entry.lineID, entry.position))
        }
        return bindings
    }

    /// Replaces the lines bound to the device with `bindings`, and updates every device's state.
    private func bind(_ bindings: [(Int64, Int)], to deviceID: Int64, _ db: Database) throws {
        try db.execute(
            sql: "UPDATE line SET device_id = NULL, position = NULL WHERE device_id = ?", arguments: [deviceID])
        for (lineID, position) in bindings {
            try db.execute(
                sql: "UPDATE line SET device_id = ?, position = ? WHERE id = ?",
                arguments: [deviceID, position, lineID])
        }
        try refreshDeviceStates(db)
    }

    private func lineElsewhere(_ line: LineRecord, deviceID: Int64, field: String, _ db: Database) throws -> CastorError
    {
        let mac = try String.fetchOne(db, sql: "SELECT mac FROM device WHERE id = ?", arguments: [deviceID]) ?? "?"
        let at = line.position.map { " at position \($0)" } ?? ""
        return .conflict(
            field: field,
            reason: "line \(line.username) is already on device \(mac)\(at); unbind it there first")
    }

    func requireDeviceRecord(_ id: Int64, _ db: Database) throws -> DeviceRecord {
        guard let record = try DeviceRecord.fetchOne(db, key: id) else {
            throw CastorError.notFound(kind: "device", key: "\(id)")
        }
        return record
    }

    func deviceModel(_ record: DeviceRecord, _ db: Database) throws -> Device {
        let id = try record.id.stored
        let lines = try LineRecord.filter(Column("device_id") == id).order(Column("position")).fetchAll(db)
            .map { DeviceLine(position: $0.position ?? 0, lineID: try $0.id.stored, username: $0.username) }
        var device = Device(
            id: id, mac: try Self.parseStoredMAC(record.mac), vendor: record.vendor, model: record.model,
            plugin: record.plugin, ip: record.ip, firmware: record.firmware,
            state: Device.State(rawValue: record.state) ?? (lines.isEmpty ? .autoprov : .configured),
            description: record.description, lines: lines)
        device.firstSeen = record.firstSeen
        device.lastSeen = record.lastSeen
        device.lastFetch = record.lastFetch
        device.userAgent = record.userAgent
        device.resyncRequested = record.resyncRequested
        return device
    }

    /// `00:04:13:aa:bb:01` for any spelling; `invalid` on `mac` otherwise.
    static func canonicalMAC(_ text: String) throws(CastorError) -> String {
        do {
            return try MACAddress(parsing: text).description
        } catch {
            throw .invalid(field: "mac", reason: error.description)
        }
    }

    private static func parseStoredMAC(_ text: String) throws -> MACAddress {
        do {
            return try MACAddress(parsing: text)
        } catch {
            throw CastorError.invalid(field: "mac", reason: "stored \(error.description) (damaged database?)")
        }
    }
}
