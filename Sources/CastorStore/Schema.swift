import CastorModel
import GRDB

/// The database schema, as versioned migrations (GRDB's `DatabaseMigrator`). A migration, once released,
/// never changes: a new version adds `v2`, `v3`, … after it.
///
/// The tables mirror XiVO's model (DESIGN.md §2b). `Line.exten` is not a column of `line`: it is the
/// `extension` row whose `line_id` is the line, whose context must be the line's (a trigger checks it).
enum Schema {
    /// Every migration, oldest first.
    static let identifiers = ["v1", "v2", "v3", "v4", "v5"]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createV1)
        migrator.registerMigration("v2", migrate: addDeviceSightings)
        migrator.registerMigration("v3", migrate: addSIPBindings)
        migrator.registerMigration("v4", migrate: addCallDetailRecords)
        migrator.registerMigration("v5", migrate: addAutoprovisioning)
        return migrator
    }

    /// Runs the migrations the file lacks; returns those now applied and those this call ran.
    ///
    /// Two processes may open a new file at once: both see no migration and race to run `v1`; the loser's
    /// immediate transaction waits, then fails on the existing tables. It then finds the file migrated by the
    /// winner and carries on.
    static func migrate(_ pool: DatabasePool, path: String) throws -> (applied: [String], ran: [String]) {
        let migrator = migrator
        let before = try pool.read { db in
            if try migrator.hasBeenSuperseded(db) {
                throw CastorError.invalid(
                    field: "database", reason: "\(path) was written by a newer Castor; upgrade this one to use it")
            }
            return try migrator.appliedMigrations(db)
        }
        do {
            try migrator.migrate(pool)
        } catch {
            let completed = try pool.read { db in try migrator.hasCompletedMigrations(db) }
            if !completed { throw error }
        }
        let after = try pool.read { db in try migrator.appliedMigrations(db) }
        return (after, after.filter { !before.contains($0) })
    }

    /// Creates the file at `path` as an older Castor left it: migrated up to `version` only, then `sql` run in
    /// it. For the tests of the migrations that follow (their target cannot import GRDB).
    static func createFile(path: String, upTo version: String, then sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try migrator.migrate(queue, upTo: version)
        try queue.write { db in try db.execute(sql: sql) }
        try queue.close()
    }

    /// Version 5: phones that provision themselves. Every line gets a `provisioning_code` (six random digits,
    /// unique; existing lines get theirs here), and a device its own autoprov SIP account (`autoprov_username`,
    /// unique, and `autoprov_secret`), made by the store when it first serves the device unassigned.
    @Sendable static func addAutoprovisioning(_ db: Database) throws {
        try db.execute(
            sql: """
                ALTER TABLE line ADD COLUMN provisioning_code TEXT CHECK (length(provisioning_code) = 6);
                ALTER TABLE device ADD COLUMN autoprov_username TEXT;
                ALTER TABLE device ADD COLUMN autoprov_secret TEXT;
                CREATE UNIQUE INDEX device_autoprov_username ON device(autoprov_username);
                """)
        var used: Set<String> = []
        for id in try Int64.fetchAll(db, sql: "SELECT id FROM line ORDER BY id") {
            let code = try ProvisioningCodes.fresh(avoiding: used, db)
            used.insert(code)
            try db.execute(sql: "UPDATE line SET provisioning_code = ? WHERE id = ?", arguments: [code, id])
        }
        try db.execute(sql: "CREATE UNIQUE INDEX line_provisioning_code ON line(provisioning_code)")
    }

    /// Version 4: call detail records (`CallDetailRecord`), one row per call, appended by the PBX and never
    /// changed. No foreign key to `line`: a record names lines and contexts as they were during the call and
    /// outlives them. `duration` and `billsec` are stored (computed by the model) so reports can sum them in
    /// SQL. Lists are newest first: by `start` (the index carries the rowid, the tie-breaker), or by `caller`
    /// then `start`.
    @Sendable static func addCallDetailRecords(_ db: Database) throws {
        let dispositions = sqlList(CallDetailRecord.Disposition.allCases.map(\.rawValue))
        try db.execute(
            sql: """
                CREATE TABLE cdr (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    call_id TEXT NOT NULL,
                    caller TEXT NOT NULL,
                    caller_name TEXT,
                    callee TEXT NOT NULL,
                    callee_line TEXT,
                    caller_context TEXT NOT NULL,
                    callee_context TEXT,
                    start REAL NOT NULL,
                    answer REAL,
                    "end" REAL NOT NULL,
                    disposition TEXT NOT NULL CHECK (disposition IN (\(dispositions))),
                    duration INTEGER NOT NULL CHECK (duration >= 0),
                    billsec INTEGER NOT NULL CHECK (billsec BETWEEN 0 AND duration),
                    sip_status INTEGER,
                    hangup_by TEXT,
                    caller_codec TEXT,
                    callee_codec TEXT,
                    caller_packets INTEGER NOT NULL DEFAULT 0 CHECK (caller_packets >= 0),
                    caller_lost INTEGER NOT NULL DEFAULT 0 CHECK (caller_lost >= 0),
                    caller_jitter_ms REAL NOT NULL DEFAULT 0,
                    callee_packets INTEGER NOT NULL DEFAULT 0 CHECK (callee_packets >= 0),
                    callee_lost INTEGER NOT NULL DEFAULT 0 CHECK (callee_lost >= 0),
                    callee_jitter_ms REAL NOT NULL DEFAULT 0,
                    CHECK ("end" >= start),
                    CHECK ((answer IS NULL) = (disposition <> 'ANSWERED'))
                );
                CREATE INDEX cdr_start ON cdr(start);
                CREATE INDEX cdr_caller ON cdr(caller, start);
                """)
    }

    /// Version 3: the registrar's bindings (RFC 3261 §10.3), one row per (line, contact URI). A line's removal
    /// removes its bindings.
    @Sendable static func addSIPBindings(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE sip_binding (
                    line_id INTEGER NOT NULL REFERENCES line(id) ON DELETE CASCADE,
                    username TEXT NOT NULL,
                    contact TEXT NOT NULL,
                    target TEXT NOT NULL,
                    transport TEXT NOT NULL,
                    source_address TEXT NOT NULL,
                    source_port INTEGER NOT NULL,
                    call_id TEXT NOT NULL,
                    cseq INTEGER NOT NULL,
                    registered_at REAL NOT NULL,
                    expires_at REAL NOT NULL,
                    user_agent TEXT,
                    q REAL,
                    instance TEXT,
                    PRIMARY KEY (line_id, contact)
                ) WITHOUT ROWID;
                CREATE INDEX sip_binding_expiry ON sip_binding(expires_at);
                """)
    }

    /// Version 2: what provisioning records of a device (first and last fetch, last file, User-Agent), its
    /// admin password (random, kept) and a pending resync request.
    @Sendable static func addDeviceSightings(_ db: Database) throws {
        for column in ["first_seen", "last_seen", "last_fetch", "user_agent", "admin_password", "resync_requested"] {
            try db.execute(sql: "ALTER TABLE device ADD COLUMN \(column) TEXT")
        }
    }

    /// Version 1: entities, contexts (ranges, includes), users, lines, extensions, devices, voicemail boxes,
    /// administrators and API tokens; the default entity `lab`.
    @Sendable static func createV1(_ db: Database) throws {
        let userKinds = sqlList(NumberRange.Kind.allCases.map(\.rawValue))
        let extensionKinds = sqlList(Extension.Kind.allCases.map(\.rawValue))
        let contextTypes = sqlList(Context.Kind.allCases.map(\.rawValue))
        let transports = sqlList(Line.Transport.allCases.map(\.rawValue))
        let states = sqlList(Device.State.allCases.map(\.rawValue))
        try db.execute(
            sql: """
                CREATE TABLE entity (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL UNIQUE,
                    display_name TEXT NOT NULL
                );
                INSERT INTO entity (name, display_name) VALUES ('lab', 'Laboratoire VoIP');

                CREATE TABLE context (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    entity_id INTEGER NOT NULL REFERENCES entity(id),
                    name TEXT NOT NULL UNIQUE,
                    display_name TEXT NOT NULL,
                    type TEXT NOT NULL CHECK (type IN (\(contextTypes)))
                );
                CREATE INDEX context_entity ON context(entity_id);

                CREATE TABLE context_range (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    context_id INTEGER NOT NULL REFERENCES context(id) ON DELETE CASCADE,
                    kind TEXT NOT NULL CHECK (kind IN (\(userKinds))),
                    start TEXT NOT NULL,
                    "end" TEXT NOT NULL,
                    CHECK (length(start) = length("end") AND start <= "end")
                );
                CREATE INDEX context_range_context ON context_range(context_id);

                CREATE TABLE context_include (
                    from_context_id INTEGER NOT NULL REFERENCES context(id) ON DELETE CASCADE,
                    to_context_id INTEGER NOT NULL REFERENCES context(id),
                    priority INTEGER NOT NULL,
                    PRIMARY KEY (from_context_id, to_context_id),
                    CHECK (from_context_id <> to_context_id)
                ) WITHOUT ROWID;
                CREATE INDEX context_include_to ON context_include(to_context_id);

                CREATE TABLE user (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL,
                    email TEXT,
                    language TEXT NOT NULL,
                    caller_id TEXT
                );

                CREATE TABLE device (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    mac TEXT NOT NULL UNIQUE CHECK (length(mac) = 17 AND mac = lower(mac)),
                    vendor TEXT NOT NULL,
                    model TEXT NOT NULL,
                    plugin TEXT NOT NULL,
                    ip TEXT,
                    firmware TEXT,
                    state TEXT NOT NULL CHECK (state IN (\(states))),
                    description TEXT
                );

                CREATE TABLE line (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    user_id INTEGER REFERENCES user(id),
                    username TEXT NOT NULL UNIQUE,
                    secret TEXT NOT NULL,
                    context_id INTEGER NOT NULL REFERENCES context(id),
                    codecs TEXT NOT NULL,
                    transport TEXT NOT NULL CHECK (transport IN (\(transports))),
                    max_contacts INTEGER NOT NULL CHECK (max_contacts BETWEEN 1 AND 100),
                    device_id INTEGER REFERENCES device(id),
                    position INTEGER CHECK (position BETWEEN 1 AND 64),
                    UNIQUE (device_id, position),
                    CHECK ((device_id IS NULL) = (position IS NULL))
                );
                CREATE INDEX line_user ON line(user_id);
                CREATE INDEX line_context ON line(context_id);

                CREATE TABLE extension (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    context_id INTEGER NOT NULL REFERENCES context(id),
                    exten TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN (\(extensionKinds))),
                    line_id INTEGER UNIQUE REFERENCES line(id) ON DELETE CASCADE,
                    UNIQUE (context_id, exten),
                    CHECK (line_id IS NULL OR kind = 'user')
                );
                CREATE TRIGGER extension_line_context_insert BEFORE INSERT ON extension
                WHEN NEW.line_id IS NOT NULL
                    AND NEW.context_id IS NOT (SELECT context_id FROM line WHERE id = NEW.line_id)
                BEGIN SELECT RAISE(ABORT, 'an extension must be in its line''s context'); END;
                CREATE TRIGGER extension_line_context_update BEFORE UPDATE ON extension
                WHEN NEW.line_id IS NOT NULL
                    AND NEW.context_id IS NOT (SELECT context_id FROM line WHERE id = NEW.line_id)
                BEGIN SELECT RAISE(ABORT, 'an extension must be in its line''s context'); END;

                CREATE TABLE voicemail (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    number TEXT NOT NULL,
                    context_id INTEGER NOT NULL REFERENCES context(id),
                    name TEXT NOT NULL,
                    pin TEXT NOT NULL,
                    email TEXT,
                    user_id INTEGER REFERENCES user(id) ON DELETE CASCADE,
                    UNIQUE (context_id, number)
                );
                CREATE INDEX voicemail_user ON voicemail(user_id);

                CREATE TABLE admin (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    username TEXT NOT NULL UNIQUE,
                    password_hash TEXT NOT NULL
                );

                CREATE TABLE api_token (
                    token_sha256 TEXT NOT NULL PRIMARY KEY,
                    admin_id INTEGER NOT NULL REFERENCES admin(id) ON DELETE CASCADE,
                    created_at REAL NOT NULL,
                    expires_at REAL NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX api_token_admin ON api_token(admin_id);
                """)
    }

    /// `'a', 'b'` for a CHECK … IN list (the values are our own enum raw values, never user input).
    private static func sqlList(_ values: [String]) -> String {
        values.map { "'\($0)'" }.joined(separator: ", ")
    }
}
