import CastorJSON
import DHCPCodec
import DHCPLeases
import KeaConfig

/// Kea's control-socket protocol for DHCPv4 (Kea 2.2 ARM §"Management API"): one JSON request
/// `{"command": …, "arguments": {…}}` in, one reply `{"arguments": …, "result": N, "text": …}` out, keys
/// sorted, with Kea's result codes and texts (checked against kea-dhcp4 2.2 with the lease_cmds hook; see
/// ../shared/notes/kea-dhcp.md §4), so scripts written for Kea (`socat`, Stork, the guide's examples) work.
///
/// ```swift
/// let reply = await KeaCommandProcessor.handle(Array(#"{"command":"lease4-get-all"}"#.utf8), host: service, now: now)
/// ```
public enum KeaCommandProcessor {
    /// The commands answered, as `list-commands` reports them.
    public static let commands = [
        "build-report", "config-get", "config-reload", "config-test", "config-write", "lease4-add", "lease4-del",
        "lease4-get", "lease4-get-all", "lease4-update", "lease4-wipe", "leases-reclaim", "list-commands",
        "shutdown", "statistic-get", "statistic-get-all", "status-get", "version-get",
    ]

    /// The version `version-get` reports: Castor's, and the Kea version whose behaviour it follows.
    public static let version = "castor 0.1.0 (Kea 2.2.0 compatible)"

    /// Answers one request. `now` is seconds since the epoch (statistics' timestamps, lease times).
    public static func handle(_ request: [UInt8], host: any KeaCommandHost, now: Int64) async -> [UInt8] {
        let reply: JSONValue
        do {
            reply = try await answer(request, host: host, now: now)
        } catch {
            reply = Self.reply(error.result, error.text)
        }
        return Array(reply.serialized.utf8)
    }

