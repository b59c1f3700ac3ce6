import CastorCore

/// Snom desk phones (D7xx, D3xx, 3xx/7xx/8xx): XML settings files, the file chain wazo-provd serves.
///
/// A phone given `http://castor:8667/` as setting server asks for, in order:
/// 1. `snomD715.htm` — a `<setting-files>` list: `snom-general.xml` and `snomD715.xml` (common)
/// 2. `snom-general.xml` — provisioning order, update policy, every identity off (common)
/// 3. `snomD715.xml` — the model's settings: `firmware_status` when firmware is present (common)
/// 4. `snomD715-firmware.xml` — `<firmware-settings>` pointing at the image (common, only with firmware)
/// 5. `snomD715-000413AABB01.htm` — lists `000413AABB01.xml` (the device's)
/// 6. `000413AABB01.xml` — lines, passwords, keys, `setting_server` (the device's, sensitive)
///
/// The same files answer to the legacy phone type (`snom715.htm`, `snom715-<MAC>.htm`, …).
public struct SnomPlugin: ProvisioningPlugin {
    public let name = "snom"
    public let vendor = "Snom"

    public init() {}

    public func canonicalModel(_ model: String) -> String? {
        SnomModel.canonical(model)
    }

    public func file(named fileName: String) -> ProvisioningFile? {
        if fileName == "snom-general.xml" {
            return common(fileName, template: "general.xml", model: nil, phoneType: nil)
        }
        if fileName.hasSuffix(".xml"), let mac = MACText.compact(fileName.dropLast(4)) {
            return ProvisioningFile(
                name: mac.compactUppercase + ".xml", plugin: name, template: "device.xml", scope: .device(mac),
                format: .xml, isSensitive: true)
        }
        guard fileName.hasPrefix("snom") else { return nil }
        if fileName.hasSuffix("-firmware.xml") {
            return common(
                fileName, template: "firmware.xml", phoneType: fileName.dropLast("-firmware.xml".count),
                requiresFirmware: true)
        }
        if fileName.hasSuffix(".xml") {
            return common(fileName, template: "model.xml", phoneType: fileName.dropLast(4))
        }
        guard fileName.hasSuffix(".htm") else { return nil }
        let stem = fileName.dropLast(4)
        if let dash = stem.lastIndex(of: "-") {
            let phoneType = stem[..<dash]
            guard let mac = MACText.compact(stem[stem.index(after: dash)...]),
                let model = SnomModel.canonical(String(phoneType))
            else { return nil }
            return ProvisioningFile(
                name: "\(phoneType)-\(mac.compactUppercase).htm", plugin: name, template: "device.htm",
                scope: .device(mac), model: model, format: .xml,
                variables: ["phone_type": String(phoneType), "settings_file": mac.compactUppercase + ".xml"])
        }
        return common(fileName, template: "model.htm", phoneType: stem)
    }

    public func files(mac: MACAddress, model: String) -> [String] {
        let phoneTypes = SnomModel.phoneTypes(of: canonicalModel(model) ?? model)
        var names = ["snom-general.xml"]
        for phoneType in phoneTypes {
            names += [phoneType + ".htm", phoneType + ".xml", phoneType + "-firmware.xml"]
        }
        names += phoneTypes.map { "\($0)-\(mac.compactUppercase).htm" }
        names.append(mac.compactUppercase + ".xml")
        return names
    }

    /// `snomD715-10.1.215.13-SIP-r.bin` or `snom715-…`: the newest image named after one of the model's phone
    /// types.
    public func firmware(forModel model: String, among fileNames: [String]) -> FirmwareImage? {
        let prefixes = SnomModel.phoneTypes(of: canonicalModel(model) ?? model).map { $0 + "-" }
        let images = fileNames.compactMap { fileName -> FirmwareImage? in
            guard fileName.hasSuffix(".bin"),
                let prefix = prefixes.first(where: { fileName.hasPrefix($0) })
            else { return nil }
            let version = fileName.dropFirst(prefix.count).prefix { $0 != "-" }
            guard !version.isEmpty, version.allSatisfy({ $0.isNumber || $0 == "." }) else { return nil }
            return FirmwareImage(fileName: fileName, version: String(version))
        }
        return FirmwareImage.newest(images)
    }

    private func common(
        _ fileName: String, template: String, phoneType: Substring, requiresFirmware: Bool = false
    ) -> ProvisioningFile? {
        guard let model = SnomModel.canonical(String(phoneType)) else { return nil }
        return common(
            fileName, template: template, model: model, phoneType: String(phoneType),
            requiresFirmware: requiresFirmware)
    }

    private func common(
        _ fileName: String, template: String, model: String?, phoneType: String?, requiresFirmware: Bool = false
    ) -> ProvisioningFile {
        ProvisioningFile(
            name: fileName, plugin: name, template: template, scope: .common, model: model, format: .xml,
            requiresFirmware: requiresFirmware, variables: phoneType.map { ["phone_type": $0] } ?? [:])
    }
}
