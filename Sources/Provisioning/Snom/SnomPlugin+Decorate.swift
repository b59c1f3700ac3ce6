extension SnomPlugin {
    /// Snom's spellings: language and tone scheme names, the `timezone` code, `user_outbound`, and each key's
    /// `fkey` value (`line`, `blf <sip:1002@10.0.0.1>|*8`, `speed *98`).
    public func decorate(_ context: inout ProvisioningContext, for file: ProvisioningFile) {
        if let locale = SnomLocale.languages[context.language] {
            context.vendor["language"] = locale.language
            context.vendor["tone_scheme"] = locale.toneScheme
        }
        context.vendor["timezone"] = SnomLocale.timezones[context.timezone]
        let phoneType = file.variables["phone_type"] ?? context.model.map { "snom" + $0 }
        if let phoneType {
            context.vendor["phone_type"] = phoneType
            context.vendor["model_file"] = phoneType + ".xml"
            context.vendor["firmware_file"] = phoneType + "-firmware.xml"
        }
        context.vendor["general_file"] = "snom-general.xml"

        guard var device = context.device else { return }
        for index in device.lines.indices {
            let line = device.lines[index]
            device.lines[index].vendor["outbound"] = "\(line.host):\(line.port);transport=\(line.transport)"
        }
        for index in device.keys.indices {
            let key = device.keys[index]
            let value: String
            switch key.kind {
            case "line": value = "line"
            case "blf": value = "blf <\(key.uri)>" + (key.pickup.map { "|" + $0 } ?? "")
            default: value = "speed " + key.exten
            }
            device.keys[index].vendor["value"] = value
        }
        context.device = device
    }
}
