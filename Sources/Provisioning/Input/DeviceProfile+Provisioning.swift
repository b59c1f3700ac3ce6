import CastorModel

extension DeviceProfile {
    /// The profile of the store's data for one device: its lines by position, its admin password, and a BLF
    /// key per colleague when it has a line (an unassigned device gets none of that, only its own autoprov
    /// account: autoprov).
    ///
    /// ```swift
    /// guard let data = try store.provisioning(mac: mac) else { … unknown … }
    /// let profile = try DeviceProfile(data)
    /// ```
    public init(_ data: DeviceProvisioning) throws(ProvisioningError) {
        guard !data.lines.isEmpty else {
            self = .autoprov(
                mac: data.device.mac, vendor: data.device.vendor, model: data.device.model, plugin: data.device.plugin,
                account: data.autoprovAccount)
            return
        }
        try self.init(
            device: data.device,
            lines: data.lines.map { ProvisionedLine(line: $0.line, user: $0.user, voicemail: $0.voicemail) },
            adminPassword: data.adminPassword,
            functionKeys: data.colleagues.map { .blf($0.exten, label: $0.name) })
    }
}
