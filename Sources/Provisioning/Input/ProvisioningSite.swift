/// What every phone of the site is told, whoever it is: where the PBX and the provisioning server are, the
/// clock, the locale, the feature codes, and which firmware files are present.
///
/// ```swift
/// let site = ProvisioningSite(
///     provisioningURL: "http://10.0.0.1:8667/", sipHost: "10.0.0.1", ntpServer: "10.0.0.1",
///     firmwareFiles: ["snomD715-10.1.215.13-SIP-r.bin"])
/// ```
public struct ProvisioningSite: Sendable, Equatable {
    /// The URL phones fetch their files from; always ends with `/` (one is added when missing).
    /// It becomes Snom's `setting_server`, so later boots come straight back to Castor.
    public var provisioningURL: String
    /// The registrar's address (`user_host`, `account.N.sip_server.1.address`).
    public var sipHost: String
    public var sipPort: Int
    /// The port lines with transport `tls` use.
    public var sipTLSPort: Int
    public var ntpServer: String?
    /// The locale (`fr_FR`) when a device has no user to take one from.
    public var language: String
    /// An Olson time zone (`Europe/Paris`).
    public var timezone: String
    /// The number that reaches one's voicemail (`*98`): each line's mailbox and the voicemail key.
    public var voicemailExten: String?
    /// The prefix that picks up a call ringing a BLF-watched extension (XiVO's `*8`), if any.
    public var pickupPrefix: String?
    /// The user name of the phones' web/admin interface; the password is per device (`DeviceProfile`).
    public var adminUser: String
    /// The names of the files in the firmware directory; plugins pick their model's image among them.
    public var firmwareFiles: [String]
    /// Where firmware is served, relative to `provisioningURL`.
    public var firmwarePath: String

    public init(
        provisioningURL: String, sipHost: String, sipPort: Int = 5060, sipTLSPort: Int = 5061,
        ntpServer: String? = nil, language: String = "fr_FR", timezone: String = "Europe/Paris",
        voicemailExten: String? = "*98", pickupPrefix: String? = "*8", adminUser: String = "admin",
        firmwareFiles: [String] = [], firmwarePath: String = "firmware/"
    ) {
        self.provisioningURL = provisioningURL.hasSuffix("/") ? provisioningURL : provisioningURL + "/"
        self.sipHost = sipHost
        self.sipPort = sipPort
        self.sipTLSPort = sipTLSPort
        self.ntpServer = ntpServer
        self.language = language
        self.timezone = timezone
        self.voicemailExten = voicemailExten
        self.pickupPrefix = pickupPrefix
        self.adminUser = adminUser
        self.firmwareFiles = firmwareFiles
        self.firmwarePath = firmwarePath.isEmpty || firmwarePath.hasSuffix("/") ? firmwarePath : firmwarePath + "/"
    }
}
