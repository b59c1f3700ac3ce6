import CastorCore

/// Who asks, as far as the request tells: the merged votes of every plugin.
///
/// The MAC comes from the file name first (it says whose file is wanted), then `?mac=`, then the User-Agent.
/// When two of them disagree the request is suspicious — a phone asking for another phone's file — and
/// `conflictingMAC` says so; the server should refuse per-device files then, and log it.
public struct RequestIdentity: Sendable, Equatable {
    /// Where the MAC was read.
    public enum MACSource: String, Sendable, Equatable {
        case fileName = "file_name"
        case query
        case userAgent = "user_agent"
    }

    /// The requested file name (the last path component).
    public var fileName: String
    /// The plugin that claims the device, if any did.
    public var plugin: String?
    public var vendor: String?
    public var model: String?
    public var firmwareVersion: String?
    public var mac: MACAddress?
    public var macSource: MACSource?
    /// A MAC the request also carries that differs from `mac` (e.g. User-Agent says …01, file name says …02).
    public var conflictingMAC: MACAddress?
    /// Every plugin's vote, best first, for logs.
    public var claims: [DeviceClaim]

    public init(
        fileName: String, plugin: String? = nil, vendor: String? = nil, model: String? = nil,
        firmwareVersion: String? = nil, mac: MACAddress? = nil, macSource: MACSource? = nil,
        conflictingMAC: MACAddress? = nil, claims: [DeviceClaim] = []
    ) {
        self.fileName = fileName
        self.plugin = plugin
        self.vendor = vendor
        self.model = model
        self.firmwareVersion = firmwareVersion
        self.mac = mac
        self.macSource = macSource
        self.conflictingMAC = conflictingMAC
        self.claims = claims
    }
}
