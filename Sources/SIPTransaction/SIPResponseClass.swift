/// The classes of response the transaction machines tell apart (RFC 3261 §7.2, §21): 1xx, 2xx and 300–699.
@usableFromInline
enum SIPResponseClass: Hashable, Sendable {
    case provisional
    case success
    case failure

    /// The class of `statusCode`, or nil outside 100...699 (such a response is ignored).
    @inlinable
    init?(statusCode: Int) {
        switch statusCode {
        case 100...199: self = .provisional
        case 200...299: self = .success
        case 300...699: self = .failure
        default: return nil
        }
    }
}
