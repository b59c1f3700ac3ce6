/// The SIP account a phone in autoprov registers with (wazo's "Autoprov" line, `ap…`): its own, random, kept
/// by the store for that device, and nobody's line. The PBX lets it dial provisioning codes and nothing else,
/// so it gives no access to anyone's calls or credentials; dialling a line's code binds the device to that line.
public struct AutoprovAccount: Sendable, Equatable {
    /// `ap` and ten lowercase letters and digits.
    public var username: String
    public var secret: String

    public init(username: String, secret: String) {
        self.username = username
        self.secret = secret
    }

    /// Whether `username` has the shape of an autoprov account's name.
    public static func isAutoprovName(_ username: String) -> Bool {
        username.count == 12 && username.hasPrefix("ap")
            && username.dropFirst(2).allSatisfy { ($0.isASCII && $0.isLowercase) || ($0.isASCII && $0.isNumber) }
    }
}

/// A phone an admin (or the phone itself, with a provisioning code) asked to fetch its configuration again,
/// as the PBX needs it to send Snom's `check-sync` NOTIFY: the device, when it was asked (the request's
/// identity: a new request has a new time), its lines and the address it last fetched a file from.
public struct ResyncRequest: Sendable, Equatable {
    public var deviceID: Int64
    public var mac: String
    /// ISO 8601, as stored in `device.resync_requested`.
    public var requestedAt: String
    public var lineIDs: [Int64]
    /// The address the phone last fetched a file from, if any.
    public var lastSeenIP: String?

    public init(deviceID: Int64, mac: String, requestedAt: String, lineIDs: [Int64], lastSeenIP: String?) {
        self.deviceID = deviceID
        self.mac = mac
        self.requestedAt = requestedAt
        self.lineIDs = lineIDs
        self.lastSeenIP = lastSeenIP
    }
}
