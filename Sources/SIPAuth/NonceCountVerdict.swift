/// What `NonceCountWindow` says about a nonce count (RFC 7616 §3.4 and §5.5: a server that checks `nc`
/// refuses a request whose count it has already seen).
public enum NonceCountVerdict: Sendable, Hashable {
    /// First use of this count with this nonce: the request is fresh; it is now remembered.
    case accepted
    /// This count was already used with this nonce, or is more than the window below the highest seen, or is
    /// 0 (counts start at 1): a replay, a broken client, or a retransmission that outlived its transaction.
    /// Answer 401 with a fresh nonce; `stale=true` is safe here (whoever replays cannot answer the new nonce)
    /// and lets an honest phone retry at once.
    case replayed
    /// The window cannot vouch for the count: the nonce's lifetime has passed, or it may have been used before
    /// and forgotten when the window was full. Answer 401 with a fresh nonce and `stale=true`: a genuine phone
    /// retries at once without bothering its user (RFC 7616 §3.3).
    case stale
}
