/// The Contact header's values (RFC 3261 §20.10): `*` — in a REGISTER with `Expires: 0`, remove every
/// binding (§10.2.2) — or addresses.
public enum SIPContactList: Hashable, Sendable {
    case wildcard
    /// Every address of every Contact field, in order; empty when the message has no Contact.
    case addresses([SIPNameAddress])

    /// The addresses; empty for the wildcard.
    public var addresses: [SIPNameAddress] {
        if case .addresses(let addresses) = self { return addresses }
        return []
    }
}
