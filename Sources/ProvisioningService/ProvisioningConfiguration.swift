import CastorCore
import CastorSettings
import Provisioning

/// What `castor provd` serves and to whom: the site phones are told about, where templates and firmware
/// are, and the access policy. Built from castor.yaml's `provd:` section and the data directory.
///
/// ```swift
/// let configuration = ProvisioningConfiguration(settings: settings.provd, dataDir: "/var/lib/castor",
///                                               builtInTemplates: "/usr/share/castor/templates")
/// ```
public struct ProvisioningConfiguration: Sendable {
    public var site: ProvisioningSite
    /// Searched in order: the site's own (`<data>/templates`), then the built-in ones.
    public var templateDirectories: [String]
    public var firmwareDirectory: String
    public var allowedNetworks: [IPv4Network]
    public var urlKey: String
    public var autoprov: Bool
    public var unknownDeviceLimit: Int

    public init(
        site: ProvisioningSite, templateDirectories: [String], firmwareDirectory: String,
        allowedNetworks: [IPv4Network], urlKey: String = "", autoprov: Bool = true, unknownDeviceLimit: Int = 30
    ) {
        self.site = site
        self.templateDirectories = templateDirectories
        self.firmwareDirectory = firmwareDirectory
        self.allowedNetworks = allowedNetworks
        self.urlKey = urlKey
        self.autoprov = autoprov
        self.unknownDeviceLimit = unknownDeviceLimit
    }

    public init(settings: Settings.Provd, dataDir: String, builtInTemplates: String?) {
        let data = dataDir.hasSuffix("/") ? String(dataDir.dropLast()) : dataDir
        self.init(
            site: ProvisioningSite(
                provisioningURL: settings.resolvedProvisioningURL, sipHost: settings.serverAddress,
                ntpServer: settings.serverAddress),
            templateDirectories: [data + "/templates"] + (builtInTemplates.map { [$0] } ?? []),
            firmwareDirectory: data + "/firmware", allowedNetworks: settings.allowedNetworks, urlKey: settings.urlKey,
            autoprov: settings.autoprov, unknownDeviceLimit: settings.unknownDeviceLimit)
    }

    /// Whether `address` (dotted quad) is in an allowed network. Anything else (IPv6, garbage) is not.
    public func allows(_ address: String) -> Bool {
        guard let value = IPv4Network.address(parsing: address) else { return false }
        return allowedNetworks.contains { $0.contains(value) }
    }
}
