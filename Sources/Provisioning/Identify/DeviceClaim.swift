import CastorCore

/// One plugin's vote on a request (wazo-provd's extractor output plus its associator's grade): what it read from
/// the file name and the User-Agent, and how sure it is.
///
/// ```swift
/// SnomPlugin().identify(ProvisioningRequest(httpTarget: "/snomD715-000413AABB01.htm"))
/// // DeviceClaim(plugin: "snom", vendor: "Snom", model: "D715", fileMAC: 00:04:13:aa:bb:01, support: .probable)
/// ```
public struct DeviceClaim: Sendable, Equatable {
    /// The plugin's name (`snom`, `yealink`).
    public var plugin: String
    public var vendor: String
    /// The model in the plugin's canonical spelling (`D715`, `T46S`), when the request names one.
    public var model: String?
    public var firmwareVersion: String?
    /// The MAC the requested file is named after (`snomD715-000413AABB01.htm`, `000413AABB01.xml`).
    public var fileMAC: MACAddress?
    /// The MAC the User-Agent carries.
    public var userAgentMAC: MACAddress?
    public var support: DeviceSupport

    public init(
        plugin: String, vendor: String, model: String? = nil, firmwareVersion: String? = nil,
        fileMAC: MACAddress? = nil, userAgentMAC: MACAddress? = nil, support: DeviceSupport
    ) {
        self.plugin = plugin
        self.vendor = vendor
        self.model = model
        self.firmwareVersion = firmwareVersion
        self.fileMAC = fileMAC
        self.userAgentMAC = userAgentMAC
        self.support = support
    }
}
