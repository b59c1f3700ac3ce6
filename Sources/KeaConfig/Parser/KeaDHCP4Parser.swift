import CastorJSON
import DHCPCodec

/// Walks a Kea configuration's JSON tree into a ``KeaDHCP4Config``, Kea 2.2's grammar and checks
/// (`src/bin/dhcp4/dhcp4_parser.yy`, `json_config_parser.cc`), one map per method.
///
/// Order follows Kea's: option definitions before option data (wherever they appear in the file), classes
/// before subnets, and, within a map, unknown and duplicate keys first, in file order.
struct KeaDHCP4Parser {
    let file: String
    private(set) var warnings: [KeaConfigWarning] = []
    /// Standard and user option definitions, by space and code / name.
    var definitions = KeaOptionDefinitionTable()
    /// The configuration's bytes, to point inside a string (a class test's error) when it has no escapes.
    var source: [UInt8] = []

    init(file: String, source: [UInt8] = []) {
        self.file = file
        self.source = source
    }

    mutating func warn(_ position: JSONPosition, _ message: String) {
        warnings.append(KeaConfigWarning(file: file, line: position.line, column: position.column, message: message))
    }

    mutating func warn(_ jsonWarnings: [JSONWarning]) {
        for warning in jsonWarnings { warn(warning.position, warning.message) }
    }

    func error(_ position: JSONPosition, _ message: String) -> KeaConfigError {
        KeaMap.error(file, position, message)
    }

    // MARK: Top level

    /// `{"Dhcp4": {...}}` and nothing else: Kea 2.2 refuses `Dhcp6`, `Logging`… at the top level with
    /// `syntax error, unexpected constant string, expecting Dhcp4`, and an empty `Dhcp4` map with
    /// `syntax error, unexpected }`.
    mutating func parseDocument(_ root: JSONNode) throws(KeaConfigError) -> KeaDHCP4Config {
        guard let members = root.members else {
            throw error(root.position, "syntax error, \(KeaMap.unexpected(root)), expecting {")
        }
        guard let first = members.first else {
            throw error(root.position, "syntax error, unexpected }, expecting Dhcp4")
        }
        guard first.key == "Dhcp4" else {
            throw error(first.keyPosition, "syntax error, unexpected constant string, expecting Dhcp4")
        }
        if members.count > 1 {
            let extra = members[1]
            throw error(
                extra.keyPosition,
                extra.key == "Dhcp4"
                    ? "duplicate Dhcp4 entries in toplevel map (previous at \(file):\(first.value.position))"
                    : "syntax error, unexpected constant string, expecting Dhcp4")
        }
        return try parseDhcp4(first.value)
    }

    static let globalKeys: Set<String> = [
        "interfaces-config", "lease-database", "valid-lifetime", "min-valid-lifetime", "max-valid-lifetime",
        "renew-timer", "rebind-timer", "calculate-tee-times", "t1-percent", "t2-percent", "authoritative",
        "match-client-id", "echo-client-id", "decline-probation-period", "next-server", "server-hostname",
        "boot-file-name", "host-reservation-identifiers", "reservations-global", "reservations-in-subnet",
        "reservations-out-of-pool", "control-socket", "loggers", "option-def", "option-data", "client-classes",
        "subnet4", "reservations", "comment", "user-context",
    ]

    /// Kea 2.2 keys that change nothing a lab relies on: accepted with a warning, so a stock
    /// `kea-dhcp4.conf` (Debian's ships `expired-leases-processing`, `hooks-libraries`…) loads unchanged.
    static let ignoredGlobalKeys: Set<String> = [
        "expired-leases-processing", "multi-threading", "sanity-checks", "dhcp-ddns", "hooks-libraries",
        "server-tag", "statistic-default-sample-count", "statistic-default-sample-age", "dhcp4o6-port",
        "dhcp-queue-control", "ip-reservations-unique", "early-global-reservations-lookup", "parked-packet-limit",
        "cache-threshold", "cache-max-age", "ddns-send-updates", "ddns-override-no-update",
        "ddns-override-client-update", "ddns-replace-client-name", "ddns-generated-prefix",
        "ddns-qualifying-suffix", "ddns-update-on-renew", "ddns-use-conflict-resolution", "hostname-char-set",
        "hostname-char-replacement", "store-extended-info", "reservation-mode", "compatibility",
    ]

