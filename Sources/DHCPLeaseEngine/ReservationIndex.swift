import DHCPCodec
import KeaConfig

/// Host reservations by identifier and by address, built once per configuration.
struct ReservationIndex: Sendable {
    private var bySubnet: [UInt32: [KeaHostIdentifier: KeaReservation]] = [:]
    private var global: [KeaHostIdentifier: KeaReservation] = [:]
    /// Reserved addresses per subnet, with whom they are reserved for.
    private var addresses: [UInt32: [IPv4Address: KeaHostIdentifier]] = [:]

    init(_ configuration: KeaDHCP4Config) {
        for subnet in configuration.subnets where !subnet.reservations.isEmpty {
            bySubnet[subnet.id] = subnet.reservationsByIdentifier
            for reservation in subnet.reservations {
                if let address = reservation.ipAddress {
                    addresses[subnet.id, default: [:]][address] = reservation.identifier
                }
            }
        }
        global = configuration.reservationsByIdentifier
    }

    /// The client's reservation: identifier kinds in `host-reservation-identifiers` order, the subnet's
    /// reservations (if `reservations-in-subnet`), then the global ones (if `reservations-global`).
    func reservation(
        for client: ClientIdentity, in subnet: KeaSubnet, configuration: KeaDHCP4Config
    ) -> KeaReservation? {
        // Most configurations reserve nothing: no identifier to build per packet then.
        if bySubnet.isEmpty && global.isEmpty { return nil }
        let kinds = configuration.hostReservationIdentifiers
        if subnet.reservationsInSubnet ?? configuration.reservationsInSubnet, let hosts = bySubnet[subnet.id] {
            for kind in kinds {
                if let id = client.identifier(kind), let host = hosts[id] { return host }
            }
        }
        if subnet.reservationsGlobal ?? configuration.reservationsGlobal {
            for kind in kinds {
                if let id = client.identifier(kind), let host = global[id] { return host }
            }
        }
        return nil
    }

    /// Whether `address` is reserved in `subnet` for a host other than `host` (Kea skips those when allocating).
    func isReserved(_ address: IPv4Address, in subnetID: UInt32, forOtherThan host: KeaReservation?) -> Bool {
        guard !addresses.isEmpty, let owner = addresses[subnetID]?[address] else { return false }
        return owner != host?.identifier
    }
}
