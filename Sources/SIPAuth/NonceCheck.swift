import CastorCore

/// What `NonceAuthority.check` finds a nonce to be, and what the registrar owes (RFC 7616 §3.3, §5.5).
public enum NonceCheck: Sendable, Hashable {
    /// Issued by this authority within its lifetime: go on to verify the response.
    case valid(issuedAt: MonotonicInstant)
    /// Issued by this authority but older than its lifetime: if the response is right, answer 401 with a fresh
    /// nonce and `stale=true`, so the phone retries without treating the password as wrong (RFC 7616 §3.3).
    case stale
    /// Not issued by this authority (bad MAC, bad encoding, another secret — e.g. before a restart — or an issue
    /// time in the future): answer 401 with a fresh challenge. `stale=false`, unless the response nonetheless
    /// verifies against the line's HA1 — the client then knows the password (a phone registered before a
    /// restart), and `stale=true` spares it a failed registration; a replayed capture gains nothing from it.
    case forged
}
