import CastorCore
import CastorModel

/// Everything one device's own files may say: the device, the lines bound to it, its admin password and the
/// keys its user asked for. Built by the caller from the store; checked here so that no line of another device
/// can slip in.
///
/// ```swift
/// let profile = try DeviceProfile(
///     device: phone,   // Device with lines [DeviceLine(position: 1, lineID: 7)]
///     lines: [ProvisionedLine(line: line1001, user: alice, voicemail: box1001)],
///     adminPassword: "per-device-random",
///     functionKeys: [.blf("1002", label: "Bob")])
/// let unknown = DeviceProfile.autoprov(mac: mac, vendor: "Snom", model: "D715")
/// ```
public struct DeviceProfile: Sendable, Equatable {
    public let device: Device
    /// The lines with their positions on the device, by position.
    public let lines: [PositionedLine]
    /// The phone's web/admin password, random per device and kept by the caller. Not rendered for autoprov.
    public let adminPassword: String?
    /// Keys after the line keys; empty for autoprov.
    public let functionKeys: [FunctionKey]
    /// For autoprov: the device's own SIP account (registered with label "Autoprov"; it may only dial
    /// provisioning codes), when the store has made one. Nil when a line is bound.
    public let autoprovAccount: AutoprovAccount?

    /// A line at its position on the device.
    public struct PositionedLine: Sendable, Equatable {
        public var position: Int
        public var provisioned: ProvisionedLine
    }

    /// Checks that each line is bound to `device` (listed in `device.lines`, and its `deviceID`, when set, is the
    /// device's id) and takes its position from that binding.
    public init(
        device: Device, lines: [ProvisionedLine], adminPassword: String?, functionKeys: [FunctionKey] = []
    ) throws(ProvisioningError) {
        var positioned: [PositionedLine] = []
        for provisioned in lines {
            let line = provisioned.line
            guard let lineID = line.id,
                let binding = device.lines.first(where: { $0.lineID == lineID }),
                line.deviceID == nil || line.deviceID == device.id,
                !positioned.contains(where: { $0.position == binding.position })
            else {
                throw .lineNotOnDevice(username: line.username, mac: device.mac)
            }
            positioned.append(PositionedLine(position: binding.position, provisioned: provisioned))
        }
        self.device = device
        self.lines = positioned.sorted { $0.position < $1.position }
        self.adminPassword = adminPassword
        self.functionKeys = positioned.isEmpty ? [] : functionKeys
        self.autoprovAccount = nil
    }

    /// A device no line is bound to (known or not): its files carry nobody's credentials — only, when given,
    /// its own autoprov account.
    public static func autoprov(
        mac: MACAddress, vendor: String, model: String, plugin: String? = nil, account: AutoprovAccount? = nil
    ) -> DeviceProfile {
        DeviceProfile(
            unchecked: Device(mac: mac, vendor: vendor, model: model, plugin: plugin, state: .autoprov),
            account: account)
    }

    private init(unchecked device: Device, account: AutoprovAccount?) {
        self.device = device
        self.lines = []
        self.adminPassword = nil
        self.functionKeys = []
        self.autoprovAccount = account
    }

    public var mac: MACAddress { device.mac }

    /// No line is bound: the files say nothing of anyone.
    public var isAutoprov: Bool { lines.isEmpty }
}