    /// Kea 2.2 keys whose meaning Castor does not implement: refused rather than silently ignored.
    static let unsupportedGlobalKeys: Set<String> = [
        "shared-networks", "hosts-database", "hosts-databases", "config-control",
    ]

    mutating func parseDhcp4(_ node: JSONNode) throws(KeaConfigError) -> KeaDHCP4Config {
        let map = try KeaMap(
            node, name: "Dhcp4", file: file,
            allowed: Self.globalKeys.union(Self.ignoredGlobalKeys).union(Self.unsupportedGlobalKeys))
        try map.requireNotEmpty()
        for key in map.members.keys.sorted() {
            guard let keyPosition = map.keyPosition(key) else { continue }
            if Self.unsupportedGlobalKeys.contains(key) {
                throw error(keyPosition, "\(key) is not supported by castor")
            }
            if Self.ignoredGlobalKeys.contains(key) {
                warn(keyPosition, "\(key) is accepted but ignored by castor")
            }
        }
        warnings.sort { ($0.line, $0.column) < ($1.line, $1.column) }

        var config = KeaDHCP4Config(file: file)
        if let node = map.value("option-def") {
            config.optionDefinitions = try parseOptionDefinitions(node, space: "dhcp4", into: &definitions)
        }
        if let node = map.value("interfaces-config") { config.interfaces = try parseInterfaces(node) }
        if let node = map.value("lease-database") { config.leaseDatabase = try parseLeaseDatabase(node) }
        if let node = map.value("control-socket") { config.controlSocket = try parseControlSocket(node) }
        if let node = map.value("loggers") { config.loggers = try parseLoggers(node) }

        let times = try parseLeaseTimes(map)
        config.leaseTimes = times.inheriting(config.leaseTimes)
        try checkTimers(times, in: map)
        config.authoritative = try map.bool("authoritative") ?? false
        config.matchClientID = try map.bool("match-client-id") ?? true
        config.echoClientID = try map.bool("echo-client-id") ?? true
        config.declineProbationPeriod = try map.integer("decline-probation-period", as: UInt32.self) ?? 86_400
        config.bootFields = try parseBootFields(map)
        config.reservationsGlobal = try map.bool("reservations-global") ?? false
        config.reservationsInSubnet = try map.bool("reservations-in-subnet") ?? true
        config.reservationsOutOfPool = try map.bool("reservations-out-of-pool") ?? false
        if let kinds = try parseIdentifierKinds(map) { config.hostReservationIdentifiers = kinds }
        config.comment = try map.string("comment")
        config.userContext = try map.userContext()

        if let node = map.value("option-data") {
            config.options = try parseOptionData(node, definitions: definitions)
        }
        if let node = map.value("client-classes") { config.clientClasses = try parseClientClasses(node) }
        if let node = map.value("reservations") {
            config.reservations = try parseReservations(node, subnet: nil)
        }
        if let node = map.value("subnet4") { config.subnets = try parseSubnets(node) }
        config.warnings = warnings
        return config
    }

    // MARK: Shared pieces

    /// The lifetimes and timers of a map (global, subnet or class).
    func parseLeaseTimes(_ map: KeaMap) throws(KeaConfigError) -> KeaLeaseTimes {
        KeaLeaseTimes(
            validLifetime: try map.integer("valid-lifetime", as: UInt32.self),
            minValidLifetime: try map.integer("min-valid-lifetime", as: UInt32.self),
            maxValidLifetime: try map.integer("max-valid-lifetime", as: UInt32.self),
            renewTimer: try map.integer("renew-timer", as: UInt32.self),
            rebindTimer: try map.integer("rebind-timer", as: UInt32.self),
            calculateTeeTimes: try map.bool("calculate-tee-times"),
            t1Percent: try map.real("t1-percent"), t2Percent: try map.real("t2-percent"))
    }

