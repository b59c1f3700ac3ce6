import CastorJSON
import DHCPCodec
import DHCPLeases
import KeaConfig

/// The lease_cmds hook's commands (Kea 2.2 `libdhcp_lease_cmds.so`), built into Castor.
enum KeaLeaseCommands {
    /// `lease4-get`/`lease4-del`: by `ip-address`, or by `identifier-type` + `identifier` + `subnet-id`.
    static func find(_ args: Arguments, host: any KeaCommandHost) async throws(KeaCommandError) -> Lease? {
        let leases = await host.leases
        if let text = args.members["ip-address"] {
            guard let string = text.stringValue, let address = IPv4Address(string) else {
                throw KeaCommandError(
                    .error, "Failed to convert string to address '\(text.stringValue ?? "")': Invalid argument")
            }
            return leases[address]
        }
        guard let type = args.members["identifier-type"]?.stringValue,
            let identifier = args.members["identifier"]?.stringValue
        else {
            throw KeaCommandError(
                .error, "Mandatory 'ip-address' parameter or 'identifier-type' and 'identifier' parameters missing.")
        }
        guard let subnet = args.members["subnet-id"]?.integerValue else {
            throw KeaCommandError(.error, "Mandatory 'subnet-id' parameter missing.")
        }
        guard let bytes = HexBytes.parse(Substring(identifier)) else {
            throw KeaCommandError(.error, "Invalid identifier: \(identifier)")
        }
        switch type {
        case "hw-address":
            return leases.values.first { $0.subnetID == subnet && $0.hardwareAddress == bytes }
        case "client-id":
            return leases.values.first { $0.subnetID == subnet && $0.clientID == bytes }
        default:
            throw KeaCommandError(
                .error, "Incorrect identifier type: \(type), the only supported values are: hw-address, client-id")
        }
    }

    /// `lease4-get-all`, optionally `{"subnets": [ids]}`.
    static func getAll(_ args: Arguments, host: any KeaCommandHost) async throws(KeaCommandError) -> JSONValue {
        var leases = Array(await host.leases.values)
        if let subnets = args.members["subnets"] {
            guard case .array(let items) = subnets else {
                throw KeaCommandError(.error, "'subnets' parameter must be a list")
            }
            var ids: Set<UInt32> = []
            for item in items {
                guard let id = item.integerValue, let subnet = UInt32(exactly: id) else {
                    throw KeaCommandError(.error, "listed subnet identifiers must be numbers")
                }
                ids.insert(subnet)
            }
            leases = leases.filter { ids.contains($0.subnetID) }
        }
        leases.sort { $0.address < $1.address }
        return KeaCommandProcessor.reply(
            leases.isEmpty ? .empty : .success, "\(leases.count) IPv4 lease(s) found.",
            arguments: .object(["leases": .array(leases.map(KeaLeaseJSON.element))]))
    }

    /// `lease4-wipe`, optionally for one `subnet-id`.
    static func wipe(_ args: Arguments, host: any KeaCommandHost) async throws(KeaCommandError) -> JSONValue {
        let subnet = args.members["subnet-id"]?.integerValue.flatMap { UInt32(exactly: $0) }.flatMap {
            $0 == 0 ? nil : $0
        }
        let victims = await host.leases.values.filter { subnet == nil || $0.subnetID == subnet }
        for lease in victims { try await host.delete(lease) }
        // Kea lists the subnets it went through: the one asked for, or every configured one.
        let ids: [UInt32]
        if let subnet {
            ids = [subnet]
        } else {
            ids = await host.configuration.subnets.map(\.id)
        }
        let scope = ids.map { " \($0)" }.joined()
        return KeaCommandProcessor.reply(
            victims.isEmpty ? .empty : .success, "Deleted \(victims.count) IPv4 lease(s) from subnet(s)\(scope)")
    }

