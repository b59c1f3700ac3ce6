import CastorCore

/// Yealink desk phones (T4x, T5x): `key = value` files. A phone asks for its model's common file
/// `y0000000000XX.cfg` (`y000000000066.cfg` for a T46S), then its own `<mac>.cfg` (lower-case MAC, sensitive).
///
/// Here mostly to keep the plugin boundary honest: nothing outside this folder knows a Yealink key name.
public struct YealinkPlugin: ProvisioningPlugin {
    public let name = "yealink"
    public let vendor = "Yealink"

    public init() {}

    public func canonicalModel(_ model: String) -> String? {
        YealinkModel.canonical(model)
    }

    public func file(named fileName: String) -> ProvisioningFile? {
        guard fileName.hasSuffix(".cfg") else { return nil }
        let stem = fileName.dropLast(4)
        if stem.utf8.count == 13, stem.first == "y" || stem.first == "Y",
            stem.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }), let id = Int(stem.dropFirst()), id > 0
        {
            let model = YealinkModel.modelsByCommonFileID[id]
            return ProvisioningFile(
                name: YealinkModel.commonFileName(id: id), plugin: name, template: "model.cfg", scope: .common,
                model: model, format: .text, variables: ["common_file": YealinkModel.commonFileName(id: id)])
        }
        // 000000000000.cfg is Polycom's master file, not a device.
        guard let mac = MACText.compact(stem), mac.octets.contains(where: { $0 != 0 }) else { return nil }
        return ProvisioningFile(
            name: mac.compactLowercase + ".cfg", plugin: name, template: "device.cfg", scope: .device(mac),
            format: .text, isSensitive: true)
    }

    public func files(mac: MACAddress, model: String) -> [String] {
        var names: [String] = []
        if let id = canonicalModel(model).flatMap({ YealinkModel.commonFileIDs[$0] }) {
            names.append(YealinkModel.commonFileName(id: id))
        }
        names.append(mac.compactLowercase + ".cfg")
        return names
    }

    /// `T46S(T48S,T42S,T41S)-66.86.0.15.rom` or `66.86.0.15.rom`: the newest image whose version starts with
    /// the model's firmware number.
    public func firmware(forModel model: String, among fileNames: [String]) -> FirmwareImage? {
        guard let canonical = canonicalModel(model),
            let id = YealinkModel.firmwareIDs[canonical] ?? YealinkModel.commonFileIDs[canonical]
        else { return nil }
        let images = fileNames.compactMap { fileName -> FirmwareImage? in
            guard fileName.hasSuffix(".rom") else { return nil }
            let stem = fileName.dropLast(4)
            let version = stem.split(separator: "-").last ?? stem
            let fields = version.split(separator: ".", omittingEmptySubsequences: false)
            guard fields.count == 4, fields.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
                fields.first.flatMap({ Int($0) }) == id
            else { return nil }
            return FirmwareImage(fileName: fileName, version: String(version))
        }
        return FirmwareImage.newest(images)
    }

    /// Reads `Yealink SIP-T46S 66.86.0.15 00:15:65:aa:bb:cc` (and `Yealink W52P …`, `Yealink-T46G 28.71.0.81 …`)
    /// and the file name.
    public func identify(_ request: ProvisioningRequest) -> DeviceClaim? {
        let agent = request.userAgent.flatMap(YealinkUserAgent.init(parsing:))
        let file = file(named: request.fileName)
        let support: DeviceSupport
        if let agent {
            support = YealinkModel.commonFileIDs[agent.model] != nil ? .complete : .probable
        } else if let file {
            let fromYealink =
                file.mac.map { mac in YealinkModel.ouis.contains { mac.octets.starts(with: $0) } } ?? true
            support = fromYealink ? .probable : .improbable
        } else {
            return nil
        }
        return DeviceClaim(
            plugin: name, vendor: vendor, model: agent?.model ?? file?.model, firmwareVersion: agent?.version,
            fileMAC: file?.mac, userAgentMAC: agent?.mac, support: support)
    }

    /// Yealink's spellings: language, time zone, transport numbers, key types (15 line, 16 BLF, 13 speed dial).
    public func decorate(_ context: inout ProvisioningContext, for file: ProvisioningFile) {
        context.vendor["language"] = YealinkLocale.languages[context.language]
        if let zone = YealinkLocale.timezones[context.timezone] {
            context.vendor["time_zone"] = zone.offset
            context.vendor["time_zone_name"] = zone.name
        }
        guard var device = context.device else { return }
        for index in device.lines.indices {
            let transport = device.lines[index].transport
            device.lines[index].vendor["transport"] = transport == "tcp" ? "1" : transport == "tls" ? "2" : "0"
        }
        for index in device.keys.indices {
            let key = device.keys[index]
            device.keys[index].vendor["type"] = key.kind == "line" ? "15" : key.kind == "blf" ? "16" : "13"
            device.keys[index].vendor["value"] = key.exten
        }
        context.device = device
    }
}
