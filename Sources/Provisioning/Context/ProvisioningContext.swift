/// What a template sees: a plain tree of text, built from the site and, for a device's own files, from that
/// device's profile only. `mustacheValue` turns it into the dictionary swift-mustache renders, with the keys
/// templates/README.md lists.
///
/// Common files (`snomD715.htm`, `y000000000066.cfg`) get a context with `device == nil`: no line, no password
/// can appear in them whatever their template says.
public struct ProvisioningContext: Sendable, Equatable {
    /// Where the phone finds the PBX and the provisioning server.
    public struct Server: Sendable, Equatable {
        /// `http://10.0.0.1:8667/` (ends with `/`).
        public var provisioningURL: String
        public var sipHost: String
        public var sipPort: Int
        public var ntpServer: String?
    }

    /// The firmware image the model should run.
    public struct Firmware: Sendable, Equatable {
        public var fileName: String
        public var url: String
        public var version: String
    }

    /// The served file's name.
    public var file: String
    public var plugin: String
    public var model: String?
    public var server: Server
    /// A locale (`fr_FR`): the first line's user's, else the site's.
    public var language: String
    /// An Olson time zone (`Europe/Paris`).
    public var timezone: String
    public var firmware: Firmware?
    /// The device's own values; nil for common files.
    public var device: DeviceContext?
    /// The plugin's values (`vendor.language`, `vendor.phone_type`, …).
    public var vendor: [String: String]
}
