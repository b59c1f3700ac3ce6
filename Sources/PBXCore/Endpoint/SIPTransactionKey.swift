/// What matches a request to its server transaction (RFC 3261 §17.2.3): the top Via's branch and sent-by,
/// and the method, with ACK matching the INVITE it acknowledges. A branch without the RFC 3261 magic cookie
/// (`z9hG4bK`, an RFC 2543 peer) is matched on Call-ID, CSeq number and From tag instead, folded into
/// `branch`.
struct SIPTransactionKey: Hashable, Sendable {
    var branch: String
    var sentBy: String
    var method: String

    static let magicCookie = "z9hG4bK"
}
