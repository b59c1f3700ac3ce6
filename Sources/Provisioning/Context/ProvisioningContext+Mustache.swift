extension ProvisioningContext {
    /// The dictionary swift-mustache renders: snake_case keys, every text cleaned by `ProvisioningText`, optional
    /// values absent (so `{{#ntp_server}}…{{/ntp_server}}` renders nothing without one). The keys are a contract
    /// with site templates: templates/README.md lists them.
    public var mustacheValue: [String: Any] {
        var root: [String: Any] = [
            "file": clean(file),
            "plugin": clean(plugin),
            "provisioning_url": clean(server.provisioningURL),
            "sip_host": clean(server.sipHost),
            "sip_port": server.sipPort,
            "language": clean(language),
            "timezone": clean(timezone),
            "vendor": clean(vendor),
        ]
        root["model"] = model.map(clean)
        root["ntp_server"] = server.ntpServer.map(clean)
        if let firmware {
            root["firmware"] = [
                "file": clean(firmware.fileName), "url": clean(firmware.url), "version": clean(firmware.version),
            ]
        }
        if let device {
            root.merge(device.mustacheValue) { _, deviceValue in deviceValue }
        }
        return root
    }
}

extension DeviceContext {
    var mustacheValue: [String: Any] {
        var values: [String: Any] = [
            "mac": mac.description,
            "mac_upper": mac.compactUppercase,
            "mac_lower": mac.compactLowercase,
            "autoprov": autoprov,
            "configured": !autoprov,
            "lines": lines.map(\.mustacheValue),
            "unused_positions": unusedPositions.map { ["position": $0] },
            "function_keys": keys.map(\.mustacheValue),
        ]
        if let adminPassword {
            values["admin"] = ["user": clean(adminUser ?? "admin"), "password": clean(adminPassword)]
        }
        return values
    }
}

extension DeviceContext.Line {
    var mustacheValue: [String: Any] {
        var values: [String: Any] = [
            "position": position,
            "username": clean(username),
            "auth_username": clean(authUsername),
            "password": clean(password),
            "display_name": clean(displayName),
            "host": clean(host),
            "port": port,
            "transport": clean(transport),
            "vendor": clean(vendor),
        ]
        values["number"] = number.map(clean)
        values["mailbox"] = mailbox.map(clean)
        return values
    }
}

extension DeviceContext.Key {
    var mustacheValue: [String: Any] {
        var values: [String: Any] = [
            "index": index,
            "number": index + 1,
            "kind": clean(kind),
            "is_\(kind)": true,
            "exten": clean(exten),
            "label": clean(label),
            "uri": clean(uri),
            "vendor": clean(vendor),
        ]
        values["pickup"] = pickup.map(clean)
        values["line"] = line
        return values
    }
}

private func clean(_ text: String) -> String { ProvisioningText.clean(text) }

private func clean(_ values: [String: String]) -> [String: String] { values.mapValues(ProvisioningText.clean) }
