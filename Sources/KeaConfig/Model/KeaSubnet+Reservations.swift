extension KeaSubnet {
    /// The subnet's reservations by identifier (identifiers are unique within a subnet; the loader checks).
    public var reservationsByIdentifier: [KeaHostIdentifier: KeaReservation] {
        Dictionary(reservations.map { ($0.identifier, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
