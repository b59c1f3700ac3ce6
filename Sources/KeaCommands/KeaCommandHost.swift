import CastorJSON
import DHCPCodec
import DHCPLeases
import KeaConfig

/// What Kea's control commands act on: the running DHCP service. `castor dhcp` implements it; the
/// processor (`KeaCommandProcessor`) parses requests, checks arguments and words the replies as Kea does.
public protocol KeaCommandHost: Sendable {
    var leases: [IPv4Address: Lease] { get async }
    var configuration: KeaDHCP4Config { get async }
    /// The configuration as the file has it (`config-get`, `config-write`).
    var configurationJSON: JSONValue { get async }
    /// The file the configuration was loaded from (`config-write`'s default).
    var configurationPath: String { get async }
    /// Kea's statistic names (`pkt4-received`, …) and their values.
    var statisticValues: [String: Int64] { get async }
    var status: KeaServerStatus { get async }

    /// Persists the lease, then makes it current (lease4-add, lease4-update).
    func store(_ lease: Lease) async throws(KeaCommandError)
    /// Persists the deletion, then forgets the lease (lease4-del, lease4-wipe).
    func delete(_ lease: Lease) async throws(KeaCommandError)
    func reclaimExpired(remove: Bool) async throws(KeaCommandError)
    /// Loads the configuration file again; on error the running one stays (config-reload).
    func reloadConfiguration() async throws(KeaCommandError)
    /// Stops the server once the reply is sent.
    func shutdown() async
}

/// `status-get`'s facts.
public struct KeaServerStatus: Sendable, Equatable {
    public var pid: Int32
    /// Seconds since the server started.
    public var uptime: Int64
    /// Seconds since the configuration was last (re)loaded.
    public var reload: Int64

    public init(pid: Int32, uptime: Int64, reload: Int64) {
        self.pid = pid
        self.uptime = uptime
        self.reload = reload
    }
}

/// A command that failed, with Kea's result code.
public struct KeaCommandError: Error, Equatable, Sendable {
    public var result: KeaResult
    public var text: String

    public init(_ result: KeaResult = .error, _ text: String) {
        self.result = result
        self.text = text
    }
}

/// Kea's control channel result codes (`isc::config::CONTROL_RESULT_*`).
public enum KeaResult: Int, Sendable {
    case success = 0
    case error = 1
    case unsupported = 2
    case empty = 3
}