    /// The lease `lease4-add`/`lease4-update` describe: `ip-address` and `hw-address` (or `client-id`) are
    /// mandatory; `subnet-id` is found from the address when absent or 0; `valid-lft` defaults to the
    /// subnet's; `expire` (epoch) sets cltt = expire - valid-lft, otherwise cltt is now.
    static func lease(from args: Arguments, host: any KeaCommandHost, now: Int64) async throws(KeaCommandError) -> Lease
    {
        let m = args.members
        guard args.present else { throw KeaCommandError(.error, "Parameters missing or are not a map.") }
        guard let addressText = m["ip-address"]?.stringValue else {
            throw KeaCommandError(.error, "missing parameter 'ip-address' (\(args.wirePosition))")
        }
        guard let address = IPv4Address(addressText) else {
            throw KeaCommandError(.error, "Failed to convert string to address '\(addressText)': Invalid argument")
        }
        let hardware = try hex(m["hw-address"], name: "hw-address")
        let clientID = try hex(m["client-id"], name: "client-id")
        // hw-address is mandatory in Kea 2.2's lease4-add, even with a client-id.
        guard !hardware.isEmpty else {
            throw KeaCommandError(.error, "missing parameter 'hw-address' (\(args.wirePosition))")
        }
        let configuration = await host.configuration
        var subnetID = m["subnet-id"]?.integerValue.flatMap { UInt32(exactly: $0) } ?? 0
        if subnetID == 0 {
            guard let subnet = configuration.subnets.first(where: { $0.prefix.contains(address) }) else {
                throw KeaCommandError(
                    .error, "subnet-id not specified and failed to find a subnet for address \(address)")
            }
            subnetID = subnet.id
        }
        guard let subnet = configuration.subnet(id: subnetID) else {
            throw KeaCommandError(
                .error, "Invalid subnet-id: No IPv4 subnet with subnet-id=\(subnetID) currently configured.")
        }
        guard subnet.prefix.contains(address) else {
            throw KeaCommandError(
                .error, "The address \(address) does not belong to subnet \(subnet.prefix), subnet-id=\(subnetID)")
        }
        // The subnet's lifetime, else the global one, else Kea's default (7200 s).
        var valid = subnet.leaseTimes.inheriting(configuration.leaseTimes).validLifetime ?? 7200
        if let given = m["valid-lft"] {
            guard let value = given.integerValue, let lifetime = UInt32(exactly: value) else {
                throw KeaCommandError(.error, "'valid-lft' must be an integer")
            }
            valid = lifetime
        }
        var expire = now + Int64(valid)
        if let given = m["expire"] {
            guard let value = given.integerValue, value > 0 else {
                throw KeaCommandError(.error, "expiration time must be positive for address \(address)")
            }
            expire = value
        }
        var state = Lease.State.default
        if let given = m["state"] {
            guard let raw = given.integerValue, let value = UInt32(exactly: raw),
                let known = Lease.State(rawValue: value)
            else {
                throw KeaCommandError(
                    .error,
                    "Invalid state value: \(given.serialized), supported values are: 0 (default), 1 (declined) and 2 (expired-reclaimed)"
                )
            }
            state = known
        }
        return Lease(
            address: address, hardwareAddress: hardware, clientID: clientID, validLifetime: valid, expire: expire,
            subnetID: subnetID, fqdnForward: m["fqdn-fwd"]?.boolValue ?? false,
            fqdnReverse: m["fqdn-rev"]?.boolValue ?? false,
            hostname: m["hostname"]?.stringValue ?? "", state: state, userContext: m["user-context"]?.serialized ?? "")
    }

    private static func hex(_ value: JSONValue?, name: String) throws(KeaCommandError) -> [UInt8] {
        guard let value else { return [] }
        guard let text = value.stringValue else {
            throw KeaCommandError(.error, "'\(name)' parameter must be a string")
        }
        guard let bytes = HexBytes.parse(Substring(text)) else {
            // Kea's util::str::decodeHex wording, naming the first character that is not a hex digit.
            let bad = text.first { !$0.isHexDigit && $0 != ":" && $0 != "-" && $0 != " " }
            throw KeaCommandError(
                .error, "'\(bad.map(String.init) ?? text)' is not a valid hexadecimal digit in decoded string '\(text)'"
            )
        }
        return bytes
    }
}
