import CastorJSON
import DHCPCodec

extension KeaDHCP4Parser {
    static let subnetKeys: Set<String> = [
        "id", "subnet", "pools", "option-data", "reservations", "relay", "client-class", "require-client-classes",
        "interface", "valid-lifetime", "min-valid-lifetime", "max-valid-lifetime", "renew-timer", "rebind-timer",
        "calculate-tee-times", "t1-percent", "t2-percent", "next-server", "server-hostname", "boot-file-name",
        "authoritative", "match-client-id", "reservations-global", "reservations-in-subnet",
        "reservations-out-of-pool", "comment", "user-context",
    ]

    /// Subnet keys Kea 2.2 knows that change nothing here: accepted with a warning.
    static let ignoredSubnetKeys: Set<String> = [
        "4o6-interface", "4o6-interface-id", "4o6-subnet", "store-extended-info", "reservation-mode",
        "ddns-send-updates", "ddns-override-no-update", "ddns-override-client-update", "ddns-replace-client-name",
        "ddns-generated-prefix", "ddns-qualifying-suffix", "ddns-update-on-renew", "ddns-use-conflict-resolution",
        "hostname-char-set", "hostname-char-replacement", "cache-threshold", "cache-max-age",
    ]

    /// `subnet4[]`. Ids: as written, else 1, 2, 3… in file order for subnets without one (Kea 2.2's
    /// `Subnet::generateNextID`), so an automatic id can clash with a written one, as in Kea.
    mutating func parseSubnets(_ node: JSONNode) throws(KeaConfigError) -> [KeaSubnet] {
        guard let elements = node.elements else {
            throw error(node.position, "syntax error, \(KeaMap.unexpected(node)), expecting [")
        }
        var subnets: [KeaSubnet] = []
        var nextAutomaticID: UInt32 = 1
        for element in elements {
            var subnet = try parseSubnet(element, nextAutomaticID: &nextAutomaticID)
            if subnets.contains(where: { $0.id == subnet.id }) {
                let position = element.members?.first { $0.key == "id" }?.value.position ?? element.position
                throw error(position, "ID of the new IPv4 subnet '\(subnet.id)' is already in use")
            }
            if subnets.contains(where: { $0.prefix.range == subnet.prefix.range }) {
                let position = element.members?.first { $0.key == "subnet" }?.value.position ?? element.position
                throw error(position, "subnet with the prefix of '\(subnet.prefix)' already exists")
            }
            if let node = element.members?.first(where: { $0.key == "reservations" })?.value {
                subnet.reservations = try parseReservations(node, subnet: subnet)
            }
            subnets.append(subnet)
        }
        return subnets
    }

    private mutating func parseSubnet(
        _ element: JSONNode, nextAutomaticID: inout UInt32
    ) throws(KeaConfigError) -> KeaSubnet {
        let map = try KeaMap(
            element, name: "subnet4", file: file, allowed: Self.subnetKeys.union(Self.ignoredSubnetKeys))
        for key in map.members.keys.sorted() where Self.ignoredSubnetKeys.contains(key) {
            if let position = map.keyPosition(key) { warn(position, "\(key) is accepted but ignored by castor") }
        }
        let prefixText = try map.requiredString("subnet")
        let prefix = try parsePrefix(prefixText, at: map.value("subnet")?.position ?? map.position)
        var id = try map.integer("id", as: UInt32.self) ?? 0
        var automatic = false
        if id == 0 {
            id = nextAutomaticID
            nextAutomaticID += 1
            automatic = true
        }
        var subnet = KeaSubnet(id: id, prefix: prefix, position: map.position)
        subnet.idIsAutomatic = automatic
        if let pools = map.value("pools") { subnet.pools = try parsePools(pools, in: prefix) }
        if let options = map.value("option-data") {
            subnet.options = try parseOptionData(options, definitions: definitions)
        }
        if let relay = map.value("relay") { subnet.relayAddresses = try parseRelay(relay) }
        subnet.clientClass = try map.string("client-class")
        subnet.requireClientClasses = try map.strings("require-client-classes") ?? []
        subnet.interface = try map.string("interface")
        subnet.leaseTimes = try parseLeaseTimes(map)
        try checkTimers(subnet.leaseTimes, in: map)
        subnet.bootFields = try parseBootFields(map)
        subnet.authoritative = try map.bool("authoritative")
        subnet.matchClientID = try map.bool("match-client-id")
        subnet.reservationsGlobal = try map.bool("reservations-global")
        subnet.reservationsInSubnet = try map.bool("reservations-in-subnet")
        subnet.reservationsOutOfPool = try map.bool("reservations-out-of-pool")
        subnet.comment = try map.string("comment")
        subnet.userContext = try map.userContext()
        return subnet
    }

