extension Settings {
    /// `pbx:` the SIP/RTP PBX (`castor pbx`): where it listens, how phones authenticate and register.
    ///
    /// ```yaml
    /// pbx:
    ///   listen: 0.0.0.0
    ///   sip_port: 5060
    ///   tls_port: 5061
    ///   realm: castor
    ///   min_expires: 60
    /// ```
    public struct PBX: Sendable, Equatable {
        /// `listen`: the IPv4 address the SIP sockets bind; `0.0.0.0` is every IPv4 address.
        public var listen: String
        /// `sip_port`: UDP and TCP port of SIP (RFC 3261 §18: 5060); 0 asks the kernel for free ports (tests).
        public var sipPort: Int
        /// `tls_port`: the TLS port (5061); 0 turns TLS off.
        public var tlsPort: Int
        /// `tcp`: whether SIP over TCP is served on `sip_port`.
        public var tcp: Bool
        /// `tls_certificate`, `tls_key`: PEM files for SIP over TLS. Empty: `<data_dir>/tls/sip.crt` and
        /// `sip.key`, a self-signed pair made at the first start when missing.
        public var tlsCertificate: String
        public var tlsKey: String
        /// `rtp_ports`: the UDP range the media relay takes its ports from, "A-B".
        public var rtpPorts: ClosedRange<Int>
        /// `realm`: the digest realm of the challenges (RFC 3261 §22.1). Phones show it; XiVO's is "xivo".
        public var realm: String
        /// `auth_algorithms`: the digest algorithms offered, in the order of preference (RFC 8760 §2.4: one
        /// WWW-Authenticate per algorithm, most preferred first).
        public var authAlgorithms: [String]
        /// `nonce_lifetime`: seconds a challenge's nonce stays valid; later, the phone is told `stale=true`.
        public var nonceLifetime: Int
        /// `auth_retries`: wrong credentials answered with a new challenge (401) before 403 Forbidden.
        public var authRetries: Int
        /// `min_expires`, `max_expires`, `default_expires`: registration lifetimes in seconds (RFC 3261
        /// §10.3: shorter than the minimum is refused with 423; longer than the maximum is shortened).
        public var minExpires: Int
        public var maxExpires: Int
        public var defaultExpires: Int
        /// `qualify_frequency`: seconds between OPTIONS keepalives to each binding (Asterisk's name); 0 off.
        public var qualifyFrequency: Int
        /// `ring_timeout`: seconds a call rings before the caller gets 480 (XiVO's ring time).
        public var ringTimeout: Int = 30
        /// `rtp_timeout`: seconds without RTP from either phone before an answered call is hung up
        /// (Asterisk's `rtptimeout`); a call on hold gets an hour.
        public var rtpTimeout: Int = 60
        /// `call_limit`: calls a line may be in at once (Asterisk's call-limit); beyond, 486 Busy Here.
        public var callLimit: Int = 4
        /// `emergency_numbers`: numbers routable from every context, whatever it includes.
        public var emergencyNumbers: [String] = ["112", "117", "118", "144"]
        /// `media_address`: the IPv4 address the relay's RTP sockets bind and the SDP announces. Empty: the
        /// `listen` address, or the address phones reach the PBX at when listening on 0.0.0.0.
        public var mediaAddress: String = ""

        public init(
            listen: String = "0.0.0.0", sipPort: Int = 5060, tlsPort: Int = 5061, tcp: Bool = true,
            tlsCertificate: String = "", tlsKey: String = "", rtpPorts: ClosedRange<Int> = 10_000...20_000,
            realm: String = "castor", authAlgorithms: [String] = ["MD5", "SHA-256"], nonceLifetime: Int = 300,
            authRetries: Int = 1, minExpires: Int = 60, maxExpires: Int = 3600, defaultExpires: Int = 3600,
            qualifyFrequency: Int = 60
        ) {
            self.listen = listen
            self.sipPort = sipPort
            self.tlsPort = tlsPort
            self.tcp = tcp
            self.tlsCertificate = tlsCertificate
            self.tlsKey = tlsKey
            self.rtpPorts = rtpPorts
            self.realm = realm
            self.authAlgorithms = authAlgorithms
            self.nonceLifetime = nonceLifetime
            self.authRetries = authRetries
            self.minExpires = minExpires
            self.maxExpires = maxExpires
            self.defaultExpires = defaultExpires
            self.qualifyFrequency = qualifyFrequency
        }

        /// An RTP port range "A-B" (castor.yaml's `rtp_ports`, `castor pbx --rtp-ports`), or nil when it breaks
        /// `rtpPortRangeRule`.
        public static func rtpPortRange(parsing text: String) -> ClosedRange<Int>? {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, let low = Int(parts[0]), let high = Int(parts[1]), 1_024 <= low, low < high,
                high <= 65_535, low % 2 == 0
            else { return nil }
            return low...high
        }

