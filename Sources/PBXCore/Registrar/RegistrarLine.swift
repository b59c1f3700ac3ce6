import SIPAuth

/// A line as the registrar sees it: who may register (the SIP username and its digest keys) and how many
/// contacts it may hold. Built from the store's `Line`s; the secret itself is kept only as HA1 values.
public struct RegistrarLine: Sendable, Equatable {
    public var lineID: Int64
    public var username: String
    public var context: String
    public var maxContacts: Int
    /// H(username:realm:secret) per algorithm (RFC 7616 §3.4.2), lowercase hex.
    public var ha1: [DigestAlgorithm: String]
    /// The line's number in its context (shown as the caller's number), if it has one.
    public var exten: String?
    /// The user's name, for the caller's display name.
    public var displayName: String?
    /// Codecs the line may use, in order of preference, as XiVO writes them (`ulaw`, `alaw`).
    public var codecs: [String] = ["ulaw", "alaw"]
    /// For a phone's autoprov account (not a line): the device it belongs to. Its `lineID` is then the device
    /// id negated, its context `DialPlan.autoprovContext`.
    public var autoprovDevice: Int64?

    public init(lineID: Int64, username: String, context: String, maxContacts: Int, ha1: [DigestAlgorithm: String]) {
        self.lineID = lineID
        self.username = username
        self.context = context
        self.maxContacts = maxContacts
        self.ha1 = ha1
    }

    /// The line with its HA1 computed for each algorithm of `configuration` (the -sess variants share the
    /// plain HA1: the session key is derived per request from the nonce and cnonce).
    public init(
        lineID: Int64, username: String, secret: String, context: String, maxContacts: Int,
        configuration: RegistrarConfiguration
    ) {
        var keys: [DigestAlgorithm: String] = [:]
        for algorithm in configuration.algorithms {
            keys[algorithm] = Digest.ha1(
                username: username, realm: configuration.realm, password: secret, algorithm: algorithm)
        }
        self.init(lineID: lineID, username: username, context: context, maxContacts: maxContacts, ha1: keys)
    }
}

extension RegistrarLine {
    /// The autoprov account of device `deviceID` as the registrar keeps it: id `-deviceID` (line ids are
    /// positive), the autoprov context, one contact. Its bindings are never stored (nobody's line: the
    /// `sip_binding` table holds lines' bindings only); the phone registers again after a restart.
    public static func autoprov(
        deviceID: Int64, username: String, secret: String, configuration: RegistrarConfiguration
    ) -> RegistrarLine {
        var line = RegistrarLine(
            lineID: -deviceID, username: username, secret: secret, context: DialPlan.autoprovContext, maxContacts: 1,
            configuration: configuration)
        line.autoprovDevice = deviceID
        line.displayName = "Autoprov"
        return line
    }
}
