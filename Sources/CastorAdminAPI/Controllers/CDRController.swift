import CastorModel
import Foundation
import Hummingbird

/// `GET /api/cdr`: the call detail records, newest first, a page at a time; read-only (the PBX writes them).
///
/// ```
/// GET /api/cdr?limit=50&caller=1001&disposition=NO+ANSWER
/// → {"items": [{"id": 41, "caller": "1001", "disposition": "NO ANSWER", "duration": 8, …}, …],
///    "total": 73, "next_before": 12}
/// GET /api/cdr?limit=50&caller=1001&disposition=NO+ANSWER&before=12     (the next page)
/// ```
///
/// `total` counts every record matching the filters (not only this page); `next_before`, present when more
/// records follow, is the `before` of the next page.
///
/// ```swift
/// CDRController(store: store).addRoutes(to: protectedGroup)
/// ```
struct CDRController: Sendable {
    let store: any CallDetailRecordStore

    /// Records per page when `limit` is absent, and the most one page may hold.
    static let defaultLimit = 50
    static let maxLimit = 1000

    /// The answer: a page of records, the number matching the filters, the next page's cursor.
    struct Page: Encodable {
        var items: [CallDetailRecord]
        var total: Int
        var nextBefore: Int64?

        enum CodingKeys: String, CodingKey {
            case items, total
            case nextBefore = "next_before"
        }
    }

    /// The query parameters, checked.
    struct Query: Equatable {
        var limit = CDRController.defaultLimit
        var before: Int64?
        var caller: String?
        var disposition: CallDetailRecord.Disposition?

        init(_ parameters: Parameters) throws {
            if let text = parameters.get("limit") {
                guard let limit = Int(text), (1...CDRController.maxLimit).contains(limit) else {
                    throw APIError(
                        .badRequest, "limit: must be a number from 1 to \(CDRController.maxLimit), got \"\(text)\"",
                        field: "limit")
                }
                self.limit = limit
            }
            if let text = parameters.get("before") {
                guard let before = Int64(text), before > 0 else {
                    throw APIError(
                        .badRequest, "before: must be the id of a call detail record, got \"\(text)\"", field: "before")
                }
                self.before = before
            }
            if let caller = parameters.get("caller"), !caller.isEmpty { self.caller = caller }
            if let text = parameters.get("disposition"), !text.isEmpty {
                guard let disposition = Self.disposition(text) else {
                    let known = CallDetailRecord.Disposition.allCases.map(\.rawValue).joined(separator: ", ")
                    throw APIError(
                        .badRequest, "disposition: must be one of \(known), got \"\(text)\"", field: "disposition")
                }
                self.disposition = disposition
            }
        }

        /// Asterisk's spelling in any case, with `+` or `_` for its space (`NO+ANSWER`, `no_answer`): a query
        /// string's `+` is not decoded as a space by the router.
        static func disposition(_ text: String) -> CallDetailRecord.Disposition? {
            let spelled = text.uppercased().replacingOccurrences(of: "+", with: " ")
                .replacingOccurrences(of: "_", with: " ")
            return CallDetailRecord.Disposition(rawValue: spelled)
        }
    }

    func addRoutes(to group: RouterGroup<AdminRequestContext>) {
        let store = self.store
        group.get("cdr") { request, _ in
            let query = try Query(request.uri.queryParameters)
            // One more than asked, to know whether another page follows.
            var items = try store.cdrs(
                limit: query.limit + 1, before: query.before, caller: query.caller, disposition: query.disposition)
            var next: Int64?
            if items.count > query.limit {
                items.removeLast()
                next = items.last?.id
            }
            let total = try store.cdrCount(caller: query.caller, disposition: query.disposition)
            return try JSONResponse.make(Page(items: items, total: total, nextBefore: next))
        }
    }
}