    /// `"10.20.0.0/24"`. Kea's messages: `Invalid subnet syntax (prefix/len expected):10.0.0.0`,
    /// `Invalid prefix length specified for subnet: 33`.
    func parsePrefix(_ text: String, at position: JSONPosition) throws(KeaConfigError) -> KeaSubnetPrefix {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2 else {
            throw error(position, "subnet configuration failed: Invalid subnet syntax (prefix/len expected):\(text)")
        }
        guard let address = IPv4Address(String(parts[0]).trimmingKeaSpaces()) else {
            throw error(position, "subnet configuration failed: Failed to convert string to address '\(parts[0])'")
        }
        guard let length = Int(String(parts[1]).trimmingKeaSpaces()), (1...32).contains(length) else {
            throw error(
                position, "subnet configuration failed: Invalid prefix length specified for subnet: \(parts[1])")
        }
        return KeaSubnetPrefix(address: address, length: length)
    }

    private mutating func parsePools(_ node: JSONNode, in prefix: KeaSubnetPrefix) throws(KeaConfigError) -> [KeaPool] {
        guard let elements = node.elements else {
            throw error(node.position, "syntax error, \(KeaMap.unexpected(node)), expecting [")
        }
        var pools: [KeaPool] = []
        for element in elements {
            let map = try KeaMap(
                element, name: "pools", file: file,
                allowed: ["pool", "option-data", "client-class", "require-client-classes", "comment", "user-context"])
            try map.requireNotEmpty()
            let text = try map.requiredString("pool")
            let position = map.value("pool")?.position ?? map.position
            let range = try parsePoolRange(text, at: position)
            guard prefix.contains(range.first) && prefix.contains(range.last) else {
                throw error(
                    position,
                    "subnet configuration failed: a pool of type V4, with the following address range: \(range) does"
                        + " not match the prefix of a subnet: \(prefix) to which it is being added")
            }
            if pools.contains(where: { $0.range.overlaps(range) }) {
                throw error(
                    position,
                    "subnet configuration failed: a pool of type V4, with the following address range: \(range)"
                        + " overlaps with an existing pool in the subnet: \(prefix) to which it is being added")
            }
            var pool = KeaPool(range: range, position: map.position)
            if let options = map.value("option-data") {
                pool.options = try parseOptionData(options, definitions: definitions)
            }
            pool.clientClass = try map.string("client-class")
            pool.requireClientClasses = try map.strings("require-client-classes") ?? []
            pool.comment = try map.string("comment")
            pool.userContext = try map.userContext()
            pools.append(pool)
        }
        return pools
    }

    /// `"a - b"` (spaces optional) or `"a/n"`, which starts at `a` itself as in Kea 2.2.
    func parsePoolRange(_ text: String, at position: JSONPosition) throws(KeaConfigError) -> KeaAddressRange {
        let invalid = error(
            position,
            "invalid pool definition: \(text). There are two acceptable formats <min address-max address> or"
                + " <prefix/len>")
        if let slash = text.firstIndex(of: "/") {
            guard let address = IPv4Address(String(text[..<slash]).trimmingKeaSpaces()),
                let length = Int(String(text[text.index(after: slash)...]).trimmingKeaSpaces()),
                (1...32).contains(length)
            else { throw invalid }
            let hostMask: UInt32 = length == 32 ? 0 : UInt32.max >> UInt32(length)
            return KeaAddressRange(first: address, last: IPv4Address(rawValue: address.rawValue | hostMask))
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, let first = IPv4Address(String(parts[0]).trimmingKeaSpaces()),
            let last = IPv4Address(String(parts[1]).trimmingKeaSpaces())
        else { throw invalid }
        guard first <= last else { throw error(position, "Failed to create pool defined by: \(first)-\(last)") }
        return KeaAddressRange(first: first, last: last)
    }

    /// `relay: {"ip-addresses": [...]}` (or the older single `ip-address`).
    private func parseRelay(_ node: JSONNode) throws(KeaConfigError) -> [IPv4Address] {
        let map = try KeaMap(node, name: "relay", file: file, allowed: ["ip-addresses", "ip-address"])
        var addresses: [IPv4Address] = []
        var texts: [(String, JSONPosition)] = []
        if let single = try map.string("ip-address"), let position = map.value("ip-address")?.position {
            texts.append((single, position))
        }
        for element in try map.list("ip-addresses") ?? [] {
            guard case .string(let text) = element.value else {
                throw error(element.position, "syntax error, \(KeaMap.unexpected(element)), expecting constant string")
            }
            texts.append((text, element.position))
        }
        for (text, position) in texts {
            guard let address = IPv4Address(text) else {
                throw error(position, "Failed to convert string to address '\(text)': Invalid argument")
            }
            addresses.append(address)
        }
        return addresses
    }
}
