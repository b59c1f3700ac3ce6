import CastorCore

extension Settings {
    /// `provd:` the provisioning daemon (`castor provd`): TFTP and HTTP for the phones' files.
    ///
    /// ```yaml
    /// provd:
    ///   listen: 0.0.0.0
    ///   tftp_port: 69
    ///   http_port: 8667
    ///   https_port: 8668      # 0 (the default) turns HTTPS off
    ///   server_address: 10.20.0.1
    ///   allowed_networks: [10.20.0.0/24, 127.0.0.0/8]
    /// ```
    public struct Provd: Sendable, Equatable {
        /// `listen`: the IPv4 address both servers bind; `0.0.0.0` is every IPv4 address.
        public var listen: String
        /// `tftp_port`: the UDP port of the TFTP server; 0 asks the kernel for a free port (tests).
        public var tftpPort: Int
        /// `http_port`: the TCP port of the HTTP server; 0 asks the kernel for a free port (tests).
        public var httpPort: Int
        /// `https_port`: the TCP port of HTTPS provisioning, the same files as `http_port` over TLS; 0 (the
        /// default) turns HTTPS off, as `pbx.tls_port: 0` turns SIP over TLS off. Tests pick a free port.
        public var httpsPort: Int
        /// `tls_certificate`, `tls_key`: PEM files for HTTPS, both or neither. Empty: `<data_dir>/tls/provd.crt`
        /// and `provd.key`, a self-signed pair (CN and subjectAltName = `server_address`) made at the first
        /// start when missing.
        public var tlsCertificate: String
        public var tlsKey: String
        /// `server_address`: the address phones reach Castor at, for SIP and for later provisioning
        /// (Snom's `setting_server`). The lab network's is 10.20.0.1, as `castor lab init`'s DHCP option 66 says.
        public var serverAddress: String
        /// `provisioning_url`: the URL phones are told to fetch their files from. Empty means
        /// `http://<server_address>:<http_port>/` (plus the URL key, when there is one), even with HTTPS on:
        /// an admin who wants phones on HTTPS says `https://<server_address>:<https_port>/` here.
        public var provisioningURL: String
        /// `allowed_networks`: only these source networks are served (TFTP and HTTP); others get 403 / ERROR 2.
        public var allowedNetworks: [IPv4Network]
        /// `url_key`: when set, HTTP paths must start with `/<url_key>/`: a per-site secret in the URL, so a
        /// host on an allowed network cannot fetch configurations without knowing it. TFTP has no such key.
        public var urlKey: String
        /// `autoprov`: whether a phone never seen before is answered (with no credentials of anyone) and
        /// recorded as unassigned, as wazo-provd does. When false, unknown MACs get 404.
        public var autoprov: Bool
        /// `unknown_device_limit`: how many MACs never seen before one source address may ask about per
        /// minute; beyond it, requests naming new MACs are refused and logged (MAC enumeration).
        public var unknownDeviceLimit: Int
        /// `tftp_busy_poll_us`: how many microseconds a TFTP transfer polls its socket for the phone's answer
        /// before sleeping (the user-space form of Linux's `net.core.busy_read`, whose recommended value is 50).
        /// It speeds lock-step transfers to clients on the same host or virtual bridge, and backs off by
        /// itself for clients that answer later; 0 turns it off.
        public var tftpBusyPollMicroseconds: Int

        public init(
            listen: String = "0.0.0.0", tftpPort: Int = 69, httpPort: Int = 8667, httpsPort: Int = 0,
            tlsCertificate: String = "", tlsKey: String = "", serverAddress: String = "10.20.0.1",
            provisioningURL: String = "", allowedNetworks: [IPv4Network] = Provd.labNetworks, urlKey: String = "",
            autoprov: Bool = true, unknownDeviceLimit: Int = 30, tftpBusyPollMicroseconds: Int = 50
        ) {
            self.listen = listen
            self.tftpPort = tftpPort
            self.httpPort = httpPort
            self.httpsPort = httpsPort
            self.tlsCertificate = tlsCertificate
            self.tlsKey = tlsKey
            self.serverAddress = serverAddress
            self.provisioningURL = provisioningURL
            self.allowedNetworks = allowedNetworks
            self.urlKey = urlKey
            self.autoprov = autoprov
            self.unknownDeviceLimit = unknownDeviceLimit
            self.tftpBusyPollMicroseconds = tftpBusyPollMicroseconds
        }

