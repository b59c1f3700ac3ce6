import Logging

/// How `castor dhcp` runs the server: the configuration file, the ports (`-p`, `-P`, as kea-dhcp4's) and
/// the timers' periods.
public struct DHCPServerOptions: Sendable {
    /// The `kea-dhcp4.conf` to serve (re-read on reload).
    public var configPath: String
    /// The UDP port to listen on (`-p`; 67).
    public var serverPort: UInt16 = 67
    /// When set (`-P`), every reply goes to this UDP port instead of 67 (relays) or 68 (clients), as Kea's
    /// `-P client-port` does ("the remote UDP port to which the server sends all responses").
    public var clientPort: UInt16?
    /// The lease file when `lease-database.name` is not set (Kea's default is /var/lib/kea/kea-leases4.csv;
    /// Castor keeps its data under its data dir).
    public var defaultLeaseFile: String = "/var/lib/castor/kea-leases4.csv"
    /// Kea's `expired-leases-processing.reclaim-timer-wait-time` default: 10 s.
    public var reclaimInterval: Duration = .seconds(10)
    public var logger = Logger(label: "castor.dhcp")

    public init(configPath: String) { self.configPath = configPath }
}
