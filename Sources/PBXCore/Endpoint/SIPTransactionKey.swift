/// What matches a request to its server transaction (RFC 3261 §17.2.3): the top Via's branch and sent-by,
/// and the method, with ACK matching the INVITE it acknowledges. A branch without the RFC 3261 magic cookie
/// (`z9hG4bK`, an RFC 2543 peer) is matched on Call-ID, CSeq number and From tag instead, folded into
/// `branch`.
///
/// The hash is computed once: the transaction table holds every transaction for Timer J's 32 s (hundreds of
/// thousands under load), and growing it rehashes every key — three strings each, without the cache — while
/// the event loop waits.
struct SIPTransactionKey: Hashable, Sendable {
    let branch: String
    let sentBy: String
    let method: String
    private let hash: Int

    init(branch: String, sentBy: String, method: String) {
        self.branch = branch
        self.sentBy = sentBy
        self.method = method
        var hasher = Hasher()
        hasher.combine(branch)
        hasher.combine(sentBy)
        hasher.combine(method)
        hash = hasher.finalize()
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.hash == rhs.hash && lhs.branch == rhs.branch && lhs.sentBy == rhs.sentBy && lhs.method == rhs.method
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    static let magicCookie = "z9hG4bK"
}
