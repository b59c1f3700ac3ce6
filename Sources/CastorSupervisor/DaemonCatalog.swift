/// The one place where the appliance's daemons are registered: their names, start order and command lines.
/// `castor run` starts those the settings enable (`supervisor.daemons`), in this order, and stops them in
/// reverse. A new daemon (dhcp, provd, pbx) joins by adding one entry here.
public struct DaemonDefinition: Sendable {
    public var name: String
    public var summary: String
    /// The `castor` sub-command line that runs the daemon in the foreground.
    public var arguments: @Sendable (DaemonLaunchContext) -> [String]

    public init(name: String, summary: String, arguments: @escaping @Sendable (DaemonLaunchContext) -> [String]) {
        self.name = name
        self.summary = summary
        self.arguments = arguments
    }
}

/// What a daemon's command line is built from.
public struct DaemonLaunchContext: Sendable {
    public var dataDir: String
    /// The settings file the supervisor loaded, if any: children read the same one.
    public var configPath: String?

    public init(dataDir: String, configPath: String?) {
        self.dataDir = dataDir
        self.configPath = configPath
    }

    /// `--data-dir D [--config F]`, common to every daemon.
    public var commonArguments: [String] {
        ["--data-dir", dataDir] + (configPath.map { ["--config", $0] } ?? [])
    }
}

public enum DaemonCatalog {
    /// In start order.
    public static let all: [DaemonDefinition] = [
        DaemonDefinition(name: "api", summary: "REST API and web admin") { ["api"] + $0.commonArguments },
        // Serves <data-dir>/kea-dhcp4.conf; `castor run` skips it while that file does not exist. The lab's
        // (`castor lab init`) listens on loopback only: no interface of the host (DESIGN.md §1).
        DaemonDefinition(name: "dhcp", summary: "DHCPv4 server (Kea 2.2 compatible)") {
            ["dhcp"] + $0.commonArguments
        },
        // TFTP :69 and HTTP :8667, answering only provd.allowed_networks (the lab network and loopback).
        DaemonDefinition(name: "provd", summary: "phone provisioning (TFTP and HTTP)") {
            ["provd"] + $0.commonArguments
        },
        // SIP on 5060 (UDP, TCP) and 5061 (TLS): the registrar; lines from the store.
        DaemonDefinition(name: "pbx", summary: "SIP PBX (registrar)") { ["pbx"] + $0.commonArguments },
    ]

    public static func definition(named name: String) -> DaemonDefinition? {
        all.first { $0.name == name }
    }
}
