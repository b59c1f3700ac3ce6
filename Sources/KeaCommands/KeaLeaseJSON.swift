import CastorJSON
import DHCPCodec
import DHCPLeases

/// Leases as Kea's lease_cmds hook writes and reads them (`lease4-get` replies, `lease4-add` arguments).
enum KeaLeaseJSON {
    /// `{cltt, fqdn-fwd, fqdn-rev, hostname, hw-address, ip-address, state, subnet-id, valid-lft}`, plus
    /// `client-id` and `user-context` when the lease has them (`Lease4::toElement`).
    static func element(_ lease: Lease) -> JSONValue {
        var members: [String: JSONValue] = [
            "cltt": .integer(lease.cltt), "fqdn-fwd": .bool(lease.fqdnForward), "fqdn-rev": .bool(lease.fqdnReverse),
            "hostname": .string(lease.hostname), "hw-address": .string(HexBytes.colonSeparated(lease.hardwareAddress)),
            "ip-address": .string(lease.address.description), "state": .integer(lease.state.rawValue),
            "subnet-id": .integer(lease.subnetID), "valid-lft": .integer(lease.validLifetime),
        ]
        if !lease.clientID.isEmpty { members["client-id"] = .string(HexBytes.colonSeparated(lease.clientID)) }
        if !lease.userContext.isEmpty, let context = try? JSONValue(parsing: Array(lease.userContext.utf8)) {
            members["user-context"] = context
        }
        return .object(members)
    }
}

extension JSONValue {
    var objectMembers: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }

    var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var integerValue: Int64? {
        if case .number(let text) = self { return Int64(text) }
        return nil
    }

    var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }
}
