extension Settings {
    /// `api:` the REST and web admin daemon (`castor api`).
    ///
    /// ```yaml
    /// api:
    ///   listen: 0.0.0.0
    ///   port: 8080
    /// ```
    public struct API: Sendable, Equatable {
        /// `enabled`: whether the API serves at all.
        public var enabled: Bool
        /// `listen`: the IPv4 or IPv6 address, or host name, to bind; `0.0.0.0` is every IPv4 address.
        public var listen: String
        /// `port`: the TCP port; 0 asks the kernel for an ephemeral port (tests).
        public var port: Int
        /// `token_lifetime`: how long a login token stays valid, in seconds.
        public var tokenLifetime: Int
        /// `admin_user`: the name of the administrator account created on first start.
        public var adminUser: String

        public init(
            enabled: Bool = true,
            listen: String = "0.0.0.0",
            port: Int = 8080,
            tokenLifetime: Int = 3600,
            adminUser: String = "admin"
        ) {
            self.enabled = enabled
            self.listen = listen
            self.port = port
            self.tokenLifetime = tokenLifetime
            self.adminUser = adminUser
        }
    }
}

extension Settings.API: SettingsSection {
    static var defaults: Settings.API { Settings.API() }

    static var keys: [SettingsKey<Settings.API>] {
        [
            .value("enabled", \.enabled) { value throws(SettingsError) in try value.bool() },
            .value("listen", \.listen) { value throws(SettingsError) in try value.listenAddress() },
            .value("port", \.port) { value throws(SettingsError) in try value.integer(from: 0, to: 65_535) },
            // A minute at least, so a token survives one form submission; 30 days at most, so a leaked
            // token does not outlive a lab session by months.
            .value("token_lifetime", \.tokenLifetime) { value throws(SettingsError) in
                try value.integer(from: 60, to: 2_592_000, unit: "seconds")
            },
            .value("admin_user", \.adminUser) { value throws(SettingsError) in try value.nonEmptyString() },
        ]
    }
}
