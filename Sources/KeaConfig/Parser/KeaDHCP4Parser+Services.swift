import CastorJSON

extension KeaDHCP4Parser {
    /// `interfaces-config`; `interfaces` is required, as in Kea's grammar.
    func parseInterfaces(_ node: JSONNode) throws(KeaConfigError) -> KeaInterfacesConfig {
        let map = try KeaMap(
            node, name: "interfaces-config", file: file,
            allowed: [
                "interfaces", "dhcp-socket-type", "outbound-interface", "re-detect", "service-sockets-require-all",
                "service-sockets-max-retries", "service-sockets-retry-wait-time", "comment", "user-context",
            ])
        try map.requireNotEmpty()
        var config = KeaInterfacesConfig()
        guard let interfaces = try map.strings("interfaces") else { throw map.missing("interfaces") }
        config.interfaces = interfaces
        if let text = try map.string("dhcp-socket-type"), let node = map.value("dhcp-socket-type") {
            guard let type = KeaInterfacesConfig.SocketType(rawValue: text) else {
                throw map.error(node.position, "syntax error, unexpected constant string, expecting raw or udp")
            }
            config.socketType = type
        }
        if let text = try map.string("outbound-interface"), let node = map.value("outbound-interface") {
            guard text == "same-as-inbound" || text == "use-routing" else {
                throw map.error(
                    node.position, "syntax error, unexpected constant string, expecting same-as-inbound or use-routing")
            }
            config.outboundInterface = text
        }
        config.reDetect = try map.bool("re-detect") ?? true
        config.serviceSocketsRequireAll = try map.bool("service-sockets-require-all") ?? false
        config.serviceSocketsMaxRetries = try map.integer("service-sockets-max-retries", as: UInt32.self) ?? 0
        config.serviceSocketsRetryWaitTime =
            try map.integer("service-sockets-retry-wait-time", as: UInt32.self) ?? 5000
        return config
    }

    /// `lease-database`: Kea's grammar knows memfile, mysql and postgresql; Castor serves memfile only.
    /// No `comment`/`user-context` here (Kea 2.2: `got unexpected keyword "comment" in lease-database map.`).
    func parseLeaseDatabase(_ node: JSONNode) throws(KeaConfigError) -> KeaLeaseDatabase {
        let sqlKeys: Set<String> = [
            "user", "password", "host", "port", "connect-timeout", "reconnect-wait-time", "max-reconnect-tries",
            "on-fail", "readonly", "trust-anchor", "cert-file", "key-file", "cipher-list",
        ]
        let map = try KeaMap(
            node, name: "lease-database", file: file,
            allowed: Set(["type", "persist", "name", "lfc-interval", "max-row-errors"]).union(sqlKeys))
        try map.requireNotEmpty()
        guard let type = try map.string("type"), let typeNode = map.value("type") else { throw map.missing("type") }
        switch type {
        case "memfile": break
        case "mysql", "postgresql":
            throw map.error(
                typeNode.position,
                "lease-database type \"\(type)\" is not supported by castor (use \"memfile\")")
        default:
            throw map.error(
                typeNode.position, "syntax error, unexpected constant string, expecting memfile or mysql or postgresql")
        }
        if let key = map.members.keys.sorted().first(where: { sqlKeys.contains($0) }),
            let position = map.keyPosition(key)
        {
            throw map.error(position, "\(key) is not used by the memfile lease database")
        }
        var database = KeaLeaseDatabase()
        database.persist = try map.bool("persist") ?? true
        database.name = try map.string("name")
        database.lfcInterval = try map.integer("lfc-interval", as: UInt32.self) ?? 3600
        database.maxRowErrors = try map.integer("max-row-errors", as: UInt32.self) ?? 0
        return database
    }

    /// `control-socket`. Kea 2.2's `-t` accepts any `socket-type` and a missing `socket-name` and fails only
    /// when opening the socket; Castor refuses them at load.
    func parseControlSocket(_ node: JSONNode) throws(KeaConfigError) -> KeaControlSocket {
        let map = try KeaMap(
            node, name: "control-socket", file: file,
            allowed: ["socket-type", "socket-name", "comment", "user-context"])
        try map.requireNotEmpty()
        guard let type = try map.string("socket-type"), let typeNode = map.value("socket-type") else {
            throw map.missing("socket-type")
        }
        guard type == "unix" else {
            throw map.error(typeNode.position, "unsupported socket-type '\(type)' (only \"unix\" is supported)")
        }
        guard let name = try map.string("socket-name") else { throw map.missing("socket-name") }
        return KeaControlSocket(socketType: type, socketName: name)
    }

    /// `loggers[]` with their `output_options[]` (Kea also spells it `output-options`).
    func parseLoggers(_ node: JSONNode) throws(KeaConfigError) -> [KeaLogger] {
        guard let elements = node.elements else {
            throw error(node.position, "syntax error, \(KeaMap.unexpected(node)), expecting [")
        }
        var loggers: [KeaLogger] = []
        for element in elements {
            let map = try KeaMap(
                element, name: "loggers", file: file,
                allowed: [
                    "name", "output_options", "output-options", "severity", "debuglevel", "comment", "user-context",
                ])
            var logger = KeaLogger(name: try map.requiredString("name"))
            if let severity = try map.string("severity"), let severityNode = map.value("severity") {
                guard ["FATAL", "ERROR", "WARN", "INFO", "DEBUG", "NONE"].contains(severity) else {
                    throw map.error(
                        severityNode.position,
                        "unknown severity '\(severity)' (expecting FATAL, ERROR, WARN, INFO, DEBUG or NONE)")
                }
                logger.severity = severity
            }
            if let level = try map.integer("debuglevel"), let levelNode = map.value("debuglevel") {
                guard (0...99).contains(level) else {
                    throw map.error(levelNode.position, "debuglevel must be between 0 and 99, it is \(level)")
                }
                logger.debugLevel = Int(level)
            }
            let outputs = try map.list(map.has("output_options") ? "output_options" : "output-options") ?? []
            for output in outputs {
                let outputMap = try KeaMap(
                    output, name: "output-options", file: file,
                    allowed: ["output", "pattern", "flush", "maxsize", "maxver"])
                var entry = KeaLogger.Output(output: try outputMap.requiredString("output"))
                entry.pattern = try outputMap.string("pattern")
                entry.flush = try outputMap.bool("flush") ?? true
                entry.maxSize = try outputMap.integer("maxsize", as: UInt64.self) ?? 10_240_000
                entry.maxVersion = try outputMap.integer("maxver", as: UInt32.self) ?? 1
                logger.outputs.append(entry)
            }
            loggers.append(logger)
        }
        return loggers
    }
}
