/// The appliance settings read from `castor.yaml` (DESIGN.md §2): where data lives, how loud the logs are,
/// and one section per daemon. Every key has a default, so an empty file — or no file — is a working
/// configuration.
///
/// ```swift
/// let path = SettingsLocation.path(config: options.config, dataDir: options.dataDir) {
///     FileManager.default.fileExists(atPath: $0)
/// }
/// let fromFile = try path.map { path throws(SettingsError) in try Settings.load(path: path) } ?? Settings()
/// let settings = fromFile.applying(dataDir: options.dataDir)  // flags win over the file
/// settings.api.port                                           // 8080
/// ```
///
/// The YAML spelling of each key is snake_case (`api.token_lifetime`); the Swift property is camelCase
/// (`api.tokenLifetime`). The tables in `keys` are the single source of both the decoder and
/// `knownKeyPaths`, so a key cannot be decodable yet undocumented in `appliance/castor.yaml.example`.
public struct Settings: Sendable, Equatable {
    /// The daemons the supervisor knows how to start; `supervisor.daemons` may name only these.
    public static let knownDaemons = ["api", "dhcp", "provd", "pbx"]

    /// Where the settings live when neither `--config` nor `--data-dir` says otherwise.
    public static let defaultDataDir = "/var/lib/castor"

    /// `data_dir`: where castor.db, the DHCP leases and the firmware live. An absolute path.
    public var dataDir: String
    /// `run_dir`: where pid files and control sockets live; empty means `<data_dir>/run`
    /// (see `resolvedRunDir`). Kept empty by default so that moving `data_dir` moves it too.
    public var runDir: String
    /// `log_level`: the least severe level logged.
    public var logLevel: LogLevel
    /// `api:` the REST and web admin daemon.
    public var api: API
    /// `supervisor:` how `castor run` starts, restarts and stops the daemons.
    public var supervisor: Supervisor
    /// `provd:` the provisioning daemon (TFTP and HTTP).
    public var provd: Provd
    /// `pbx:` the SIP/RTP PBX.
    public var pbx: PBX

    /// Settings with the given values; every argument left out takes its documented default.
    public init(
        dataDir: String = Settings.defaultDataDir,
        runDir: String = "",
        logLevel: LogLevel = .info,
        api: API = API(),
        supervisor: Supervisor = Supervisor(),
        provd: Provd = Provd(),
        pbx: PBX = PBX()
    ) {
        self.dataDir = dataDir
        self.runDir = runDir
        self.logLevel = logLevel
        self.api = api
        self.supervisor = supervisor
        self.provd = provd
        self.pbx = pbx
    }

    /// `run_dir`, or `<data_dir>/run` when `run_dir` is empty.
    public var resolvedRunDir: String {
        guard runDir.isEmpty else { return runDir }
        return dataDir.hasSuffix("/") ? dataDir + "run" : dataDir + "/run"
    }

    /// A copy where a `--data-dir` flag, when given, replaces `data_dir`: flags win over the file
    /// (DESIGN.md §4). An empty `run_dir` follows the new data dir through `resolvedRunDir`.
    public func applying(dataDir: String?) -> Settings {
        guard let dataDir else { return self }
        var copy = self
        copy.dataDir = dataDir
        return copy
    }

    /// Every key path the loader accepts, dotted (`api.port`), sections included (`api`), in file order.
    /// Derived from the same tables the decoder walks.
    public static var knownKeyPaths: [String] { keyPaths }
}

extension Settings: SettingsSection {
    static var defaults: Settings { Settings() }

    static var keys: [SettingsKey<Settings>] {
        [
            .value("data_dir", \.dataDir) { value throws(SettingsError) in try value.absolutePath() },
            .value("run_dir", \.runDir) { value throws(SettingsError) in try value.absolutePath(allowingEmpty: true) },
            .value("log_level", \.logLevel) { value throws(SettingsError) in try value.choice(LogLevel.self) },
            .section("api", \.api),
            .section("provd", \.provd),
            .section("pbx", \.pbx),
            .section("supervisor", \.supervisor),
        ]
    }
}
