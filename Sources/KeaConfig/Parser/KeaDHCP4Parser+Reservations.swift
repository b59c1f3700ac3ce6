import CastorJSON
import DHCPCodec

extension KeaDHCP4Parser {
    /// `reservations[]` of a subnet (or global, `subnet` nil): exactly one identifier each; identifiers and
    /// addresses unique within the subnet; addresses inside it and not 0.0.0.0 (Kea 2.2's `HostReservation
    /// Parser4` and `CfgHosts::add4`).
    mutating func parseReservations(_ node: JSONNode, subnet: KeaSubnet?) throws(KeaConfigError) -> [KeaReservation] {
        guard let elements = node.elements else {
            throw error(node.position, "syntax error, \(KeaMap.unexpected(node)), expecting [")
        }
        var reservations: [KeaReservation] = []
        for element in elements {
            let reservation = try parseReservation(element, subnet: subnet)
            let subnetID = subnet?.id ?? 0
            if reservations.contains(where: { $0.identifier == reservation.identifier }) {
                throw error(
                    identifierPosition(element),
                    "failed to add new host using the \(Self.label(reservation.identifier)) to the IPv4 subnet id"
                        + " '\(subnetID)' as this host has already been added")
            }
            if let address = reservation.ipAddress, reservations.contains(where: { $0.ipAddress == address }) {
                let position = element.members?.first { $0.key == "ip-address" }?.value.position ?? element.position
                throw error(
                    position,
                    "failed to add new host using the \(Self.label(reservation.identifier)) to the IPv4 subnet id"
                        + " '\(subnetID)' for the address \(address): There's already a reservation for this address")
            }
            reservations.append(reservation)
        }
        return reservations
    }

    private mutating func parseReservation(_ element: JSONNode, subnet: KeaSubnet?) throws(KeaConfigError)
        -> KeaReservation
    {
        let identifierKeys = KeaHostIdentifier.Kind.allCases.map(\.rawValue)
        let map = try KeaMap(
            element, name: "reservations", file: file,
            allowed: Set(identifierKeys).union([
                "ip-address", "hostname", "option-data", "client-classes", "next-server", "server-hostname",
                "boot-file-name", "comment", "user-context",
            ]))
        // Kea names the first two identifiers it finds, in its own order.
        let written = KeaHostIdentifier.Kind.allCases.filter { map.has($0.rawValue) }
        guard let kind = written.first else {
            throw map.error(
                map.position,
                "one of the supported identifiers must be specified for host reservation: circuit-id, client-id,"
                    + " duid, flex-id, hw-address")
        }
        if written.count > 1 {
            throw map.error(
                map.keyPosition(written[1].rawValue) ?? map.position,
                "the '\(written[0].rawValue)' and '\(written[1].rawValue)' are mutually exclusive")
        }
        let text = try map.requiredString(kind.rawValue)
        let textPosition = map.value(kind.rawValue)?.position ?? map.position
        let bytes = try identifierBytes(text, kind: kind, at: textPosition)
        var reservation = KeaReservation(
            identifier: KeaHostIdentifier(kind: kind, bytes: bytes), position: map.position)

        if let addressText = try map.string("ip-address"), let addressNode = map.value("ip-address") {
            guard let address = IPv4Address(addressText) else {
                throw map.error(
                    addressNode.position, "Failed to convert string to address '\(addressText)': Invalid argument")
            }
            guard address != .any else {
                throw map.error(addressNode.position, "must not make reservation for the '0.0.0.0' address")
            }
            if let subnet, !subnet.prefix.contains(address) {
                throw map.error(
                    addressNode.position,
                    "specified reservation '\(address)' is not within the IPv4 subnet '\(subnet.prefix)'")
            }
            reservation.ipAddress = address
        }
        reservation.hostname = try map.string("hostname")
        if let options = map.value("option-data") {
            reservation.options = try parseOptionData(options, definitions: definitions)
        }
        reservation.clientClasses = try map.strings("client-classes") ?? []
        reservation.bootFields = try parseBootFields(map)
        reservation.comment = try map.string("comment")
        reservation.userContext = try map.userContext()
        return reservation
    }

    /// Hex (`00:04:13:aa:bb:01`, `000413aabb01`) or a quoted text (`'port1'`). Dashes are refused, as in Kea
    /// (`invalid host identifier value '00-04-13-aa-bb-01'`). A hardware address is 1 to 20 octets.
    private func identifierBytes(
        _ text: String, kind: KeaHostIdentifier.Kind, at position: JSONPosition
    ) throws(KeaConfigError) -> [UInt8] {
        let invalid = error(position, "invalid host identifier value '\(text)'")
        if text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'") {
            let inner = Array(text.utf8.dropFirst().dropLast())
            guard !inner.isEmpty else { throw invalid }
            return inner
        }
        guard !text.contains(" "), !text.lowercased().hasPrefix("0x"), let bytes = KeaHexText.decode(text),
            !bytes.isEmpty
        else { throw invalid }
        let limit = kind == .hwAddress ? 20 : 128
        guard bytes.count <= limit else {
            throw error(position, "\(kind.rawValue) '\(text)' is longer than \(limit) octets")
        }
        return bytes
    }

    private func identifierPosition(_ element: JSONNode) -> JSONPosition {
        let keys = Set(KeaHostIdentifier.Kind.allCases.map(\.rawValue))
        return element.members?.first { keys.contains($0.key) }?.value.position ?? element.position
    }

    /// How Kea names an identifier in host errors: `HW address '00:04:13:aa:bb:01'`.
    static func label(_ identifier: KeaHostIdentifier) -> String {
        let value = KeaHexText.colonSeparated(identifier.bytes)
        switch identifier.kind {
        case .hwAddress: return "HW address '\(value)'"
        case .duid: return "DUID '\(value)'"
        case .circuitID: return "circuit-id '\(value)'"
        case .clientID: return "client-id '\(value)'"
        case .flexID: return "flex-id '\(value)'"
        }
    }
}
