import DHCPCodec
import KeaConfig

/// Who sent a packet: what Kea's allocation engine keys leases and reservations on.
///
/// `clientID` is option 61 only when `match-client-id` is true for the subnet (Kea then ignores it for
/// leases, RFC 2131 §4.2: "the client identifier … MUST be used"); `sentClientID` is option 61 as sent, still
/// used for `client-id` reservations and for echoing (RFC 6842).
struct ClientIdentity: Hashable, Sendable {
    /// `chaddr`, `hlen` bytes; may be empty when the client sent option 61.
    let hardwareAddress: [UInt8]
    let clientID: ClientIdentifier?
    let sentClientID: ClientIdentifier?
    /// Option 82 sub-option 1, for `circuit-id` reservations.
    let circuitID: [UInt8]?
    /// ``clientID`` as bytes, type first (`clientID.bytes`, kept from the option rather than rebuilt per use).
    let clientIDBytes: [UInt8]?
    /// The key remembered offers are filed under.
    let offerKey: [UInt8]

    /// The identity of `packet`, or `nil` when it has neither a `chaddr` nor option 61 (Kea drops those:
    /// `Dhcpv4Srv::sanityCheck`, "missing or useless client-id and no HW address").
    init?(_ packet: DHCPMessage, matchClientID: Bool) {
        guard Self.isIdentifiable(packet) else { return nil }
        hardwareAddress = packet.chaddr
        sentClientID = packet.clientIdentifier
        clientID = matchClientID ? sentClientID : nil
        circuitID =
            packet.option(DHCPOptionCode.relayAgentInformation) == nil ? nil : packet.relayAgentInformation?.circuitID
        // A valid option 61's value is its identifier's bytes, type first.
        clientIDBytes = clientID == nil ? nil : packet.option(DHCPOptionCode.clientIdentifier)?.value
        offerKey = clientIDBytes.map { [1] + $0 } ?? [0] + hardwareAddress
    }

    /// Whether the packet has a `chaddr` or a valid option 61: what ``init(_:matchClientID:)`` needs.
    static func isIdentifiable(_ packet: DHCPMessage) -> Bool {
        !packet.chaddr.isEmpty || packet.clientIdentifier != nil
    }

    /// The identifier bytes a reservation of this kind would be written with, if the packet has one.
    func identifier(_ kind: KeaHostIdentifier.Kind) -> KeaHostIdentifier? {
        switch kind {
        case .hwAddress:
            return hardwareAddress.isEmpty ? nil : KeaHostIdentifier(kind: .hwAddress, bytes: hardwareAddress)
        case .clientID:
            return sentClientID.map { KeaHostIdentifier(kind: .clientID, bytes: $0.bytes) }
        case .duid:
            // RFC 4361 §6.1: type 255, a 4-byte IAID, then the DUID.
            guard let id = sentClientID, id.type == 255, id.identifier.count > 4 else { return nil }
            return KeaHostIdentifier(kind: .duid, bytes: Array(id.identifier.dropFirst(4)))
        case .circuitID:
            return circuitID.map { KeaHostIdentifier(kind: .circuitID, bytes: $0) }
        case .flexID:
            return nil  // needs the flex_id hook library
        }
    }

}
