import CastorCore

/// Why a file could not be rendered, in words an installer can act on.
///
/// The server maps `notServed`, `noFirmware` and `unknownPlugin` to 404, `wrongDevice` to 403 (and a log line:
/// it means a caller asked one device's file with another's profile), and the template errors to 500.
public enum ProvisioningError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The plugin does not serve a file of that name.
    case notServed(file: String, plugin: String)
    case unknownPlugin(String)
    /// The file is a firmware settings file and no firmware for the model is present.
    case noFirmware(file: String, model: String?)
    /// A per-device file was asked with the profile of another device.
    case wrongDevice(file: String, fileMAC: MACAddress, profileMAC: MACAddress)
    /// A per-device file was asked without a device profile.
    case needsDeviceProfile(file: String)
    /// A line given in a profile is not bound to the profile's device.
    case lineNotOnDevice(username: String, mac: MACAddress)
    /// No template for the file at any level.
    case templateNotFound(file: String, searched: [String])
    /// A template could not be read (permissions, not UTF-8).
    case templateUnreadable(path: String, reason: String)
    /// A template does not parse; `line` and `column` count from 1.
    case templateSyntax(path: String, line: Int, column: Int, reason: String)
    /// A template path that could escape the template directories (`..`, absolute).
    case unsafeTemplatePath(String)

    public var description: String {
        switch self {
        case .notServed(let file, let plugin):
            return "\(file): not a file the \(plugin) plugin serves"
        case .unknownPlugin(let name):
            return
                "no provisioning plugin named \"\(name)\" (known: \(ProvisioningPlugins.standard.map(\.name).joined(separator: ", ")))"
        case .noFirmware(let file, let model):
            return "\(file): no firmware image for model \(model ?? "?") in the firmware directory"
        case .wrongDevice(let file, let fileMAC, let profileMAC):
            return "\(file) belongs to \(fileMAC), refused with the profile of \(profileMAC)"
        case .needsDeviceProfile(let file):
            return "\(file) is a device's own file: render it with the device's profile"
        case .lineNotOnDevice(let username, let mac):
            return "line \(username) is not bound to device \(mac): bind it to the device first"
        case .templateNotFound(let file, let searched):
            return "\(file): no template (searched \(searched.joined(separator: ", ")))"
        case .templateUnreadable(let path, let reason):
            return "\(path): cannot read template: \(reason)"
        case .templateSyntax(let path, let line, let column, let reason):
            return "\(path):\(line):\(column): \(reason)"
        case .unsafeTemplatePath(let path):
            return "\(path): template paths are relative and may not contain \"..\""
        }
    }
}