        public static let rtpPortRangeRule =
            "a port range \"A-B\" with 1024 <= A < B <= 65535 and A even (RTP on even ports)"

        /// The digest algorithms Castor implements, by their RFC 7616 names.
        public static let knownAuthAlgorithms = ["MD5", "SHA-256", "MD5-sess", "SHA-256-sess"]
    }
}

extension Settings.PBX: SettingsSection {
    static var defaults: Settings.PBX { Settings.PBX() }

    static var keys: [SettingsKey<Settings.PBX>] {
        [
            .value("listen", \.listen) { value throws(SettingsError) in try value.ipv4Address() },
            .value("sip_port", \.sipPort) { value throws(SettingsError) in try value.integer(from: 0, to: 65_535) },
            .value("tls_port", \.tlsPort) { value throws(SettingsError) in try value.integer(from: 0, to: 65_535) },
            .value("tcp", \.tcp) { value throws(SettingsError) in try value.bool() },
            .value("tls_certificate", \.tlsCertificate) { value throws(SettingsError) in
                try value.absolutePath(allowingEmpty: true)
            },
            .value("tls_key", \.tlsKey) { value throws(SettingsError) in try value.absolutePath(allowingEmpty: true) },
            .value("rtp_ports", \.rtpPorts) { value throws(SettingsError) in
                let text = try value.string(expected: "a port range \"A-B\"")
                guard let range = Settings.PBX.rtpPortRange(parsing: text) else {
                    throw value.error("expected \(Settings.PBX.rtpPortRangeRule), got \(value.shown)")
                }
                return range
            },
            .value("realm", \.realm) { value throws(SettingsError) in
                let text = try value.nonEmptyString()
                guard !text.contains("\""), !text.contains("\\"), text.unicodeScalars.allSatisfy({ $0.value >= 0x20 })
                else { throw value.error("expected a realm without quotes, backslashes or control characters") }
                return text
            },
            .value("auth_algorithms", \.authAlgorithms) { value throws(SettingsError) in
                let list = try value.uniqueList(of: "digest algorithms") { element throws(SettingsError) in
                    try element.choice(of: Settings.PBX.knownAuthAlgorithms)
                }
                guard !list.isEmpty else { throw value.error("expected at least one digest algorithm") }
                return list
            },
            .value("nonce_lifetime", \.nonceLifetime) { value throws(SettingsError) in
                try value.integer(from: 10, to: 86_400, unit: "seconds")
            },
            .value("auth_retries", \.authRetries) { value throws(SettingsError) in try value.integer(from: 0, to: 10) },
            .value("min_expires", \.minExpires) { value throws(SettingsError) in
                try value.integer(from: 1, to: 86_400, unit: "seconds")
            },
            .value("max_expires", \.maxExpires) { value throws(SettingsError) in
                try value.integer(from: 1, to: 604_800, unit: "seconds")
            },
            .value("default_expires", \.defaultExpires) { value throws(SettingsError) in
                try value.integer(from: 1, to: 604_800, unit: "seconds")
            },
            .value("qualify_frequency", \.qualifyFrequency) { value throws(SettingsError) in
                try value.integer(from: 0, to: 86_400, unit: "seconds")
            },
            .value("ring_timeout", \.ringTimeout) { value throws(SettingsError) in
                try value.integer(from: 1, to: 3_600, unit: "seconds")
            },
            .value("rtp_timeout", \.rtpTimeout) { value throws(SettingsError) in
                try value.integer(from: 5, to: 86_400, unit: "seconds")
            },
            .value("call_limit", \.callLimit) { value throws(SettingsError) in try value.integer(from: 1, to: 1_000) },
            .value("emergency_numbers", \.emergencyNumbers) { value throws(SettingsError) in
                try value.uniqueList(of: "numbers") { element throws(SettingsError) in
                    let text = try element.nonEmptyString()
                    guard text.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                        throw element.error("expected a number of digits, got \(element.shown)")
                    }
                    return text
                }
            },
            .value("media_address", \.mediaAddress) { value throws(SettingsError) in
                let text = try value.string(expected: "an IPv4 address")
                return text.isEmpty ? "" : try value.ipv4Address()
            },
        ]
    }

    /// Expiry bounds must be ordered (min ≤ default ≤ max); the error points at the later of the keys involved.
    func validate(_ found: FoundKeys) throws(SettingsError) {
        if maxExpires < minExpires, let later = found.later(of: "min_expires", "max_expires") {
            throw later.error("max_expires (\(maxExpires)) must not be less than min_expires (\(minExpires))")
        }
        if !(minExpires...max(minExpires, maxExpires)).contains(defaultExpires) {
            let key = found.later(of: "default_expires", defaultExpires < minExpires ? "min_expires" : "max_expires")
            if let key {
                throw key.error(
                    "default_expires (\(defaultExpires)) must be between min_expires (\(minExpires)) and max_expires "
                        + "(\(maxExpires))")
            }
        }
    }
}
