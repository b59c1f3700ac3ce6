import CastorCore

/// What a requested file name is to the plugin that serves it: which template renders it, for which device,
/// and how carefully it must be handled.
///
/// ```swift
/// SnomPlugin().file(named: "000413aabb01.xml")
/// // name "000413AABB01.xml", template "device.xml", scope .device(00:04:13:aa:bb:01), isSensitive true
/// ```
public struct ProvisioningFile: Sendable, Equatable {
    /// Whose data the file may carry.
    public enum Scope: Sendable, Equatable {
        /// Shared by every phone of a model (or of the vendor): rendered from site settings only.
        case common
        /// One phone's file, rendered from that phone's profile only.
        case device(MACAddress)
    }

    /// The file's canonical name (the MAC in the vendor's case): what a per-file template override is named after.
    public var name: String
    public var plugin: String
    /// The logical template that renders it (`device.xml`, `model.htm`), looked up under `<plugin>/<model>/` and
    /// `<plugin>/base/`.
    public var template: String
    public var scope: Scope
    /// The model the file name names, in the plugin's canonical spelling (`D715` for `snom715.htm`).
    public var model: String?
    public var format: TemplateFormat
    /// Whether the file carries credentials when the device is assigned (wazo-provd's `is_sensitive_filename`):
    /// the server logs every fetch of such a file.
    public var isSensitive: Bool
    /// Served only when a firmware image for the model is present (`snomD715-firmware.xml`).
    public var requiresFirmware: Bool
    /// Values the plugin read from the name, exposed to the template under `vendor` (`phone_type`).
    public var variables: [String: String]

    public init(
        name: String, plugin: String, template: String, scope: Scope, model: String? = nil,
        format: TemplateFormat, isSensitive: Bool = false, requiresFirmware: Bool = false,
        variables: [String: String] = [:]
    ) {
        self.name = name
        self.plugin = plugin
        self.template = template
        self.scope = scope
        self.model = model
        self.format = format
        self.isSensitive = isSensitive
        self.requiresFirmware = requiresFirmware
        self.variables = variables
    }

    /// The MAC of a per-device file.
    public var mac: MACAddress? {
        if case .device(let mac) = scope { return mac }
        return nil
    }
}