    /// Kea 2.2's consistency checks on timers (`SubnetConfigParser`, `Network4`): renew ≤ rebind, and
    /// min ≤ valid ≤ max. Kea checks renew/rebind per subnet, after inheritance; we check each level where
    /// both are written, at the renew-timer.
    func checkTimers(_ times: KeaLeaseTimes, in map: KeaMap) throws(KeaConfigError) {
        if let renew = times.renewTimer, let rebind = times.rebindTimer, renew > rebind {
            throw map.error(
                map.value("renew-timer")?.position ?? map.position,
                "the value of renew-timer (\(renew)) is greater than the value of rebind-timer (\(rebind))")
        }
        if let valid = times.validLifetime {
            if let min = times.minValidLifetime, min > valid {
                throw map.error(
                    map.value("min-valid-lifetime")?.position ?? map.position,
                    "the value of min-valid-lifetime (\(min)) is not less than (default) valid-lifetime (\(valid))")
            }
            if let max = times.maxValidLifetime, max < valid {
                throw map.error(
                    map.value("max-valid-lifetime")?.position ?? map.position,
                    "the value of (default) valid-lifetime (\(valid)) is not less than max-valid-lifetime (\(max))")
            }
        }
        for key in ["t1-percent", "t2-percent"] {
            if let percent = try map.real(key), !(percent > 0 && percent < 1) {
                throw map.error(
                    map.value(key)?.position ?? map.position,
                    "\(key): \(percent) is invalid, it must be greater than 0.0 and less than 1.0")
            }
        }
        if let t1 = times.t1Percent, let t2 = times.t2Percent, t1 >= t2 {
            throw map.error(
                map.value("t1-percent")?.position ?? map.position,
                "t1-percent:  \(t1) is invalid, it must be less than t2-percent: \(t2)")
        }
    }

    /// `next-server`, `server-hostname`, `boot-file-name`: checked to fit siaddr, sname (64) and file (128).
    func parseBootFields(_ map: KeaMap) throws(KeaConfigError) -> KeaBootFields {
        var fields = KeaBootFields()
        if let text = try map.string("next-server"), let node = map.value("next-server") {
            guard let address = IPv4Address(text) else {
                throw map.error(node.position, "next-server: Failed to convert string to address '\(text)'")
            }
            fields.nextServer = address
        }
        if let name = try map.string("server-hostname"), let node = map.value("server-hostname") {
            guard name.utf8.count < 64 else {
                throw map.error(
                    node.position, "server-hostname must be at most 63 bytes long, it is \(name.utf8.count)")
            }
            fields.serverHostname = name
        }
        if let name = try map.string("boot-file-name"), let node = map.value("boot-file-name") {
            guard name.utf8.count < 128 else {
                throw map.error(
                    node.position, "boot-file-name must be at most 127 bytes long, it is \(name.utf8.count)")
            }
            fields.bootFileName = name
        }
        return fields
    }

    func parseIdentifierKinds(_ map: KeaMap) throws(KeaConfigError) -> [KeaHostIdentifier.Kind]? {
        guard let elements = try map.list("host-reservation-identifiers") else { return nil }
        var kinds: [KeaHostIdentifier.Kind] = []
        for element in elements {
            guard case .string(let text) = element.value, let kind = KeaHostIdentifier.Kind(rawValue: text) else {
                throw error(
                    element.position,
                    "syntax error, \(KeaMap.unexpected(element)), expecting duid or hw-address or circuit-id or"
                        + " client-id or flex-id")
            }
            kinds.append(kind)
        }
        return kinds
    }
}
