import Foundation

/// What the services need from persistent storage. `CastorStore` (GRDB/SQLite) implements it.
///
/// Every method is one transaction: it either applies whole or throws a `CastorError` and changes
/// nothing. Constraints XiVO enforces hold here, whoever calls (API, CLI, lab init):
/// - a context's name is unique; a context included by another, or holding lines/extensions/voicemail
///   boxes, cannot be deleted (`conflict`, saying what holds it);
/// - an extension is unique in its context (`conflict` on `exten`) and lies in one of the context's ranges
///   of its kind (`invalid` on `exten`);
/// - a line's username is unique (`conflict` on `username`); a line is on at most one device, and a device
///   position holds at most one line (`conflict` on `position`);
/// - a device's MAC is unique (`conflict` on `mac`);
/// - a voicemail number is unique in its context.
/// Ids are assigned by the store; `id` fields of inputs are ignored.
public protocol ModelStore: Sendable {
    // MARK: Entities and contexts
    func entities() throws(CastorError) -> [Entity]
    func contexts() throws(CastorError) -> [Context]
    func context(named name: String) throws(CastorError) -> Context
    func createContext(_ context: Context) throws(CastorError) -> Context
    /// Replaces the context named `name` (which may be renamed; lines, extensions and includes follow).
    func updateContext(named name: String, with context: Context) throws(CastorError) -> Context
    func deleteContext(named name: String) throws(CastorError)
    /// Lets `from` call into `to` (XiVO's included context). Idempotent.
    func include(_ to: String, in from: String) throws(CastorError) -> Context

    // MARK: Users
    func users() throws(CastorError) -> [User]
    func user(id: Int64) throws(CastorError) -> User
    func createUser(_ user: User) throws(CastorError) -> User
    func updateUser(id: Int64, with user: User) throws(CastorError) -> User
    /// Refused while the user still has lines (`conflict`); the user's voicemail box is deleted with it.
    func deleteUser(id: Int64) throws(CastorError)

    // MARK: Lines
    func lines() throws(CastorError) -> [Line]
    func line(id: Int64) throws(CastorError) -> Line
    /// The line whose extension is `exten` (in `context`, or in any context when nil and unambiguous).
    func line(exten: String, context: String?) throws(CastorError) -> Line
    /// Creates the line and, when `exten` is set, its `user` extension in the line's context.
    func createLine(_ line: Line) throws(CastorError) -> Line
    func updateLine(id: Int64, with line: Line) throws(CastorError) -> Line
    /// Deletes the line and its extension; unbinds it from its device.
    func deleteLine(id: Int64) throws(CastorError)

    // MARK: Extensions
    func extensions() throws(CastorError) -> [Extension]
    func `extension`(id: Int64) throws(CastorError) -> Extension
    func createExtension(_ extension: Extension) throws(CastorError) -> Extension
    func updateExtension(id: Int64, with extension: Extension) throws(CastorError) -> Extension
    func deleteExtension(id: Int64) throws(CastorError)

    // MARK: Devices
    func devices() throws(CastorError) -> [Device]
    func device(id: Int64) throws(CastorError) -> Device
    func device(mac: String) throws(CastorError) -> Device
    /// Creates the device and binds the lines it lists.
    func createDevice(_ device: Device) throws(CastorError) -> Device
    /// Replaces the device's fields and its line bindings with those given.
    func updateDevice(id: Int64, with device: Device) throws(CastorError) -> Device
    /// Deletes the device; its lines become softphone lines (unbound).
    func deleteDevice(id: Int64) throws(CastorError)
    /// Binds the line to the device at `position` (1 when nil: the first free one), moving nothing silently:
    /// a line already on another device is a `conflict`.
    func bindLine(lineID: Int64, toDevice deviceID: Int64, position: Int?) throws(CastorError) -> Device
    /// Records that the device should fetch its configuration again (`time`: ISO 8601); cleared by the store
    /// when the device next fetches its own file.
    func requestResync(deviceID: Int64, at time: String) throws(CastorError) -> Device

    // MARK: Voicemail boxes
    func voicemailBoxes() throws(CastorError) -> [VoicemailBox]
    func voicemailBox(id: Int64) throws(CastorError) -> VoicemailBox
    func createVoicemailBox(_ box: VoicemailBox) throws(CastorError) -> VoicemailBox
    func updateVoicemailBox(id: Int64, with box: VoicemailBox) throws(CastorError) -> VoicemailBox
    func deleteVoicemailBox(id: Int64) throws(CastorError)

    // MARK: Composite operations (one transaction each)
    /// `castor user add`: the user, its line (username = exten, secret given or generated) and extension,
    /// and a voicemail box with the same number (PIN generated), all or nothing.
    func addUser(name: String, context: String, exten: String, secret: String?, email: String?) throws(CastorError)
        -> UserSummary
    /// Writes what the scenario holds and is missing; leaves what exists alone. Returns what it created.
    func apply(_ scenario: LabScenario) throws(CastorError) -> [String]
    /// One row per user (with their first line), for `users show` and the web admin.
    func userSummaries() throws(CastorError) -> [UserSummary]

    // MARK: Administrators and API tokens
    /// Creates or replaces the admin account; the password is stored as a slow KDF hash (scrypt).
    func setAdminPassword(username: String, password: String) throws(CastorError)
    func hasAdmin() throws(CastorError) -> Bool
    /// Whether the password matches (constant-time comparison). An unknown user gets `false`, as a wrong password.
    func verifyAdmin(username: String, password: String) throws(CastorError) -> Bool
    /// A new bearer token for `username`, valid until `now + lifetime`. Only its SHA-256 is stored.
    func issueToken(username: String, lifetime: Duration, now: Date) throws(CastorError) -> APIToken
    /// The admin a token belongs to, or nil when unknown or expired.
    func validateToken(_ token: String, now: Date) throws(CastorError) -> String?
    func revokeToken(_ token: String) throws(CastorError)
}

/// A bearer token as handed to a client once.
public struct APIToken: Codable, Equatable, Sendable {
    public var token: String
    public var username: String
    public var expiresAt: Date

    public init(token: String, username: String, expiresAt: Date) {
        self.token = token
        self.username = username
        self.expiresAt = expiresAt
    }

    enum CodingKeys: String, CodingKey {
        case token, username
        case expiresAt = "expires_at"
    }
}

/// A user with their first line, extension, device and voicemail: a row of `users show`.
public struct UserSummary: Codable, Equatable, Sendable {
    public var user: User
    public var line: Line?
    public var context: String?
    public var exten: String?
    public var deviceMAC: String?
    public var voicemail: String?

    public init(user: User, line: Line?, context: String?, exten: String?, deviceMAC: String?, voicemail: String?) {
        self.user = user
        self.line = line
        self.context = context
        self.exten = exten
        self.deviceMAC = deviceMAC
        self.voicemail = voicemail
    }

    enum CodingKeys: String, CodingKey {
        case user, line, context, exten, voicemail
        case deviceMAC = "device_mac"
    }
}
