import CastorModel
import GRDB

/// SIP lines, their extension (the `extension` row whose `line_id` is the line) and their device binding.
extension CastorStore {
    public func lines() throws(CastorError) -> [Line] {
        try read { db in
            let names = try contextNames(db)
            return try LineRecord.order(Column("id")).fetchAll(db).map { try lineModel($0, names, db) }
        }
    }

    public func line(id: Int64) throws(CastorError) -> Line {
        try read { db in try lineModel(requireLineRecord(id, db), contextNames(db), db) }
    }

    public func line(exten: String, context: String?) throws(CastorError) -> Line {
        try read { db in
            var request = ExtensionRecord.filter(Column("exten") == exten && Column("line_id") != nil)
            if let context {
                let record = try requireContext(named: context, field: "context", db)
                let contextID = try record.id.stored
                request = request.filter(Column("context_id") == contextID)
            }
            let found = try request.fetchAll(db)
            let names = try contextNames(db)
            guard let first = found.first, let lineID = first.lineID else {
                throw CastorError.notFound(kind: "line", key: context.map { "\(exten)@\($0)" } ?? exten)
            }
            guard found.count == 1 else {
                let contexts = try found.map { try contextName($0.contextID, in: names) }.sorted()
                throw CastorError.invalid(
                    field: "context",
                    reason: "\(exten) is a line in several contexts (\(contexts.joined(separator: ", "))); name one")
            }
            return try lineModel(requireLineRecord(lineID, db), names, db)
        }
    }

    public func createLine(_ line: Line) throws(CastorError) -> Line {
        try line.validate()
        return try write { db in
            let record = try insertLine(line, db)
            return try lineModel(record, contextNames(db), db)
        }
    }

    public func updateLine(id: Int64, with line: Line) throws(CastorError) -> Line {
        try line.validate()
        return try write { db in
            var record = try requireLineRecord(id, db)
            let context = try requireContext(named: line.context, field: "context", db)
            try checkUsernameFree(line.username, except: id, db)
            try checkUserExists(line.userID, field: "user_id", db)
            let binding = try lineBinding(line, except: id, db)
            let current = try ExtensionRecord.filter(Column("line_id") == id).fetchOne(db)
            if let exten = line.exten {
                try checkExtensionFits(exten, kind: .user, in: context, except: current?.id, db)
            }
            record.userID = line.userID
            record.username = line.username
            record.secret = line.secret
            record.contextID = try context.id.stored
            record.codecs = line.codecs.joined(separator: ",")
            record.transport = line.transport.rawValue
            record.maxContacts = line.maxContacts
            record.deviceID = binding?.deviceID
            record.position = binding?.position
            try record.update(db)
            switch (current, line.exten) {
            case (nil, nil):
                break
            case (var current?, let exten?):
                current.contextID = record.contextID
                current.exten = exten
                current.kind = Extension.Kind.user.rawValue
                try current.update(db)
            case (let current?, nil):
                try current.delete(db)
            case (nil, let exten?):
                var ext = ExtensionRecord(
                    id: nil, contextID: record.contextID, exten: exten, kind: Extension.Kind.user.rawValue,
                    lineID: id)
                try ext.insert(db)
            }
            try refreshDeviceStates(db)
            return try lineModel(record, contextNames(db), db)
        }
    }

    public func deleteLine(id: Int64) throws(CastorError) {
        try write { db in
            _ = try requireLineRecord(id, db)
            try ExtensionRecord.filter(Column("line_id") == id).deleteAll(db)
            try LineRecord.deleteOne(db, key: id)
            try refreshDeviceStates(db)
        }
    }

    // MARK: Inside a transaction

    /// Inserts a validated line, its `user` extension when `exten` is set, and its device binding.
    func insertLine(_ line: Line, _ db: Database) throws -> LineRecord {
        let context = try requireContext(named: line.context, field: "context", db)
        try checkUsernameFree(line.username, except: nil, db)
        try checkUserExists(line.userID, field: "user_id", db)
        if let exten = line.exten {
            try checkExtensionFits(exten, kind: .user, in: context, except: nil, db)
        }
        let binding = try lineBinding(line, except: nil, db)
        var record = LineRecord(
            id: nil, userID: line.userID, username: line.username, secret: line.secret,
            contextID: try context.id.stored, codecs: line.codecs.joined(separator: ","),
            transport: line.transport.rawValue, maxContacts: line.maxContacts, deviceID: binding?.deviceID,
            position: binding?.position, provisioningCode: try ProvisioningCodes.fresh(db))
        try record.insert(db)
        if let exten = line.exten {
            var ext = ExtensionRecord(
                id: nil, contextID: record.contextID, exten: exten, kind: Extension.Kind.user.rawValue,
                lineID: try record.id.stored)
            try ext.insert(db)
        }
        if binding != nil { try refreshDeviceStates(db) }
        return record
    }

    /// Where a line given with `device_id` goes: that device, at `position` or the first free one.
    private func lineBinding(_ line: Line, except lineID: Int64?, _ db: Database) throws -> (
        deviceID: Int64, position: Int
    )? {
        guard let deviceID = line.deviceID else { return nil }
        guard let device = try DeviceRecord.fetchOne(db, key: deviceID) else {
            throw CastorError.invalid(field: "device_id", reason: "no device with id \(deviceID)")
        }
        let position = try freePosition(
            line.position, on: deviceID, mac: device.mac, field: "position", except: lineID, db)
        return (deviceID, position)
    }

    func checkUsernameFree(_ username: String, except lineID: Int64?, _ db: Database) throws {
        var request = LineRecord.filter(Column("username") == username)
        if let lineID { request = request.filter(Column("id") != lineID) }
        if try request.fetchCount(db) > 0 {
            throw CastorError.conflict(field: "username", reason: "a line with username \"\(username)\" already exists")
        }
        // An autoprov account shares the registrar's user names.
        if try DeviceRecord.filter(Column("autoprov_username") == username).fetchCount(db) > 0 {
            throw CastorError.conflict(
                field: "username", reason: "\"\(username)\" is the name of a phone's autoprov account")
        }
    }

    /// The line looked up by the request itself: `notFound` when missing.
    func requireLineRecord(_ id: Int64, _ db: Database) throws -> LineRecord {
        guard let record = try LineRecord.fetchOne(db, key: id) else {
            throw CastorError.notFound(kind: "line", key: "\(id)")
        }
        return record
    }

    func lineModel(_ record: LineRecord, _ names: [Int64: String], _ db: Database) throws -> Line {
        let id = try record.id.stored
        let exten = try String.fetchOne(db, sql: "SELECT exten FROM extension WHERE line_id = ?", arguments: [id])
        return Line(
            id: id, userID: record.userID, username: record.username, secret: record.secret,
            context: try contextName(record.contextID, in: names), exten: exten,
            codecs: record.codecs.split(separator: ",").map(String.init),
            transport: Line.Transport(rawValue: record.transport) ?? .udp, maxContacts: record.maxContacts,
            deviceID: record.deviceID, position: record.position, provisioningCode: record.provisioningCode)
    }
}
