import CastorCore
import CastorModel

extension ProvisioningContext {
    /// How many identities a phone is told about; those no line uses are switched off (Snom D7xx: 12).
    static let identityCount = 12

    /// The context of a file every phone of `model` may fetch: site values only.
    static func common(
        file: ProvisioningFile, plugin: String, model: String?, site: ProvisioningSite, firmware: FirmwareImage?
    ) -> ProvisioningContext {
        ProvisioningContext(
            file: file.name, plugin: plugin, model: model, server: Server(site: site), language: site.language,
            timezone: site.timezone, firmware: firmware.map { Firmware(image: $0, site: site) }, device: nil,
            vendor: file.variables)
    }

    /// The context of `profile`'s own file. The caller has checked that the file is the profile's.
    static func device(
        file: ProvisioningFile, plugin: String, model: String?, profile: DeviceProfile, site: ProvisioningSite,
        firmware: FirmwareImage?
    ) -> ProvisioningContext {
        let language = profile.lines.lazy.compactMap(\.provisioned.user?.language).first ?? site.language
        return ProvisioningContext(
            file: file.name, plugin: plugin, model: model, server: Server(site: site), language: language,
            timezone: site.timezone, firmware: firmware.map { Firmware(image: $0, site: site) },
            device: DeviceContext(profile: profile, site: site, language: language), vendor: file.variables)
    }
}

extension ProvisioningContext.Server {
    init(site: ProvisioningSite) {
        self.init(
            provisioningURL: site.provisioningURL, sipHost: site.sipHost, sipPort: site.sipPort,
            ntpServer: site.ntpServer)
    }
}

extension ProvisioningContext.Firmware {
    init(image: FirmwareImage, site: ProvisioningSite) {
        self.init(
            fileName: image.fileName,
            url: site.provisioningURL + site.firmwarePath + PercentDecoding.encodePathSegment(image.fileName),
            version: image.version)
    }
}

extension DeviceContext {
    init(profile: DeviceProfile, site: ProvisioningSite, language: String) {
        var lines = profile.lines.map { Line(positioned: $0, site: site) }
        if profile.isAutoprov, let account = profile.autoprovAccount {
            lines = [Line(autoprov: account, site: site)]
        }
        var keys: [Key] = lines.map { line in
            Key(
                index: 0, kind: "line", exten: line.number ?? line.username, label: line.displayName,
                uri: "sip:\(line.username)@\(site.sipHost)", pickup: nil, line: line.position, vendor: [:])
        }
        for key in profile.functionKeys {
            keys.append(
                Key(
                    index: 0, kind: key.kind.rawValue, exten: key.exten, label: key.label,
                    uri: "sip:\(key.exten)@\(site.sipHost)", pickup: key.kind == .blf ? site.pickupPrefix : nil,
                    line: lines.first?.position, vendor: [:]))
        }
        if let voicemail = site.voicemailExten, lines.contains(where: { $0.mailbox != nil }),
            !profile.functionKeys.contains(where: { $0.kind == .voicemail })
        {
            keys.append(
                Key(
                    index: 0, kind: FunctionKey.Kind.voicemail.rawValue, exten: voicemail,
                    label: language.hasPrefix("fr") ? "Messagerie" : "Voicemail",
                    uri: "sip:\(voicemail)@\(site.sipHost)", pickup: nil, line: lines.first?.position, vendor: [:]))
        }
        for index in keys.indices { keys[index].index = index }

        let used = Set(lines.map(\.position))
        self.init(
            mac: profile.mac, autoprov: profile.isAutoprov,
            adminUser: profile.isAutoprov || profile.adminPassword == nil ? nil : site.adminUser,
            adminPassword: profile.isAutoprov ? nil : profile.adminPassword, lines: lines,
            unusedPositions: (1...ProvisioningContext.identityCount).filter { !used.contains($0) }, keys: keys)
    }
}

extension DeviceContext.Line {
    /// The autoprov account at position 1, labelled "Autoprov" (as wazo names it): the phone registers it and
    /// its user dials a line's provisioning code.
    init(autoprov account: AutoprovAccount, site: ProvisioningSite) {
        self.init(
            position: 1, username: account.username, authUsername: account.username, password: account.secret,
            displayName: "Autoprov", number: nil, host: site.sipHost, port: site.sipPort, transport: "udp",
            mailbox: nil, vendor: [:])
    }

    init(positioned: DeviceProfile.PositionedLine, site: ProvisioningSite) {
        let line = positioned.provisioned.line
        let transport: String
        switch line.transport {
        case .udp, .ws, .wss: transport = "udp"
        case .tcp: transport = "tcp"
        case .tls: transport = "tls"
        }
        self.init(
            position: positioned.position, username: line.username, authUsername: line.username,
            password: line.secret, displayName: positioned.provisioned.displayName, number: line.exten,
            host: site.sipHost, port: line.transport == .tls ? site.sipTLSPort : site.sipPort, transport: transport,
            mailbox: positioned.provisioned.voicemail == nil ? nil : site.voicemailExten, vendor: [:])
    }
}