        /// The lab's phone network (`castor lab init`) and loopback.
        public static let labNetworks: [IPv4Network] = [
            IPv4Network(address: 0x0A14_0000, prefixLength: 24), IPv4Network(address: 0x7F00_0000, prefixLength: 8),
        ]

        /// `provisioning_url`, or the one derived from the server address, the HTTP port and the URL key.
        public var resolvedProvisioningURL: String {
            if !provisioningURL.isEmpty { return provisioningURL }
            let port = httpPort == 80 ? "" : ":\(httpPort)"
            return "http://\(serverAddress)\(port)/" + (urlKey.isEmpty ? "" : urlKey + "/")
        }
    }
}

extension Settings.Provd: SettingsSection {
    static var defaults: Settings.Provd { Settings.Provd() }

    static var keys: [SettingsKey<Settings.Provd>] {
        [
            .value("listen", \.listen) { value throws(SettingsError) in try value.ipv4Address() },
            .value("tftp_port", \.tftpPort) { value throws(SettingsError) in try value.integer(from: 0, to: 65_535) },
            .value("http_port", \.httpPort) { value throws(SettingsError) in try value.integer(from: 0, to: 65_535) },
            .value("https_port", \.httpsPort) { value throws(SettingsError) in try value.integer(from: 0, to: 65_535) },
            .value("tls_certificate", \.tlsCertificate) { value throws(SettingsError) in
                try value.absolutePath(allowingEmpty: true)
            },
            .value("tls_key", \.tlsKey) { value throws(SettingsError) in try value.absolutePath(allowingEmpty: true) },
            .value("server_address", \.serverAddress) { value throws(SettingsError) in try value.listenAddress() },
            .value("provisioning_url", \.provisioningURL) { value throws(SettingsError) in
                let text = try value.string()
                guard text.isEmpty || text.hasPrefix("http://") || text.hasPrefix("https://") else {
                    throw value.error("expected an http:// or https:// URL, or nothing, got \(value.shown)")
                }
                return text
            },
            .value("allowed_networks", \.allowedNetworks) { value throws(SettingsError) in
                try value.uniqueList(of: "IPv4 networks (a.b.c.d/n)") { element throws(SettingsError) in
                    let text = try element.string(expected: "an IPv4 network (a.b.c.d/n)")
                    do throws(IPv4NetworkError) {
                        return try IPv4Network(parsing: text)
                    } catch {
                        throw element.error(error.description)
                    }
                }
            },
            .value("url_key", \.urlKey) { value throws(SettingsError) in
                let text = try value.string()
                let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_".utf8)
                guard text.utf8.allSatisfy(allowed.contains) else {
                    throw value.error("expected letters, digits, - and _ only, got \(value.shown)")
                }
                return text
            },
            .value("autoprov", \.autoprov) { value throws(SettingsError) in try value.bool() },
            .value("unknown_device_limit", \.unknownDeviceLimit) { value throws(SettingsError) in
                try value.integer(from: 1, to: 100_000, unit: "MACs per minute")
            },
            .value("tftp_busy_poll_us", \.tftpBusyPollMicroseconds) { value throws(SettingsError) in
                try value.integer(from: 0, to: 1_000, unit: "microseconds")
            },
        ]
    }

    /// A certificate without its key (or the reverse) is neither the admin's pair nor the self-signed one;
    /// the error points at the later of the two keys.
    func validate(_ found: FoundKeys) throws(SettingsError) {
        guard tlsCertificate.isEmpty != tlsKey.isEmpty, let later = found.later(of: "tls_certificate", "tls_key")
        else { return }
        let (set, unset) = tlsCertificate.isEmpty ? ("tls_key", "tls_certificate") : ("tls_certificate", "tls_key")
        throw later.error(
            "\(set) is set but \(unset) is not: give both PEM files, or neither for a self-signed pair in "
                + "<data_dir>/tls")
    }
}
