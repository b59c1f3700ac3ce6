import CastorCore
import CastorModel

/// A vendor's provisioning: how its phones name themselves and their files, and what those files hold
/// (wazo-provd's plugin: `http_dev_info_extractor`, `pg_associator`, `configure`, `is_sensitive_filename`).
///
/// A plugin never sees the store: it classifies file names, votes on requests, and adds its vendor's spellings
/// (language names, time zone codes, key formats) to a context the renderer built. `ProvisioningRenderer` does the
/// rest, so the rule "a device's file is rendered from that device's profile only" lives in one place.
///
/// ```swift
/// let snom = SnomPlugin()
/// snom.file(named: "snomD715-000413AABB01.htm")?.scope   // .device(00:04:13:aa:bb:01)
/// snom.files(mac: mac, model: "D715")   // ["snomD715.htm", "snom-general.xml", …, "000413AABB01.xml"]
/// ```
public protocol ProvisioningPlugin: Sendable {
    /// The plugin's name, as `Device.plugin` and the templates folder spell it (`snom`).
    var name: String { get }
    /// The vendor, as `Device.vendor` spells it (`Snom`).
    var vendor: String { get }

    /// The plugin's spelling of a model (`snom715` → `D715`), or nil when the text names none of its models.
    func canonicalModel(_ model: String) -> String?
    /// What the request says about the device, or nil when nothing in it is this vendor's.
    func identify(_ request: ProvisioningRequest) -> DeviceClaim?
    /// The file `fileName` is, or nil when this plugin does not serve it.
    func file(named fileName: String) -> ProvisioningFile?
    /// The names of every file the plugin serves to a device: the model's common files, then its own.
    func files(mac: MACAddress, model: String) -> [String]
    /// The firmware image for `model` among the firmware directory's file names, if one is there.
    func firmware(forModel model: String, among fileNames: [String]) -> FirmwareImage?
    /// Adds the vendor's values (`vendor.*` keys, per line and per key) to a context about to render `file`.
    func decorate(_ context: inout ProvisioningContext, for file: ProvisioningFile)
}

extension ProvisioningPlugin {
    /// Whether fetching `fileName` can hand out credentials: the server logs such fetches.
    public func isSensitive(fileName: String) -> Bool {
        file(named: fileName)?.isSensitive ?? false
    }
}

extension ProvisioningPlugin {
    /// The names of every file the plugin serves to `device` (its model's common files, then its own).
    public func files(for device: Device) -> [String] {
        files(mac: device.mac, model: device.model)
    }
}
