import CastorCore
import CastorModel
import GRDB

/// What the PBX reads and writes for phones that provision themselves: the autoprov accounts it lets
/// register, the provisioning codes they may dial, the binding a right code makes, and pending resync
/// requests (for Snom's `check-sync` NOTIFY).
extension CastorStore {
    /// The autoprov account of every device that has one and no line, by device id.
    public func autoprovAccounts() throws(CastorError) -> [Int64: AutoprovAccount] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT id, autoprov_username, autoprov_secret FROM device
                    WHERE autoprov_username IS NOT NULL AND autoprov_secret IS NOT NULL
                        AND NOT EXISTS (SELECT 1 FROM line WHERE line.device_id = device.id)
                    """)
            var accounts: [Int64: AutoprovAccount] = [:]
            for row in rows {
                accounts[row["id"]] = AutoprovAccount(
                    username: row["autoprov_username"], secret: row["autoprov_secret"])
            }
            return accounts
        }
    }

    /// Every line's provisioning code → the line's id.
    public func provisioningCodes() throws(CastorError) -> [String: Int64] {
        try read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT provisioning_code, id FROM line WHERE provisioning_code IS NOT NULL")
            var codes: [String: Int64] = [:]
            for row in rows { codes[row["provisioning_code"]] = row["id"] }
            return codes
        }
    }

    /// The devices with a resync request not yet satisfied, with their lines and last address.
    public func pendingResyncs() throws(CastorError) -> [ResyncRequest] {
        try read { db in
            try DeviceRecord.filter(Column("resync_requested") != nil).order(Column("id")).fetchAll(db).map {
                try resyncRequest($0, db)
            }
        }
    }

    /// A phone in autoprov dialled the provisioning code of `lineID`: binds the line to it (first free
    /// position) and records a resync request at `time`. A line on another device moves (the phone that
    /// dialled its code proved it is at hand): the other device loses it and is asked to resync too, so it
    /// drops the credentials. Refused (`conflict`) when the device has a line already (it is no longer in
    /// autoprov: its account should not have been able to dial).
    public func bindByProvisioningCode(deviceID: Int64, lineID: Int64, at time: String) throws(CastorError)
        -> ProvisioningCodeBinding
    {
        try write { db in
            var device = try requireDeviceRecord(deviceID, db)
            guard var line = try LineRecord.fetchOne(db, key: lineID) else {
                throw CastorError.notFound(kind: "line", key: "\(lineID)")
            }
            if try LineRecord.filter(Column("device_id") == deviceID).fetchCount(db) > 0 {
                throw CastorError.conflict(
                    field: "device_id", reason: "device \(device.mac) has a line already: it is not in autoprov")
            }
            var previous: ResyncRequest?
            if let other = line.deviceID, other != deviceID, var otherRecord = try DeviceRecord.fetchOne(db, key: other)
            {
                line.deviceID = nil
                line.position = nil
                try line.update(db)
                otherRecord.resyncRequested = time
                try otherRecord.update(db)
                previous = try resyncRequest(otherRecord, db)
            }
            line.position = try freePosition(nil, on: deviceID, mac: device.mac, field: "position", except: lineID, db)
            line.deviceID = deviceID
            try line.update(db)
            device.resyncRequested = time
            try device.update(db)
            try refreshDeviceStates(db)
            return ProvisioningCodeBinding(
                device: try resyncRequest(device, db), line: line.username, previousDevice: previous)
        }
    }

    /// The device's autoprov account, made (random) the first time it is asked for and kept.
    func ensureAutoprovAccount(_ record: inout DeviceRecord, _ db: Database) throws {
        guard record.autoprovUsername == nil || record.autoprovSecret == nil else { return }
        record.autoprovUsername = try ProvisioningCodes.freshAccountName(db)
        record.autoprovSecret = SecretGenerator.secret(length: 20)
        try record.update(db)
    }

    func resyncRequest(_ record: DeviceRecord, _ db: Database) throws -> ResyncRequest {
        let id = try record.id.stored
        let lines = try Int64.fetchAll(
            db, sql: "SELECT id FROM line WHERE device_id = ? ORDER BY position", arguments: [id])
        return ResyncRequest(
            deviceID: id, mac: record.mac, requestedAt: record.resyncRequested ?? "", lineIDs: lines,
            lastSeenIP: record.ip)
    }
}

/// What ``CastorStore/bindByProvisioningCode(deviceID:lineID:at:)`` did: the device now bound (with its resync
/// request), the line's username, and the device that lost the line, if any (asked to resync as well).
public struct ProvisioningCodeBinding: Sendable, Equatable {
    public var device: ResyncRequest
    public var line: String
    public var previousDevice: ResyncRequest?
}
