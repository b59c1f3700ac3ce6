import CastorCore
import CastorModel
import GRDB

/// What the CLI and the lab scenario do in one go: a user with line, extension and voicemail; the whole lab.
extension CastorStore {
    public func addUser(name: String, context: String, exten: String, secret: String?, email: String?)
        throws(CastorError) -> UserSummary
    {
        try Validate.label(name, field: "name")
        try Validate.identifier(context, field: "context")
        try Validate.digits(exten, field: "exten")
        if let secret { try Validate.secret(secret, field: "secret") }
        if let email { try Validate.email(email, field: "email") }
        return try write { db in
            let userID = try insertPerson(name: name, context: context, exten: exten, secret: secret, email: email, db)
            return try summary(of: requireUserRecord(userID, db), contextNames(db), db)
        }
    }

    public func apply(_ scenario: LabScenario) throws(CastorError) -> [String] {
        try scenario.entity.validate()
        for context in scenario.contexts { try context.validate() }
        return try write { db in
            var created: [String] = []
            if try EntityRecord.filter(Column("name") == scenario.entity.name).fetchCount(db) == 0 {
                _ = try insertEntity(scenario.entity, db)
                created.append("entity \(scenario.entity.name)")
            }
            // Contexts first, then their includes, which may name a context created after them.
            var newContexts: [(Int64, Context)] = []
            for context in scenario.contexts where try contextRecord(named: context.name, db) == nil {
                let record = try insertContext(context, db)
                newContexts.append((try record.id.stored, context))
                created.append("context \(context.name)")
            }
            for (id, context) in newContexts {
                try replaceIncludes(of: id, with: context.includes, db)
            }
            for person in scenario.people
            where try LineRecord.filter(Column("username") == person.exten).fetchCount(db) == 0 {
                _ = try insertPerson(
                    name: person.name, context: person.context, exten: person.exten, secret: nil,
                    email: person.email, db)
                created.append("user \(person.exten) \(person.name)")
            }
            for (index, phone) in scenario.phones.enumerated()
            where try DeviceRecord.filter(Column("mac") == phone.mac.description).fetchCount(db) == 0 {
                guard let line = try LineRecord.filter(Column("username") == phone.exten).fetchOne(db) else {
                    throw CastorError.invalid(
                        field: "phones[\(index)].exten", reason: "no line with username \(phone.exten)")
                }
                let vendor = Device.vendor(forModel: phone.model, mac: phone.mac)
                let device = Device(
                    mac: phone.mac, vendor: vendor, model: phone.model, state: .configured,
                    lines: [DeviceLine(position: 1, lineID: try line.id.stored)])
                try device.validate()
                _ = try insertDevice(device, db)
                created.append("device \(phone.mac) \(vendor) \(phone.model) (line \(phone.exten))")
            }
            return created
        }
    }

    public func userSummaries() throws(CastorError) -> [UserSummary] {
        try read { db in
            let names = try contextNames(db)
            return try UserRecord.order(Column("id")).fetchAll(db).map { try summary(of: $0, names, db) }
        }
    }

    // MARK: Inside a transaction

    /// `castor user add`: the user, a line (username = exten) with its `user` extension, and a voicemail box
    /// with the same number and a generated PIN. Returns the user's id.
    func insertPerson(
        name: String, context: String, exten: String, secret: String?, email: String?, _ db: Database
    ) throws -> Int64 {
        let contextRecord = try requireContext(named: context, field: "context", db)
        try checkExtensionFits(exten, kind: .user, in: contextRecord, except: nil, db)
        if try LineRecord.filter(Column("username") == exten).fetchCount(db) > 0 {
            throw CastorError.conflict(field: "exten", reason: "a line with username \"\(exten)\" already exists")
        }
        var rng = SystemRandomNumberGenerator()
        let person = User(name: name, email: email)
        try person.validate()
        let user = try insertUser(person, db)
        let userID = try user.id.stored
        let line = Line(
            userID: userID, username: exten, secret: secret ?? SecretGenerator.secret(), context: context, exten: exten)
        try line.validate()
        _ = try insertLine(line, db)
        let box = VoicemailBox(
            number: exten, context: context, name: name, pin: SecretGenerator.pin(using: &rng), email: email,
            userID: userID)
        try box.validate()
        var record = try voicemailRecord(for: box, except: nil, numberField: "exten", db)
        try record.insert(db)
        return userID
    }

    /// A user with their first line, its extension and device, and their voicemail box.
    func summary(of record: UserRecord, _ names: [Int64: String], _ db: Database) throws -> UserSummary {
        let userID = try record.id.stored
        let line = try LineRecord.filter(Column("user_id") == userID).order(Column("id")).fetchOne(db)
            .map { try lineModel($0, names, db) }
        let mac = try line?.deviceID.flatMap { id in
            try String.fetchOne(db, sql: "SELECT mac FROM device WHERE id = ?", arguments: [id])
        }
        let voicemail = try String.fetchOne(
            db, sql: "SELECT number FROM voicemail WHERE user_id = ? ORDER BY id LIMIT 1", arguments: [userID])
        return UserSummary(
            user: record.model, line: line, context: line?.context, exten: line?.exten, deviceMAC: mac,
            voicemail: voicemail)
    }
}