    static func answer(_ request: [UInt8], host: any KeaCommandHost, now: Int64) async throws(KeaCommandError)
        -> JSONValue
    {
        let parsed: JSONDocument
        do {
            // Kea accepts comments in commands too.
            parsed = try JSONDocument(parsing: request, options: .kea)
        } catch {
            throw KeaCommandError(.error, "invalid command: \(error.description)")
        }
        let document = parsed.root.plainValue
        guard let members = document.objectMembers else {
            throw KeaCommandError(.error, "invalid command: the request must be a JSON map")
        }
        guard let command = members["command"]?.stringValue else {
            throw KeaCommandError(
                .error,
                "Error during command processing: Invalid answer specified, does not contain mandatory 'command'")
        }
        let arguments = members["arguments"]?.objectMembers
        if members["arguments"] != nil && arguments == nil {
            throw KeaCommandError(.error, "'arguments' must be a map")
        }
        // Kea names where the arguments map starts, as `<wire>:LINE:COL` with lines counted from 0.
        let position = parsed.root.members?.first { $0.key == "arguments" }?.value.position
        let args = Arguments(
            members: arguments ?? [:], present: arguments != nil,
            wirePosition: position.map { "<wire>:\($0.line - 1):\($0.column)" } ?? "<wire>:0:0")

        switch command {
        case "list-commands":
            return .object(["arguments": .array(commands.map(JSONValue.string)), "result": .integer(0)])
        case "version-get":
            return .object([
                "arguments": .object(["extended": .string(version)]), "result": .integer(0), "text": .string(version),
            ])
        case "build-report":
            return reply(.success, version)
        case "status-get":
            let status = await host.status
            return .object([
                "arguments": .object([
                    "pid": .integer(status.pid), "uptime": .integer(status.uptime), "reload": .integer(status.reload),
                    "multi-threading-enabled": .bool(false), "sockets": .object(["status": .string("ready")]),
                ]),
                "result": .integer(0),
            ])
        case "config-get":
            return .object(["arguments": await host.configurationJSON, "result": .integer(0)])
        case "config-test":
            guard args.present else { throw KeaCommandError(.error, "Missing mandatory 'arguments' parameter.") }
            do {
                _ = try KeaDHCP4Config.parse(text: JSONValue.object(args.members).serialized, file: "<wire>")
            } catch {
                throw KeaCommandError(.error, error.description)
            }
            return reply(
                .success,
                "Configuration seems sane. Control-socket, hook-libraries, and D2 configuration were sanity checked, but not applied."
            )
        case "config-reload":
            do {
                try await host.reloadConfiguration()
            } catch {
                throw KeaCommandError(.error, "Config reload failed: \(error.text)")
            }
            return reply(.success, "Configuration successful.")
        case "config-write":
            return try await KeaConfigWrite.write(args, host: host)
        case "lease4-get":
            let lease = try await KeaLeaseCommands.find(args, host: host)
            guard let lease else { throw KeaCommandError(.empty, "Lease not found.") }
            return reply(.success, "IPv4 lease found.", arguments: KeaLeaseJSON.element(lease))
        case "lease4-get-all":
            return try await KeaLeaseCommands.getAll(args, host: host)
        case "lease4-add":
            let lease = try await KeaLeaseCommands.lease(from: args, host: host, now: now)
            guard await host.leases[lease.address] == nil else {
                throw KeaCommandError(.error, "IPv4 lease already exists.")
            }
            try await host.store(lease)
            return reply(.success, "Lease for address \(lease.address), subnet-id \(lease.subnetID) added.")
        case "lease4-update":
            let lease = try await KeaLeaseCommands.lease(from: args, host: host, now: now)
            let force = args.members["force-create"]?.boolValue ?? false
            let exists = await host.leases[lease.address] != nil
            guard force || exists else {
                throw KeaCommandError(
                    .error, "failed to update the lease with address \(lease.address) - no such lease")
            }
            try await host.store(lease)
            return reply(.success, "IPv4 lease updated.")
        case "lease4-del":
            guard let lease = try await KeaLeaseCommands.find(args, host: host) else {
                throw KeaCommandError(.empty, "IPv4 lease not found.")
            }
            try await host.delete(lease)
            return reply(.success, "IPv4 lease deleted.")
        case "lease4-wipe":
            return try await KeaLeaseCommands.wipe(args, host: host)
        case "leases-reclaim":
            guard args.present else { throw KeaCommandError(.error, "Missing mandatory 'remove' parameter.") }
            guard let remove = args.members["remove"]?.boolValue else {
                throw KeaCommandError(.error, "Missing mandatory 'remove' parameter.")
            }
            try await host.reclaimExpired(remove: remove)
            return reply(.success, "Reclamation of expired leases is complete.")
        case "statistic-get":
            guard let name = args.members["name"]?.stringValue else {
                throw KeaCommandError(.error, "Missing mandatory 'name' parameter.")
            }
            let statistics = await host.statisticValues
            guard let value = statistics[name] else {
                return .object(["arguments": .object([:]), "result": .integer(0)])
            }
            return .object(["arguments": .object([name: sample(value, now: now)]), "result": .integer(0)])
        case "statistic-get-all":
            let statistics = await host.statisticValues
            return .object([
                "arguments": .object(statistics.mapValues { sample($0, now: now) }), "result": .integer(0),
            ])
        case "shutdown":
            await host.shutdown()
            return reply(.success, "Shutting down.")
        default:
            throw KeaCommandError(.unsupported, "'\(command)' command not supported.")
        }
    }

    static func reply(_ result: KeaResult, _ text: String, arguments: JSONValue? = nil) -> JSONValue {
        var members: [String: JSONValue] = ["result": .integer(result.rawValue), "text": .string(text)]
        if let arguments { members["arguments"] = arguments }
        return .object(members)
    }

    /// A statistic as Kea reports it: `[[value, "YYYY-MM-DD HH:MM:SS.000000"]]`, newest sample only.
    static func sample(_ value: Int64, now: Int64) -> JSONValue {
        .array([.array([.integer(value), .string(KeaTimestamp.format(epoch: now))])])
    }
}

/// A command's `arguments` map.
struct Arguments {
    var members: [String: JSONValue]
    var present: Bool
    /// Where the map starts in the request (Kea's error messages name it).
    var wirePosition = "<wire>:0:0"
}
